"""The drop-folder contract: one folder per contest edition, named <CONTEST>-<YEAR>."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

EDITION_FOLDER = re.compile(r"^(?P<contest>[A-Z][A-Z0-9]*)-(?P<year>\d{4})$")


@dataclass(frozen=True, order=True)
class Edition:
    """One contest edition's folder in the drop folder."""

    contest_code: str
    edition_year: int
    folder: Path

    @property
    def name(self) -> str:
        return f"{self.contest_code}-{self.edition_year}"


def discover_editions(data_dir: Path) -> list[Edition]:
    """Every edition folder under the drop folder, sorted by contest and year."""
    if not data_dir.is_dir():
        return []
    editions = []
    for child in data_dir.iterdir():
        match = EDITION_FOLDER.match(child.name)
        if child.is_dir() and match:
            editions.append(
                Edition(match["contest"], int(match["year"]), child.resolve()),
            )
    return sorted(editions)
