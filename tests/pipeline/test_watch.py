"""The watched drop folder: the sensor on its own, then a real deployment publishing a drop."""

import csv
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import dagster as dg
import duckdb
import pytest
from dagster._core.events import DagsterEvent
from dagster._core.remote_origin import (
    RegisteredCodeLocationOrigin,
    RemoteJobOrigin,
    RemoteRepositoryOrigin,
)
from dagster._core.test_utils import create_run_for_test

from orchestration.build_lock import build_lock
from orchestration.definitions import build_job
from orchestration.instance import install_instance_config
from orchestration.sensors import (
    INTERVAL_SECONDS,
    SENSOR_NAME,
    WatchCursor,
    watch_drop_folder,
)
from settings.environment import PROJECT_ROOT, WATCH, podium_paths

DAGSTER = str(Path(sys.executable).with_name("dagster"))
# How long a dropped file may take to be published before the test gives up. Issue 17's
# target (a minute at demo scale) is a speed target: BENCHMARKS.md reports it, measured.
PUBLISHED_WITHIN_SECONDS = 600


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _drop_folder(root: Path) -> Path:
    """One edition, one category, one entry: the smallest folder a build publishes."""
    edition = root / "TST-2026"
    _csv(
        edition / "catalog" / "categories.csv",
        [["category_code", "category_name_pl", "category_name_en"], ["C", "Kultura", "Culture"]],
    )
    _csv(edition / "entries.csv", [["entry_id", "category", "organization"], ["T1", "C", "O"]])
    return root


