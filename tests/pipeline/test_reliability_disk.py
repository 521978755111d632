"""A full disk and a damaged build file, with real `podium build` processes on real
filesystems: size-limited tmpfs mounts made by the test, files cut short or overwritten.

Whatever fails, the published warehouse stays byte-identical and readable, and the message
says what happened and where.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pytest

from orchestration.build_file import damage
from orchestration.disk_space import DISK_FULL
from tests.podium_builds import Lines, Scratch, digest, entry_ids, kill_group, tiny_drop

MIB = 2**20
ENTRIES = ["T1", "T2"]


@pytest.fixture(scope="module")
def baseline(tmp_path_factory) -> Scratch:
    """A warehouse built and published with plenty of space."""
    root = tmp_path_factory.mktemp("baseline")
    scratch = Scratch(tiny_drop(root / "drop", len(ENTRIES)), root / "out", root / "dagster")
    run = scratch.build()
    assert run.returncode == 0, run.stdout + run.stderr
    return scratch


def _published_copy(
    baseline: Scratch, out_dir: Path, dagster_home: Path, with_build_file: bool = False
) -> Scratch:
    """A scratch whose warehouse folder holds a copy of baseline's published files (and
    whose Dagster home is elsewhere: only the warehouse folder is on the small disk)."""
    scratch = Scratch(baseline.data_dir, out_dir, dagster_home)
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(baseline.paths.warehouse, scratch.paths.warehouse)
    shutil.copyfile(baseline.paths.sponsor_warehouse, scratch.paths.sponsor_warehouse)
    if with_build_file:
        scratch.paths.build_dir.mkdir(parents=True)
        shutil.copyfile(baseline.paths.build_db, scratch.paths.build_db)
    return scratch


@contextmanager
def small_disk(folder: Path, size: int) -> Iterator[Path]:
    """A tmpfs of `size` bytes mounted on folder for the block, unmounted after it."""
    folder.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"a size-limited tmpfs cannot be mounted here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "--lazy", str(folder)], check=True)


def _fill(folder: Path) -> Path:
    """Write into folder until its disk is full; the file that took the space."""
    filler = folder / "filler"
    chunk = b"\0" * MIB
    with filler.open("wb") as handle:
        try:
            while True:
                handle.write(chunk)
                handle.flush()
        except OSError:
            pass
    return filler


def _assert_published_unchanged(scratch: Scratch, baseline: Scratch) -> None:
    assert digest(scratch.paths.warehouse) == digest(baseline.paths.warehouse)
    assert digest(scratch.paths.sponsor_warehouse) == digest(baseline.paths.sponsor_warehouse)
    assert entry_ids(scratch.paths.warehouse) == ENTRIES


def _sizes(scratch: Scratch) -> tuple[int, int]:
    return scratch.paths.warehouse.stat().st_size, scratch.paths.sponsor_warehouse.stat().st_size


def _disk_full_line(stderr: str, mount: Path) -> re.Match[str]:
    match = re.search(
        rf"^{DISK_FULL} {re.escape(str(mount))} \(holding [^)]+\) (?P<what>[^:]+): "
        r"(?P<free>[\d.]+) MiB free, the build needs at least (?P<needed>[\d.]+) MiB",
        stderr,
        re.MULTILINE,
    )
    assert match, stderr[-3000:]
    return match


def test_a_build_that_cannot_fit_is_refused_before_it_writes(baseline, tmp_path):
    warehouse, sponsor = _sizes(baseline)
    with small_disk(tmp_path / "disk", warehouse + sponsor + 4 * MIB) as disk:
        scratch = _published_copy(baseline, disk / "warehouse", tmp_path / "dagster")
        run = scratch.build()
        assert run.returncode == 1
        line = _disk_full_line(run.stderr, disk)
        assert line["what"] == "has too little space"
        # Free: the 4 MiB left; needed: a new build file and its copy, and the sponsors' copy.
        assert float(line["free"]) < 4.1
        assert float(line["needed"]) == pytest.approx((2 * warehouse + sponsor) / MIB, abs=0.1)
        assert "Traceback" not in run.stderr
        assert not scratch.paths.build_db.exists()
        _assert_published_unchanged(scratch, baseline)


def test_a_disk_filling_up_mid_build_fails_it_clearly_and_the_next_build_succeeds(
    baseline, tmp_path
):
    warehouse, sponsor = _sizes(baseline)
    # Room for the published files, the preflight's estimate and the build's working files.
    with small_disk(tmp_path / "disk", 2 * (warehouse + sponsor) + 160 * MIB) as disk:
        scratch = _published_copy(baseline, disk / "warehouse", tmp_path / "dagster")
        build = scratch.start_build()
        lines = Lines(build.stdout)
        lines.until("✓ raw_cases")
        # Another program takes the rest of the disk while the build goes on.
        filler = _fill(disk)
        lines.rest()
        stderr = build.stderr.read()
        assert build.wait(timeout=600) == 1
        line = _disk_full_line(stderr, disk)
        assert line["what"] == "ran out of space during the build"
        assert float(line["free"]) < 1
        assert "Traceback" not in stderr
        _assert_published_unchanged(scratch, baseline)

        filler.unlink()
        again = scratch.build()
        assert again.returncode == 0, again.stdout + again.stderr
        assert entry_ids(scratch.paths.warehouse) == ENTRIES


DAMAGES = {
    "truncated": lambda path: os.truncate(path, path.stat().st_size // 2),
    "not a DuckDB file": lambda path: path.write_text("entry_id,category\nT1,C\n" * 1000),
}


@pytest.mark.parametrize("damage_name", sorted(DAMAGES))
def test_a_damaged_build_file_is_rebuilt_from_scratch(baseline, tmp_path, damage_name):
    scratch = _published_copy(
        baseline, tmp_path / "warehouse", tmp_path / "dagster", with_build_file=True
    )
    DAMAGES[damage_name](scratch.paths.build_db)
    assert damage(scratch.paths.build_db)
    # The run stops for good after its first step, which wrote into a new build file.
    build = scratch.start_build(PODIUM_PAUSE_AT="after:raw_cases")
    lines = Lines(build.stdout)
    said = lines.until("is damaged")
    lines.until("✓ raw_cases")
    kill_group(build)
    assert f"! The build file {scratch.paths.build_db} is damaged (" in said
    assert "this run rebuilds it from scratch" in said
    assert damage(scratch.paths.build_db) is None
    with duckdb.connect(str(scratch.paths.build_db), read_only=True) as con:
        tables = con.execute("select schema_name from duckdb_tables()").fetchall()
    schemas = {schema for (schema,) in tables}
    assert "marts" not in schemas and "raw" in schemas
    _assert_published_unchanged(scratch, baseline)
