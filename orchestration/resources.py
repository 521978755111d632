"""Resources: the build warehouse the pipeline writes and the dbt CLI."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.build_file import discard_if_damaged
from orchestration.build_lock import build_lock
from orchestration.disk_space import (
    DISK_FULL,
    build_needs,
    check_space,
    disk_full_message,
    is_disk_full,
    naming_a_full_disk,
)
from settings.environment import PodiumPaths, dbt_profile_env, podium_paths


def _failed_for_want_of_space(context: dg.InitResourceContext) -> bool:
    """Whether a step of this run failed for a full disk somewhere our message does not reach
    (dbt's own process), so that the run's log ends with the message naming the disk."""
    if context.instance is None or context.run_id is None:
        return False
    failures = context.instance.get_records_for_run(
        context.run_id, of_type=dg.DagsterEventType.STEP_FAILURE
    ).records
    texts = [
        record.event_log_entry.dagster_event.step_failure_data.error.to_string()
        for record in failures
        if record.event_log_entry.dagster_event.step_failure_data.error
    ]
    return any(is_disk_full(text) and DISK_FULL not in text for text in texts)


class PodiumWarehouse(dg.ConfigurableResource):
    """The drop folder to read and the warehouse to build; empty fields follow the environment."""

    data_dir: str = ""
    warehouse: str = ""
    sponsor_warehouse: str = ""

    @property
    def paths(self) -> PodiumPaths:
        defaults = podium_paths()
        return PodiumPaths(
            data_dir=Path(self.data_dir) if self.data_dir else defaults.data_dir,
            warehouse=Path(self.warehouse) if self.warehouse else defaults.warehouse,
            sponsor_warehouse=(
                Path(self.sponsor_warehouse)
                if self.sponsor_warehouse
                else defaults.sponsor_warehouse
            ),
        )

    @contextmanager
    def yield_for_execution(self, context: dg.InitResourceContext) -> Iterator["PodiumWarehouse"]:
        """Hold the build lock for the whole run, which sets up resources once with the
        in-process executor; under it, a damaged build file is dropped and a build that
        would not fit on its disk is refused before anything is written."""
        paths = self.paths
        run = context.dagster_run
        purpose = f"Dagster run {run.run_id} of {run.job_name}" if run else "a Dagster run"
        with build_lock(paths.build_dir, purpose, context.log.info):
            discard_if_damaged(paths.build_db, context.log.warning)
            check_space(paths)
            yield self
            if _failed_for_want_of_space(context):
                context.log.error(disk_full_message(paths))

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A writing connection to the build file, closed on exit so dbt can open it next.

        A full disk, wherever it strikes inside the block, fails as one message naming it."""
        build_db = self.paths.build_db
        with naming_a_full_disk(lambda: build_needs(self.paths)):
            build_db.parent.mkdir(parents=True, exist_ok=True)
            con = duckdb.connect(str(build_db))
            try:
                yield con
            finally:
                con.close()

    def export_build_env(self) -> None:
        """Point dbt's profile (PODIUM_BUILD_DB, PODIUM_DUCKDB_MEMORY_LIMIT) at this build file."""
        # dbt's seeds need no raw table, so a dbt step may be the first to touch the build.
        self.paths.build_db.parent.mkdir(parents=True, exist_ok=True)
        os.environ.update(dbt_profile_env(self.paths.build_db))
