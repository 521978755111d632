"""The benchmark's drop folder: the demo generator at the scale of a large awards operator.

    python -m benchmarks.dataset TARGET --entries N [--seed S]

The generator takes a scale factor, not an entry count: the entries one unit of scale
yields are counted on a unit-scale folder (once per version of the generator's code,
remembered beside the results) and the scale rounded up from there.

The folder is written in the generator's short-media mode: the same entries, cases, files
and scores as the demo, but calls of seconds instead of minutes (still real MP3/MP4/WAV
files), so 100,000 entries fit in a few GB instead of ~90 GB. Only two calls exceed their
category's duration limit (see demo.media).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import math
import os
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.measure import report
from demo.generate import generate
from ingest.contract import ENTRIES, FILES
from ingest.drop_folder import discover_editions
from ingest.tables import read_table

SEED = 2026


@dataclass(frozen=True)
class DropFolderSize:
    """What a generated drop folder holds."""

    editions: int
    entries: int
    listed_files: int
    files: int  # every regular file on disk, tables and unlisted files included
    disk_bytes: int  # allocated on disk, as du counts it


def measure_drop_folder(data_dir: Path) -> DropFolderSize:
    editions = discover_editions(data_dir)
    # Distinct ids: the rows a duplicated entry adds are not more entries, and they are a
    # larger share at scale 1 (where every rule kind is broken) than at any other scale.
    entries = sum(
        read_table(e, ENTRIES).frame.get_column("entry_id").drop_nulls().n_unique()
        for e in editions
    )
    on_disk = [p.stat() for p in data_dir.rglob("*") if p.is_file() and not p.is_symlink()]
    return DropFolderSize(
        editions=len(editions),
        entries=entries,
        listed_files=len(listed_files(data_dir)),
        files=len(on_disk),
        disk_bytes=sum(s.st_blocks * 512 for s in on_disk),
    )


def listed_files(data_dir: Path) -> list[tuple[Path, str]]:
    """Every distinct (edition folder, relative path) that a files.csv lists and that exists.

    Paths written with backslashes are taken with slashes, as the pipeline reads them; files
    listed but missing (the demo has a few on purpose) are left out, so every method
    measured opens the same real files.
    """
    pairs = set()
    for edition in discover_editions(data_dir):
        for written in read_table(edition, FILES).frame.get_column("path").drop_nulls():
            relative = written.replace("\\", "/")
            path = (edition.folder / relative).resolve()
            if path.is_relative_to(edition.folder) and path.is_file():
                pairs.add((edition.folder, relative))
    return sorted(pairs)


def write_list(pairs: list[tuple[Path, str]], list_file: Path) -> None:
    list_file.parent.mkdir(parents=True, exist_ok=True)
    list_file.write_text("".join(f"{folder}\t{path}\n" for folder, path in pairs), "utf-8")


def _generator_version() -> str:
    sources = sorted(Path(generate.__code__.co_filename).parent.glob("*.py"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in sources)).hexdigest()[:16]


def entries_per_unit(seed: int, memo: Path) -> int:
    # Short media changes no table, so the count holds for either mode: one key per seed.
    key = f"{_generator_version()}-{seed}"
    known = json.loads(memo.read_text()) if memo.is_file() else {}
    if key not in known:
        with tempfile.TemporaryDirectory(prefix="podium-bench-unit-") as tmp:
            generate(Path(tmp), seed=seed, scale=1, short_media=True)
            known[key] = measure_drop_folder(Path(tmp)).entries
        memo.write_text(json.dumps(known))
    return known[key]


def scale_for(entries: int, seed: int, memo: Path) -> int:
    """The smallest generator scale that yields at least `entries` entries."""
    return max(1, math.ceil(entries / entries_per_unit(seed, memo)))


def modify_fraction(pairs: list[tuple[Path, str]], fraction: float, seed: int) -> int:
    """Re-upload a fraction of the files: each gets the bytes of another file of its kind."""
    existing = [(f, p) for f, p in pairs if (f / p).is_file()]
    by_suffix: dict[str, list[Path]] = {}
    for folder, relative in existing:
        by_suffix.setdefault(Path(relative).suffix.lower(), []).append(folder / relative)
    rng = random.Random(seed)
    chosen = rng.sample(existing, max(1, round(len(existing) * fraction)))
    for folder, relative in chosen:
        path = folder / relative
        donor = rng.choice(by_suffix[Path(relative).suffix.lower()])
        data = donor.read_bytes()
        if data == path.read_bytes():
            data += b"\0"  # still a changed upload when the donor is a twin of this file
        path.write_bytes(data)
    return len(chosen)


def change_one_row(drop: Path) -> str:
    """Rename one entry's organization in the first UTF-8 entries.csv that names them: the
    smallest change an organizer makes. Returns the edition changed."""
    for edition in discover_editions(drop):
        path = edition.folder / "entries.csv"
        try:
            # Bytes, not read_text: universal newlines would hide a CRLF file's line ends.
            text = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        delimiter = max(",;\t", key=text.partition("\n")[0].count)
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        if len(rows) < 2 or "organization" not in rows[0]:
            continue
        rows[1][rows[0].index("organization")] += " (renamed)"
        out = io.StringIO(newline="")
        ending = "\r\n" if "\r\n" in text else "\n"
        csv.writer(out, delimiter=delimiter, lineterminator=ending).writerows(rows)
        path.write_bytes(out.getvalue().encode("utf-8"))
        return edition.name
    raise ValueError(f"no UTF-8 entries.csv with an organization column in {drop}")


def add_edition(drop: Path) -> str:
    """Copy the largest edition folder as the same contest's next year: a new edition folder
    with its own files, as when the next season's first drop arrives. Returns its name."""
    editions = discover_editions(drop)
    largest = max(editions, key=lambda e: sum(1 for _ in e.folder.rglob("*")))
    year = max(e.edition_year for e in editions if e.contest_code == largest.contest_code) + 1
    name = f"{largest.contest_code}-{year}"
    shutil.copytree(largest.folder, drop / name)
    return name


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--entries", type=int, required=True)
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args()
    scale = scale_for(args.entries, args.seed, args.target.parent.parent / "unit_entries.json")
    if args.target.exists():
        shutil.rmtree(args.target)
    started = time.perf_counter()
    generate(
        args.target, seed=args.seed, scale=scale, short_media=True, processes=os.cpu_count() or 1
    )
    seconds = time.perf_counter() - started
    size = measure_drop_folder(args.target)
    report({"scale": scale, "seconds": seconds, **size.__dict__})


if __name__ == "__main__":
    main()
