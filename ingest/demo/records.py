"""What the demo generator produces, and the writers of its tables."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from pathlib import Path

# One entry in RULE_BREAK_EVERY breaks a rule (about 6%), the kinds taking turns.
RULE_BREAK_EVERY = 16


@dataclass
class DemoEntry:
    """One generated entry: what it is and which rule it deliberately breaks, if any."""

    edition: str
    entry_id: str
    category: str
    category_as_written: str
    participant: str
    organization: str
    rule_breaks: tuple[str, ...] = ()


@dataclass
class DemoDropFolder:
    """The generated folder and its entries by edition folder name (e.g. 'PCCA-2026')."""

    target: Path
    entries: dict[str, list[DemoEntry]] = field(default_factory=dict)


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


def break_for(rng: random.Random, counter: list[int], kinds: tuple[str, ...]) -> str | None:
    """The rule the next entry breaks, or None: a fixed share, at a seeded offset."""
    counter[0] += 1
    if len(counter) == 1:
        counter.append(rng.randrange(RULE_BREAK_EVERY))
    if counter[0] % RULE_BREAK_EVERY != counter[1]:
        return None
    return kinds[(counter[0] // RULE_BREAK_EVERY + counter[1]) % len(kinds)]
