"""The benchmark harness's parts work on real files and processes (the timings are not checked:
speed is measured by `make bench`, never by tests)."""

import shutil
import sys
from pathlib import Path

import pytest

from benchmarks.dataset import listed_files, modify_fraction, write_list
from benchmarks.measure import run_step
from benchmarks.queries import record_dashboard_queries, time_query
from benchmarks.report import TARGETS
from benchmarks.steps import parse_duration, run_seconds
from dashboards import connections
from settings.environment import PROJECT_ROOT

GRANDCHILD_MIB = 80
FFPROBE_FILES = 4
CHILD = f"""
import subprocess, sys
code = "data = bytearray({GRANDCHILD_MIB} * 1024 * 1024); import time; time.sleep(0.6)"
subprocess.run([sys.executable, "-c", code], check=True)
print('BENCH_RESULT {{"answer": 42}}')
"""


def test_run_step_counts_the_memory_of_grandchildren(tmp_path):
    result = run_step("child", [sys.executable, "-c", CHILD], {}, tmp_path / "child.log", tmp_path)
    assert result.reported == {"answer": 42}
    assert result.peak_tree_bytes >= GRANDCHILD_MIB * 1024**2
    assert result.peak_process_bytes >= GRANDCHILD_MIB * 1024**2


@pytest.mark.parametrize("method", ["mutagen", "ffprobe"])
def test_every_probe_method_sees_every_listed_file(method, demo_drop_folder, tmp_path):
    if method == "ffprobe" and shutil.which("ffprobe") is None:
        pytest.skip("ffprobe is installed by make bench, not by make setup")
    pairs = listed_files(demo_drop_folder)
    if method == "ffprobe":
        pairs = pairs[:FFPROBE_FILES]  # one process per file: a few files prove it
    write_list(pairs, tmp_path / "files.tsv")
    env = {"PYTHONPATH": str(PROJECT_ROOT), "PATH": "/usr/bin:/bin"}
    result = run_step(
        method,
        [sys.executable, "-m", "benchmarks.probe", method, str(tmp_path / "files.tsv")],
        env,
        tmp_path / f"{method}.log",
        PROJECT_ROOT,
    )
    assert pairs
    assert result.reported["files"] == len(pairs)
    assert sum(result.reported["outcomes"].values()) == len(pairs)


def test_one_percent_of_files_change_content(demo_drop_folder, tmp_path):
    drop = tmp_path / "drop"
    shutil.copytree(demo_drop_folder, drop)
    # The demo lists a few files that are missing on purpose; only present ones change.
    pairs = [pair for pair in listed_files(drop) if (pair[0] / pair[1]).is_file()]
    before = {pair: (pair[0] / pair[1]).read_bytes() for pair in pairs}
    changed = modify_fraction(pairs, 0.01, seed=1)
    differing = [pair for pair in pairs if (pair[0] / pair[1]).read_bytes() != before[pair]]
    assert changed == max(1, round(len(pairs) * 0.01))
    assert len(differing) == changed


def test_dashboard_queries_are_recorded_and_timed(demo_warehouse, monkeypatch):
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(demo_warehouse.warehouse))
    monkeypatch.setenv("PODIUM_SPONSOR_WAREHOUSE", str(demo_warehouse.sponsor_warehouse))
    queries = record_dashboard_queries()
    databases = {Path(q.database) for q in queries}
    assert {demo_warehouse.warehouse, demo_warehouse.sponsor_warehouse} <= databases
    timing = time_query(queries[0], repeats=3)
    assert timing.rows > 0
    assert 0 < timing.p50_ms <= timing.p95_ms <= timing.max_ms
    assert 0 < timing.first_open_p50_ms <= timing.first_open_p95_ms
    # Timing leaves the file open on one kept connection, as a dashboard would.
    assert set(connections._readers) == {queries[0].database}


def test_seconds_inside_the_job_come_from_the_runs_start_and_end(tmp_path):
    log = tmp_path / "build.log"
    prefix = "+0000 - dagster - DEBUG - build_warehouse - 42f881a5-57f5 - 20880 -"
    log.write_text(
        f"2026-12-02 08:49:33 {prefix} RUN_START - Started execution of run\n"
        f"2026-12-02 08:49:40 {prefix} STEP_START - Started execution of step\n"
        f"2026-12-02 08:50:42 {prefix} RUN_SUCCESS - Finished execution of run\n"
    )
    assert run_seconds(log) == 69.0
    log.write_text(f"2026-12-02 08:49:33 {prefix} RUN_START - Started execution of run\n")
    assert run_seconds(log) is None


def test_dagster_durations_and_target_verdicts():
    assert [parse_duration(t) for t in ("8.3ms", "533ms", "5.6s", "4m52s", "1h4m")] == [
        pytest.approx(0.0083),
        pytest.approx(0.533),
        pytest.approx(5.6),
        292.0,
        3840.0,
    ]
    assert "✅" in TARGETS["vs_mutagen"].verdict(1.6, 100_000)
    assert "20% short" in TARGETS["vs_mutagen"].verdict(1.2, 100_000)
    assert "1.5x the limit" in TARGETS["unchanged"].verdict(0.15, 100_000)
    assert "applies at 100k" in TARGETS["query_p95"].verdict(300, 1_000)
