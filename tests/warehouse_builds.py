"""A real in-process build of a drop folder: every asset materialized, the files published."""

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import dagster as dg

from ingest.drop_folder import discover_editions
from orchestration.dbt_project import dbt_cli
from orchestration.definitions import all_assets, all_checks
from orchestration.editions import range_tags, sync_editions
from orchestration.resources import PodiumWarehouse


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


def build_warehouse(
    data_dir: Path,
    out_dir: Path,
    raise_on_error: bool = True,
    editions: Sequence[str] | None = None,
) -> BuiltWarehouse:
    """Materialize every asset of the project on data_dir, publishing under out_dir; the
    drop-folder tables of every edition, or of the named editions' partitions only."""
    resource = PodiumWarehouse(
        data_dir=str(data_dir),
        warehouse=str(out_dir / "podium.duckdb"),
        sponsor_warehouse=str(out_dir / "sponsor.duckdb"),
    )
    instance = dg.DagsterInstance.ephemeral()
    tags = {}
    if editions is not None:
        tags = range_tags(sync_editions(instance, discover_editions(data_dir)), editions)
    result = dg.materialize(
        [*all_assets, *all_checks],
        instance=instance,
        tags=tags,
        resources={"warehouse": resource, "dbt": dbt_cli()},
        raise_on_error=raise_on_error,
    )
    return BuiltWarehouse(data_dir, resource, result)


def write_csv(path: Path, rows: list[list[str]]) -> None:
    """Write a drop-folder CSV (its header the first row), creating its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
