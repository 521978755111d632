"""What the demo generator produces, and the writers of its tables."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

# At scale, one entry in RULE_BREAK_EVERY breaks a rule (about 6%).
RULE_BREAK_EVERY = 16


@dataclass
class DemoEntry:
    """One generated entry: what it is and which rule it deliberately breaks, if any.

    file_defects names the damage done to one of its files afterwards (truncated, empty,
    mislabelled); calls holds (case_no, seconds) of each call recording written for it.
    """

    edition: str
    entry_id: str
    category: str
    category_as_written: str
    participant: str
    organization: str
    rule_breaks: tuple[str, ...] = ()
    file_defects: list[str] = field(default_factory=list)
    calls: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class DemoDropFolder:
    """The generated folder and its entries by edition folder name (e.g. 'PCCA-2026').

    unattributed holds, by edition, the entry ids files.csv lists that no entry row has.
    """

    target: Path
    entries: dict[str, list[DemoEntry]] = field(default_factory=dict)
    unattributed: dict[str, list[str]] = field(default_factory=dict)


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> None:
    """An Excel export, as organizers often send it."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Zgłoszenia")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    workbook.save(path)


@dataclass
class BreakPlan:
    """Which entries of an edition break a rule: the kinds take turns at a seeded offset.

    An edition breaks at least one rule of every kind when it has room for it (so the demo
    shows each), and otherwise about one entry in RULE_BREAK_EVERY, as real editions do.
    """

    rng: random.Random
    kinds: tuple[str, ...]
    entries: int
    seen: int = 0

    def __post_init__(self) -> None:
        self.every = max(2, min(RULE_BREAK_EVERY, self.entries // len(self.kinds)))
        self.offset = self.rng.randrange(self.every)

    def next(self) -> str | None:
        """The rule the next entry breaks, or None."""
        index, self.seen = self.seen, self.seen + 1
        if index % self.every != self.offset:
            return None
        return self.kinds[index // self.every % len(self.kinds)]
