"""Shared fixtures: a demo drop folder and a warehouse built from it by the real pipeline."""

import os
from dataclasses import dataclass
from pathlib import Path

import dagster as dg
import pytest
from hypothesis import settings

from demo.generate import generate
from demo.records import DemoDropFolder
from orchestration.dbt_project import dbt_cli
from orchestration.definitions import all_assets
from orchestration.resources import PodiumWarehouse

# Property tests (tests/test_properties_*.py) run a fixed number of examples, derandomized
# and without an example database, so `make test` takes the same bounded time every run and
# a failure shows again on the next one. HYPOTHESIS_PROFILE=explore searches much further
# (random, remembering failures in .hypothesis/, which git ignores).
settings.register_profile(
    "podium", max_examples=40, deadline=2000, derandomize=True, database=None, print_blob=True
)
settings.register_profile("explore", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "podium"))


@dataclass(frozen=True)
class BuiltWarehouse:
    """A drop folder and the warehouse files one real pipeline run published from it."""

    data_dir: Path
    resource: PodiumWarehouse
    result: dg.ExecuteInProcessResult

    @property
    def warehouse(self) -> Path:
        return self.resource.paths.warehouse

    @property
    def sponsor_warehouse(self) -> Path:
        return self.resource.paths.sponsor_warehouse


def build_warehouse(data_dir: Path, out_dir: Path, raise_on_error: bool = True) -> BuiltWarehouse:
    """Materialize every asset of the project on data_dir, publishing under out_dir."""
    resource = PodiumWarehouse(
        data_dir=str(data_dir),
        warehouse=str(out_dir / "podium.duckdb"),
        sponsor_warehouse=str(out_dir / "sponsor.duckdb"),
    )
    result = dg.materialize(
        all_assets,
        resources={"warehouse": resource, "dbt": dbt_cli()},
        raise_on_error=raise_on_error,
    )
    return BuiltWarehouse(data_dir, resource, result)


@pytest.fixture(scope="session")
def demo_generated(tmp_path_factory: pytest.TempPathFactory) -> DemoDropFolder:
    """The demo drop folder with what the generator meant each entry to be."""
    return generate(tmp_path_factory.mktemp("drop") / "demo", seed=7, scale=1)


@pytest.fixture(scope="session")
def demo_drop_folder(demo_generated: DemoDropFolder) -> Path:
    return demo_generated.target


@pytest.fixture(scope="session")
def demo_warehouse(demo_drop_folder: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo drop folder built once per test session with the real Dagster, dbt and DuckDB."""
    return build_warehouse(demo_drop_folder, tmp_path_factory.mktemp("warehouse"))
