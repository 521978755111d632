"""Resources: the build warehouse the pipeline writes and the dbt CLI."""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import duckdb

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
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A writing connection to the build file, closed on exit so dbt can open it next."""
        build_db = self.paths.build_db
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
