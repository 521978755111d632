"""What the demo generator produces, and the writers of its tables."""

from __future__ import annotations

import csv
import io
import random
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from demo.judging import JudgingPlan

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

    unattributed holds, by edition, the entry ids files.csv lists that no entry row has;
    judging, by edition, what its conflicts.csv and decisions.csv hold and must do.
    """

    target: Path
    entries: dict[str, list[DemoEntry]] = field(default_factory=dict)
    unattributed: dict[str, list[str]] = field(default_factory=dict)
    judging: dict[str, JudgingPlan] = field(default_factory=dict)


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


# The time an XLSX says it was made and each of its ZIP members was stamped with: fixed, so
# the same seed writes the same bytes (openpyxl would stamp the moment of writing).
XLSX_TIMESTAMP = datetime(2024, 6, 1, 12, 0, 0)


def write_xlsx(path: Path, header: list[str], rows: list[list[object]]) -> None:
    """An Excel export, as organizers often send it."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Zgłoszenia")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    # Workbook.save would stamp `modified` with the current time; ExcelWriter keeps ours.
    workbook.properties.created = workbook.properties.modified = XLSX_TIMESTAMP
    written = io.BytesIO()
    ExcelWriter(workbook, zipfile.ZipFile(written, "w", zipfile.ZIP_DEFLATED)).save()
    stamp = XLSX_TIMESTAMP.timetuple()[:6]
    with (
        zipfile.ZipFile(written) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            fixed = zipfile.ZipInfo(member.filename, date_time=stamp)
            fixed.compress_type = member.compress_type
            fixed.external_attr = member.external_attr
            target.writestr(fixed, source.read(member))


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