def _evaluate(
    data_dir: Path, cursor: str | None = None, instance: dg.DagsterInstance | None = None
) -> dg.SensorResult | dg.SkipReason:
    context = dg.build_sensor_context(
        instance=instance or dg.DagsterInstance.ephemeral(), cursor=cursor
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PODIUM_DATA_DIR", str(data_dir))
        return watch_drop_folder(build_job)(context)


def _launched(result) -> WatchCursor:
    assert isinstance(result, dg.SensorResult), result
    assert len(result.run_requests) == 1
    cursor = WatchCursor.loads(result.cursor)
    assert cursor is not None
    assert result.run_requests[0].run_key == f"{cursor.launches}-{cursor.state[:16]}"
    return cursor


def test_first_look_launches_a_build(tmp_path):
    cursor = _launched(_evaluate(_drop_folder(tmp_path / "drop")))
    assert cursor.launches == 1


def test_unchanged_folder_is_skipped(tmp_path):
    drop = _drop_folder(tmp_path / "drop")
    cursor = _launched(_evaluate(drop))
    result = _evaluate(drop, cursor.dumps())
    assert isinstance(result, dg.SkipReason)
    assert "no file of" in result.skip_message and "changed since build 1" in result.skip_message


def test_changed_file_launches_the_next_build(tmp_path):
    drop = _drop_folder(tmp_path / "drop")
    first = _launched(_evaluate(drop))
    with (drop / "TST-2026" / "entries.csv").open("a", encoding="utf-8") as handle:
        handle.write("T2,C,O\n")
    second = _launched(_evaluate(drop, first.dumps()))
    assert second.launches == 2 and second.state != first.state


def test_a_state_built_before_is_built_again_after_another(tmp_path):
    """A dropped file removed again brings back an earlier state: a new run key, a new build."""
    drop = _drop_folder(tmp_path / "drop")
    first = _launched(_evaluate(drop))
    dropped = drop / "TST-2026" / "late.pdf"
    dropped.write_bytes(b"%PDF-1.4\n")
    second = _launched(_evaluate(drop, first.dumps()))
    dropped.unlink()
    third = _launched(_evaluate(drop, second.dumps()))
    assert third.state == first.state and third.launches == 3


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_missing_drop_folder_is_a_skip_with_its_reason(tmp_path, kind):
    target = tmp_path / "drop"
    if kind == "file":
        target.write_text("not a folder")
    result = _evaluate(target, WatchCursor("x", 4).dumps())
    assert isinstance(result, dg.SkipReason)
    assert result.skip_message == (f"the drop folder {target} does not exist or is not a folder")


def test_folder_without_edition_is_a_skip(tmp_path):
    (tmp_path / "drop" / "notes").mkdir(parents=True)
    result = _evaluate(tmp_path / "drop")
    assert isinstance(result, dg.SkipReason)
    assert "no edition folder" in result.skip_message


def test_change_while_a_launched_build_is_queued_launches_nothing(tmp_path):
    """The queued run reads the folder when it starts: it builds the change, no second run."""
    drop = _drop_folder(tmp_path / "drop")
    first = _launched(_evaluate(drop))
    (drop / "TST-2026" / "late.pdf").write_bytes(b"%PDF-1.4\n")
    with dg.instance_for_test() as instance:
        queued = create_run_for_test(
            instance,
            job_name=build_job.name,
            status=dg.DagsterRunStatus.QUEUED,
            tags={"dagster/sensor_name": SENSOR_NAME},
            # Dagster keeps only runs it knows where to launch from in its queue.
            remote_job_origin=RemoteJobOrigin(
                RemoteRepositoryOrigin(RegisteredCodeLocationOrigin("podium"), "__repository__"),
                build_job.name,
            ),
        )
        result = _evaluate(drop, first.dumps(), instance)
        assert isinstance(result, dg.SensorResult) and not result.run_requests
        assert queued.run_id in result.skip_reason.skip_message
        folded = WatchCursor.loads(result.cursor)
        assert folded == WatchCursor(_launched(_evaluate(drop)).state, 1)
        # Once that run has ended, the state it read is the cursor: nothing to launch.
        instance.report_run_failed(queued)
        assert isinstance(_evaluate(drop, result.cursor, instance), dg.SkipReason)


def test_change_while_a_build_is_running_launches_the_next(tmp_path):
    """A running build may have read the folder before the change: the next one is queued."""
    drop = _drop_folder(tmp_path / "drop")
    first = _launched(_evaluate(drop))
    (drop / "TST-2026" / "late.pdf").write_bytes(b"%PDF-1.4\n")
    with dg.instance_for_test() as instance:
        create_run_for_test(
            instance,
            job_name=build_job.name,
            status=dg.DagsterRunStatus.STARTED,
            tags={"dagster/sensor_name": SENSOR_NAME},
        )
        assert _launched(_evaluate(drop, first.dumps(), instance)).launches == 2


def _started_by(instance: dg.DagsterInstance, pid: int) -> dg.DagsterRun:
    run = create_run_for_test(instance, job_name=build_job.name, status=dg.DagsterRunStatus.STARTED)
    instance.report_dagster_event(
        DagsterEvent(dg.DagsterEventType.RUN_START.value, job_name=build_job.name, pid=pid),
        run_id=run.run_id,
    )
    return run


def test_a_run_left_started_by_a_killed_build_is_failed_and_the_next_launched(tmp_path):
    """A killed build never reports its end: its run would hold the one-run queue for ever."""
    drop = _drop_folder(tmp_path / "drop")
    gone = subprocess.Popen(["true"])
    gone.wait()
    with dg.instance_for_test() as instance:
        killed = _started_by(instance, gone.pid)
        running = _started_by(instance, os.getpid())
        assert _launched(_evaluate(drop, None, instance)).launches == 1
        status = {run.run_id: run.status for run in instance.get_runs()}
        assert status[killed.run_id] == dg.DagsterRunStatus.FAILURE
        assert status[running.run_id] == dg.DagsterRunStatus.STARTED
        (failure,) = instance.get_records_for_run(
            killed.run_id, of_type=dg.DagsterEventType.RUN_FAILURE
        ).records
        assert f"its process {gone.pid} is gone" in failure.event_log_entry.message


@pytest.mark.parametrize(("value", "status"), [("1", "RUNNING"), ("", "STOPPED"), ("0", "STOPPED")])
def test_podium_watch_turns_the_sensor_on(monkeypatch, value, status):
    monkeypatch.setenv(WATCH.name, value)
    assert watch_drop_folder(build_job).default_status == dg.DefaultSensorStatus[status]


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
    drop = _drop_folder(tmp_path / "drop")
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


def test_the_sensor_looks_while_a_build_holds_the_lock(tmp_path, monkeypatch):
    """A running build holds the build lock for its whole run: the sensor never waits for it."""
    drop = _drop_folder(tmp_path / "drop")
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(tmp_path / "out" / "podium.duckdb"))
    results = []
    with build_lock(podium_paths().build_dir, "a build in this test", lambda _: None):
        looking = threading.Thread(target=lambda: results.append(_evaluate(drop)), daemon=True)
        looking.start()
        looking.join(timeout=30)
    assert results and _launched(results[0]).launches == 1
