"""What Dagster's UI shows of a build: row counts, column schemas, code and data versions."""

import dagster as dg
import duckdb
import pytest

from orchestration.definitions import defs
from orchestration.table_metadata import COLUMN_SCHEMA, ROW_COUNT


@pytest.fixture(scope="module")
def materialized(demo_warehouse) -> dict[dg.AssetKey, dg.AssetMaterialization]:
    return {
        event.asset_key: event.step_materialization_data.materialization
        for event in demo_warehouse.result.get_asset_materialization_events()
    }


@pytest.fixture(scope="module")
def tables(demo_warehouse) -> dict[tuple[str, str], int]:
    """Every table of the build file (views left out) and its row count."""
    with duckdb.connect(str(demo_warehouse.resource.paths.build_db), read_only=True) as con:
        names = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where database_name = current_database()"
        ).fetchall()
        return {
            (schema, name): con.execute(f'select count(*) from "{schema}"."{name}"').fetchone()[0]
            for schema, name in names
        }


def test_every_table_asset_carries_its_row_count_and_columns(materialized, tables, demo_warehouse):
    table_assets = [key for key in materialized if tuple(key.path) in tables]
    # raw tables, dbt tables of every layer, the formal-check results
    assert {key.path[0] for key in table_assets} >= {"raw", "intermediate", "marts", "sponsor"}
    with duckdb.connect(str(demo_warehouse.resource.paths.build_db), read_only=True) as con:
        for key in table_assets:
            metadata = materialized[key].metadata
            assert metadata[ROW_COUNT].value == tables[tuple(key.path)], key
            columns = [column.name for column in metadata[COLUMN_SCHEMA].schema.columns]
            expected = [
                row[0]
                for row in con.execute(
                    "select column_name from duckdb_columns() where schema_name = ? "
                    "and table_name = ? order by column_index",
                    list(key.path),
                ).fetchall()
            ]
            assert columns == expected, key


def test_dbt_marts_report_their_row_counts(materialized, tables):
    entries = materialized[dg.AssetKey(["marts", "fct_entries"])]
    assert entries.metadata[ROW_COUNT].value == tables[("marts", "fct_entries")] > 0


def test_raw_assets_have_code_and_data_versions(materialized):
    graph = defs.resolve_asset_graph()
    for key in (dg.AssetKey(["raw", "entries"]), dg.AssetKey(["raw", "media"])):
        assert graph.get(key).code_version, key
        assert materialized[key].tags.get("dagster/data_version"), key
    # Different tables, different contents: different data versions.
    versions = {
        materialized[dg.AssetKey(["raw", name])].tags["dagster/data_version"]
        for name in ("entries", "files", "media", "scores")
    }
    assert len(versions) == 4
