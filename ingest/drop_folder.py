"""The drop-folder contract: one folder per contest edition, named <CONTEST>-<YEAR>."""

from __future__ import annotations

import hashlib
import os
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

    @property
    def key(self) -> tuple[str, int]:
        """(contest_code, edition_year): how the raw tables' rows name their edition."""
        return (self.contest_code, self.edition_year)


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


def _edition_lines(edition: Edition) -> list[str]:
    """Every file and folder of the edition folder: relative path, type, size, mtime."""
    lines = []
    pending = [(str(edition.folder), f"{edition.name}/")]
    while pending:
        folder, prefix = pending.pop()
        lines.append(prefix)
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, f"{prefix}{entry.name}/"))
                else:
                    info = entry.stat(follow_symlinks=False)
                    lines.append(
                        f"{prefix}{entry.name} {info.st_mode} {info.st_size} {info.st_mtime_ns}"
                    )
    return lines


def edition_state(edition: Edition) -> str:
    """A hash of the edition folder's tree: a re-upload, an added or removed file, a renamed
    folder each change it. It costs a walk and an lstat per file, a fraction of what loading
    and comparing every probe does."""
    # Sorted: the order a folder lists its entries in is no change.
    return hashlib.sha256("\n".join(sorted(_edition_lines(edition))).encode()).hexdigest()
