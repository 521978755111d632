"""Resources: the build warehouse the pipeline writes and the dbt CLI."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

from orchestration.build_file import discard_if_damaged
from orchestration.build_lock import build_lock
from orchestration.disk_space import build_needs, check_space, naming_a_full_disk
from orchestration.settings import PodiumPaths, podium_paths


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
        """Point dbt's profile (env_var PODIUM_BUILD_DB) at this build file."""
        # dbt's seeds need no raw table, so a dbt step may be the first to touch the build.
        self.paths.build_db.parent.mkdir(parents=True, exist_ok=True)
        os.environ["PODIUM_BUILD_DB"] = str(self.paths.build_db)
