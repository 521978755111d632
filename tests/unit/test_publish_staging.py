"""Publishing's own guards: leftovers of killed builds, and a copy checked before the rename."""

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from orchestration.publish import publish_warehouse, remove_stale_staged_files


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_staged_copies_of_dead_builds_are_removed_a_live_ones_kept(tmp_path):
    target = tmp_path / "podium.duckdb"
    dead = _dead_pid()
    with subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"]) as live:
        try:
            names = [
                f".podium.duckdb.{dead}.publishing",
                f".podium.duckdb.{dead}.publishing.wal",
                f".podium.duckdb.{live.pid}.publishing",
                ".sponsor.duckdb.1.publishing",
                "podium.duckdb",
            ]
            for name in names:
                (tmp_path / name).write_bytes(b"x")
            removed = remove_stale_staged_files(target)
        finally:
            live.kill()
    assert sorted(p.name for p in removed) == sorted(names[:2])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names[2:])


def _build_with(path: Path, sql: str) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute(sql)
    return path


def test_a_build_without_marts_is_never_published(tmp_path):
    target = _build_with(tmp_path / "podium.duckdb", "create table main.previous as select 1 as a")
    before = target.read_bytes()
    build = _build_with(tmp_path / "build.duckdb", "create table main.half as select 1 as a")
    with pytest.raises(RuntimeError, match="no table in schema marts"):
        publish_warehouse(build, target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".*publishing*"))


def test_a_complete_build_replaces_the_published_file(tmp_path):
    target = _build_with(tmp_path / "podium.duckdb", "create table main.previous as select 1 as a")
    build = _build_with(
        tmp_path / "build.duckdb", "create schema marts; create table marts.t as select 2 as a"
    )
    publish_warehouse(build, target)
    with duckdb.connect(str(target), read_only=True) as con:
        assert con.execute("select a from marts.t").fetchall() == [(2,)]
    assert not list(tmp_path.glob(".*publishing*"))


def _pause_point_process(name: str, pause_at: str, stderr: Path) -> subprocess.Popen:
    with stderr.open("wb") as handle:
        return subprocess.Popen(
            [
                sys.executable,
                "-c",
                f"from orchestration.faults import pause_point as p; p({name!r})",
            ],
            cwd=Path(__file__).resolve().parents[2],
            env={**os.environ, "PODIUM_PAUSE_AT": pause_at},
            stderr=handle,
        )


def test_a_pause_point_holds_the_process_only_when_named(tmp_path):
    # Both start together: each spends most of its time importing.
    passing = _pause_point_process("publish:staged", "after:raw_entries", tmp_path / "passing")
    held = _pause_point_process("publish:staged", "publish:staged", tmp_path / "held")
    try:
        assert passing.wait(timeout=120) == 0
        deadline = time.monotonic() + 120
        while "podium: paused at publish:staged" not in (tmp_path / "held").read_text():
            assert held.poll() is None and time.monotonic() < deadline
            time.sleep(0.1)
        time.sleep(1)
        assert held.poll() is None
    finally:
        held.kill()
        held.wait()
