"""The watched drop folder in a real deployment: `dagster dev` publishes a dropped entry."""

import os
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import build_job
from orchestration.instance import install_instance_config
from orchestration.sensors import (
    INTERVAL_SECONDS,
    SENSOR_NAME,
)
from settings.environment import PROJECT_ROOT, WATCH
from tests.podium_builds import tiny_drop

DAGSTER = str(Path(sys.executable).with_name("dagster"))
# How long a dropped file may take to be published before the test gives up. Issue 17's
# target (a minute at demo scale) is a speed target: BENCHMARKS.md reports it, measured.
PUBLISHED_WITHIN_SECONDS = 600


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _published_entries(warehouse: Path) -> set[str]:
    if not warehouse.exists():
        return set()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {row[0] for row in con.execute("select entry_id from marts.fct_entries").fetchall()}


def _wait_for(what: str, done, seconds: float, log: Path):
    """Poll done() until it returns something truthy, failing after seconds with the log."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = done()
        if found:
            return found
        time.sleep(0.25)
    tail = log.read_text(errors="replace")[-4000:]
    pytest.fail(f"{what}: not within {seconds:.0f} s\n{tail}")


def _runs(home: Path) -> list[dg.DagsterRun]:
    with dg.DagsterInstance.from_config(str(home)) as instance:
        return instance.get_runs(filters=dg.RunsFilter(job_name=build_job.name))


def _all_ended(home: Path, count: int) -> bool:
    runs = _runs(home)
    return len(runs) == count and all(run.is_finished for run in runs)


@contextmanager
def _watching(drop: Path, out: Path, home: Path, log: Path):
    """`make watch`'s command (PODIUM_WATCH=1 dagster dev) on drop, stopped whatever happens."""
    install_instance_config(home)
    env = {
        **os.environ,
        WATCH.name: "1",
        "PODIUM_DATA_DIR": str(drop),
        "PODIUM_WAREHOUSE": str(out / "podium.duckdb"),
        "PODIUM_SPONSOR_WAREHOUSE": str(out / "sponsor.duckdb"),
        "DAGSTER_HOME": str(home),
        "PYTHONPATH": str(PROJECT_ROOT),
        # As under make: `dagster dev` prepares the dbt project with the dbt found on PATH.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
    }
    command = [DAGSTER, "dev", "-m", "orchestration.definitions", "-p", str(_free_port())]
    with log.open("w") as output:
        # Its own process group: the daemon, the UI, the code server and the runs they start
        # are all stopped with it.
        process = subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield process
        finally:
            os.killpg(process.pid, signal.SIGINT)
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=30)
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)


def test_a_dropped_file_is_published_by_the_running_deployment(tmp_path):
    """Dagster's daemon builds the folder on its own, then publishes a dropped entry."""
    drop = tiny_drop(tmp_path / "drop", 1)
    out, home, log = tmp_path / "out", tmp_path / "dagster", tmp_path / "dagster-dev.log"
    warehouse = out / "podium.duckdb"
    with _watching(drop, out, home, log):
        _wait_for("first build published", lambda: _published_entries(warehouse), 600, log)
        _wait_for("first build ended", lambda: _all_ended(home, 1), 300, log)
        edition = drop / "TST-2026"
        with (edition / "entries.csv").open("a", encoding="utf-8") as handle:
            handle.write("T2,C,O\n")
        (edition / "late.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
        dropped = time.monotonic()
        _wait_for(
            "dropped entry published",
            lambda: "T2" in _published_entries(warehouse),
            PUBLISHED_WITHIN_SECONDS,
            log,
        )
        print(f"freshness: entry dropped to published in {time.monotonic() - dropped:.1f} s")
        _wait_for("second build ended", lambda: _all_ended(home, 2), 300, log)
        # Two more looks at an unchanged folder launch nothing.
        time.sleep(2 * INTERVAL_SECONDS + 1)
        runs = _runs(home)
    assert [run.status for run in runs] == [dg.DagsterRunStatus.SUCCESS] * 2
    assert all(run.tags.get("dagster/sensor_name") == SENSOR_NAME for run in runs)
    assert _published_entries(warehouse) == {"T1", "T2"}
