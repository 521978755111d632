"""One writer, always: every way of running the build takes the build lock for the whole run,
and the project's Dagster instance queues a second run instead of starting it beside the first.

Real processes: `podium build`, `dagster job execute` and a script calling dg.materialize, on
tiny hand-made drop folders.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import dagster as dg
import pytest

from orchestration.build_lock import build_lock
from orchestration.instance import INSTANCE_CONFIG, Installed, install_instance_config
from settings.environment import PROJECT_ROOT
from tests.podium_builds import Lines, Scratch, entry_ids, tiny_drop

# A one-asset project writing through the warehouse resource, as every Podium asset does;
# it prints when it wrote, so the test can tell that it wrote only after the lock was free.
TINY_PROJECT = """
import time

import dagster as dg

from orchestration.resources import PodiumWarehouse


@dg.asset
def stamp(warehouse: PodiumWarehouse) -> None:
    with warehouse.connect() as con:
        con.execute("create or replace table stamp as select 1 as one")
    print(f"wrote at {time.time()}", flush=True)


defs = dg.Definitions(
    assets=[stamp],
    jobs=[dg.define_asset_job("stamp_job")],
    resources={"warehouse": PodiumWarehouse()},
    executor=dg.in_process_executor,
)

if __name__ == "__main__":
    dg.materialize([stamp], resources={"warehouse": PodiumWarehouse()})
"""
DAGSTER = str(Path(sys.executable).with_name("dagster"))
LAUNCHES = {
    "dg.materialize": lambda script: [sys.executable, str(script)],
    "dagster job execute": lambda script: [
        DAGSTER,
        "job",
        "execute",
        "-f",
        str(script),
        "-j",
        "stamp_job",
    ],
}


def test_the_instance_runs_one_build_at_a_time_with_one_writer_slot(tmp_path):
    home = tmp_path / "dagster_home"
    assert install_instance_config(home) is Installed.WRITTEN
    assert install_instance_config(home) is Installed.CURRENT
    config = dg.DagsterInstance.from_config(str(home)).get_concurrency_config()
    assert config.run_queue_config.max_concurrent_runs == 1
    assert config.pool_config.default_pool_limit == 1
    assert config.pool_config.pool_granularity.value == "run"
    assert (home / "dagster.yaml").read_text().endswith(INSTANCE_CONFIG.read_text())


def test_someones_own_dagster_yaml_is_left_alone(tmp_path):
    own = tmp_path / "dagster.yaml"
    own.write_text("telemetry:\n  enabled: false\n")
    assert install_instance_config(tmp_path) is Installed.FOREIGN
    assert own.read_text() == "telemetry:\n  enabled: false\n"


@pytest.mark.parametrize("launch", sorted(LAUNCHES))
def test_a_dagster_run_waits_for_the_build_lock_saying_for_whom(tmp_path, launch):
    script = tmp_path / "tiny_project.py"
    script.write_text(TINY_PROJECT)
    scratch = Scratch(tmp_path / "drop", tmp_path / "out", tmp_path / "dagster_home")
    build_dir = scratch.paths.build_dir
    with build_lock(build_dir, "the test's own build", lambda _: None):
        run = subprocess.Popen(
            LAUNCHES[launch](script),
            cwd=PROJECT_ROOT,
            env={**scratch.env(), "PYTHONPATH": str(PROJECT_ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        lines = Lines(run.stdout)
        waiting = lines.until("Waiting:", timeout=300)
        time.sleep(3)
        assert run.poll() is None, "the run went on while another build held the lock"
        released = time.time()
    assert re.search(
        rf"Waiting: the test's own build \(pid \d+, started [\d:T-]+\) is writing {build_dir}",
        waiting,
    ), waiting
    wrote = lines.until("wrote at", timeout=300)
    assert run.wait(timeout=120) == 0, "".join(lines.seen)
    assert float(wrote.split("wrote at ")[1]) > released


def test_two_podium_builds_started_together_never_write_at_once(tmp_path):
    scratch = Scratch(tiny_drop(tmp_path / "drop", 3), tmp_path / "out", tmp_path / "dagster")
    builds = [scratch.start_build() for _ in range(2)]
    outputs = [build.communicate(timeout=1800) for build in builds]
    assert [build.returncode for build in builds] == [0, 0], outputs
    # The second to start said whom it waited for: the other build, by its process id.
    waited = [
        (index, line)
        for index, (stdout, _) in enumerate(outputs)
        for line in stdout.splitlines()
        if line.startswith("Waiting:")
    ]
    assert len(waited) == 1, outputs
    index, line = waited[0]
    other = builds[1 - index].pid
    assert f"podium build of {scratch.data_dir} (pid {other}, started" in line
    assert "Could not set lock" not in "".join(stdout + stderr for stdout, stderr in outputs)
    # The instance's record of the two runs: the second started after the first had ended.
    instance = dg.DagsterInstance.from_config(str(scratch.dagster_home))
    first, second = sorted(instance.get_run_records(), key=lambda record: record.start_time)
    assert first.end_time <= second.start_time, (first, second)
    assert {first.dagster_run.status, second.dagster_run.status} == {dg.DagsterRunStatus.SUCCESS}
    # The published file is whole: read-only, every mart there, the drop folder's entries.
    assert entry_ids(scratch.paths.warehouse) == ["T1", "T2", "T3"]
