"""Edition folders as Dagster partitions: a run of one edition reads that edition only.

Real materializations of the drop-folder tables on a real DuckDB file, with the partitions
registered in a real (ephemeral) instance, as the sensor registers them.
"""

from pathlib import Path

import dagster as dg
import duckdb
import pytest

from demo.records import write_csv
from ingest.drop_folder import discover_editions
from orchestration.editions import EDITIONS, keys_of_run, range_tags, sync_editions
from orchestration.ingest_assets import raw_table_assets
from orchestration.resources import PodiumWarehouse

ENTRIES_KEY = dg.AssetKey(["raw", "entries"])


def _edition(root: Path, name: str, organizations: list[str]) -> None:
    write_csv(
        root / name / "catalog" / "categories.csv",
        ["category_code", "category_name_pl", "category_name_en"],
        [["C", "Kultura", "Culture"]],
    )
    write_csv(
        root / name / "entries.csv",
        ["entry_id", "category", "organization"],
        [[f"E{number}", "C", organization] for number, organization in enumerate(organizations)],
    )


@pytest.fixture
def drop(tmp_path: Path) -> Path:
    _edition(tmp_path / "drop", "AAA-2025", ["Teatr"])
    _edition(tmp_path / "drop", "BBB-2026", ["Opera", "Muzeum"])
    return tmp_path / "drop"


def _run(
    drop: Path, warehouse: Path, instance: dg.DagsterInstance, editions: list[str] | None
) -> dg.ExecuteInProcessResult:
    tags = {}
    if editions is not None:
        tags = range_tags(sync_editions(instance, discover_editions(drop)), editions)
    return dg.materialize(
        raw_table_assets,
        instance=instance,
        tags=tags,
        resources={"warehouse": PodiumWarehouse(data_dir=str(drop), warehouse=str(warehouse))},
    )


def _organizations(warehouse: Path) -> dict[str, list[str]]:
    build_db = PodiumWarehouse(warehouse=str(warehouse)).paths.build_db
    with duckdb.connect(str(build_db), read_only=True) as con:
        rows = con.execute(
            "select contest_code || '-' || edition_year, organization from raw.entries order by all"
        ).fetchall()
    found: dict[str, list[str]] = {}
    for edition, organization in rows:
        found.setdefault(edition, []).append(organization)
    return found


def _editions_read(result: dg.ExecuteInProcessResult) -> set[str]:
    """What raw.entries' materializations (one per partition of the run) say was read."""
    return {
        event.materialization.metadata["editions"].value
        for event in result.get_asset_materialization_events()
        if event.materialization.asset_key == ENTRIES_KEY
    }


def test_a_run_of_one_edition_reads_that_edition_only(drop, tmp_path):
    warehouse = tmp_path / "out" / "podium.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    _run(drop, warehouse, instance, None)
    _edition(drop, "AAA-2025", ["Teatr Nowy"])
    _edition(drop, "BBB-2026", ["Opera", "Muzeum", "Galeria"])

    result = _run(drop, warehouse, instance, ["BBB-2026"])

    # BBB's change is read; AAA's change waits for a run of its own partition.
    assert _organizations(warehouse) == {
        "AAA-2025": ["Teatr"],
        "BBB-2026": ["Galeria", "Muzeum", "Opera"],
    }
    assert _editions_read(result) == {"BBB-2026"}
    materialized = instance.get_materialized_partitions(ENTRIES_KEY)
    assert "BBB-2026" in materialized and "AAA-2025" not in materialized

    _run(drop, warehouse, instance, ["AAA-2025"])
    assert _organizations(warehouse)["AAA-2025"] == ["Teatr Nowy"]


def test_an_unchanged_edition_of_the_run_is_not_read_again(drop, tmp_path):
    warehouse = tmp_path / "out" / "podium.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    _run(drop, warehouse, instance, None)
    _edition(drop, "BBB-2026", ["Opera"])

    result = _run(drop, warehouse, instance, ["AAA-2025", "BBB-2026"])

    # Both partitions are materialized, but AAA's unchanged files were not read again.
    assert _editions_read(result) == {"BBB-2026"}
    assert _organizations(warehouse) == {"AAA-2025": ["Teatr"], "BBB-2026": ["Opera"]}


def test_a_removed_edition_folder_leaves_no_row_whichever_edition_runs(drop, tmp_path):
    warehouse = tmp_path / "out" / "podium.duckdb"
    instance = dg.DagsterInstance.ephemeral()
    _run(drop, warehouse, instance, None)
    for path in sorted((drop / "AAA-2025").rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    (drop / "AAA-2025").rmdir()

    _run(drop, warehouse, instance, ["BBB-2026"])

    assert _organizations(warehouse) == {"BBB-2026": ["Muzeum", "Opera"]}
    assert instance.get_dynamic_partitions(EDITIONS.name) == ["BBB-2026"]


def test_a_run_names_its_editions_by_partition_or_range():
    ordered = ["AAA-2025", "BBB-2026", "CCC-2026"]
    tags = range_tags(ordered, ["CCC-2026", "AAA-2025"])
    run = dg.DagsterRun(job_name="build_warehouse", tags=tags)
    assert keys_of_run(run, ordered) == set(ordered)
    single = dg.DagsterRun(job_name="build_warehouse", tags={"dagster/partition": "BBB-2026"})
    assert keys_of_run(single, ordered) == {"BBB-2026"}
    assert keys_of_run(dg.DagsterRun(job_name="build_warehouse"), ordered) is None
    assert range_tags(ordered, []) == {}
