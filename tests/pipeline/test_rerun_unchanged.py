"""A re-run on an unchanged drop folder reuses dbt's models and the formal-check results; any
change to a drop-folder table makes both run again (real Dagster, dbt, DuckDB and GX runs)."""

import csv
import shutil
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from demo.records import write_csv
from tests.warehouse_builds import BuiltWarehouse, build_warehouse

DBT_STEPS = ("podium_dbt_models", "podium_dbt_checked_models")
UNKNOWN_CATEGORY = "Kategoria, której nie ma w regulaminie"
UNKNOWN_RULE = "CATEGORY_UNKNOWN"


def _copy_build(built: BuiltWarehouse, root: Path) -> tuple[Path, Path]:
    """The drop folder and build file of a finished build, copied with their file times."""
    data_dir, out_dir = root / "drop", root / "warehouse"
    shutil.copytree(built.data_dir, data_dir)
    shutil.copytree(built.resource.paths.build_dir, out_dir / ".build")
    return data_dir, out_dir


def _rebuilt(result: dg.ExecuteInProcessResult) -> dict[dg.AssetKey, bool]:
    """For every materialized asset: was it rebuilt (True) or does it stand as built (False)."""
    return {
        event.materialization.asset_key: event.materialization.metadata.get(
            "rebuilt", dg.MetadataValue.bool(True)
        ).value
        for event in result.get_asset_materialization_events()
    }


def _checked_rows(warehouse: Path) -> tuple[list, list]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        validated = con.execute(
            "select distinct validated_at from checks.validation_results"
        ).fetchall()
        violations = con.execute(
            "select entry_id, rule_code, message_en from marts.fct_violations order by all"
        ).fetchall()
    return validated, violations


@pytest.fixture(scope="module")
def rerun(demo_warehouse: BuiltWarehouse, tmp_path_factory: pytest.TempPathFactory):
    """The demo's build run again on a copy of its unchanged drop folder and build file."""
    data_dir, out_dir = _copy_build(demo_warehouse, tmp_path_factory.mktemp("rerun"))
    return build_warehouse(data_dir, out_dir)


def test_an_unchanged_rerun_rebuilds_no_dbt_model(rerun):
    rebuilt = _rebuilt(rerun.result)
    # The formal checks (group checks) report their reuse by their results (next test).
    dbt_keys = [key for key in rebuilt if key.path[0] not in ("raw", "checks", "published")]
    assert len(dbt_keys) > 50
    assert not any(rebuilt[key] for key in dbt_keys)
    # Unchanged drop-folder files are not read again; the warehouse is published every run.
    assert not rebuilt[dg.AssetKey(["raw", "entries"])]
    assert not rebuilt[dg.AssetKey(["raw", "scores_issues"])]
    assert rebuilt[dg.AssetKey(["published", "warehouse"])]


def test_an_unchanged_rerun_keeps_the_formal_check_results(rerun, demo_warehouse):
    assert rerun.result.success
    assert _checked_rows(rerun.warehouse) == _checked_rows(demo_warehouse.warehouse)
    checks = rerun.result.get_asset_check_evaluations()
    # The rules' checks still report, on the measurement tables, from the kept results.
    assert {c.check_name for c in checks if c.asset_key.path[0] == "intermediate"} >= {
        "category_unknown",
        "file_missing",
    }


def _rename_first_category(entries: Path, category: str) -> str:
    """Give the first entry of an entries.csv another category; return that entry's id."""
    with entries.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows[1][1] = category
    write_csv(entries, rows[0], rows[1:])
    return rows[1][0]


def test_a_changed_entry_runs_dbt_and_the_checks_again(demo_warehouse, tmp_path):
    data_dir, out_dir = _copy_build(demo_warehouse, tmp_path)
    entry_id = _rename_first_category(data_dir / "PCCA-2026" / "entries.csv", UNKNOWN_CATEGORY)

    changed = build_warehouse(data_dir, out_dir)

    rebuilt = _rebuilt(changed.result)
    assert rebuilt[dg.AssetKey(["raw", "entries"])]
    assert not rebuilt[dg.AssetKey(["raw", "cases"])]
    assert rebuilt[dg.AssetKey(["marts", "fct_entries"])]
    assert rebuilt[dg.AssetKey(["marts", "fct_violations"])]
    before, _ = _checked_rows(demo_warehouse.warehouse)
    after, violations = _checked_rows(changed.warehouse)
    assert after != before
    assert any(entry == entry_id and rule == UNKNOWN_RULE for entry, rule, _ in violations)
