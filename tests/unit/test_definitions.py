"""The code location loads and exposes the whole graph, from raw files to published files."""

import dagster as dg

from orchestration.definitions import defs


def test_definitions_load_with_expected_asset_keys():
    keys = {key.to_user_string() for key in defs.resolve_all_asset_keys()}
    for expected in (
        "raw/entries",
        "raw/cases",
        "raw/files",
        "raw/jurors",
        "raw/scores",
        "raw/media",
        "staging/stg_raw__entries",
        "marts/fct_entries",
        "sponsor/entries_by_edition",
        "published/warehouse",
        "published/sponsor_warehouse",
    ):
        assert expected in keys


def test_dbt_sources_are_the_ingest_assets():
    graph = defs.resolve_asset_graph()
    staging = graph.get(dg.AssetKey(["staging", "stg_raw__entries"]))
    assert dg.AssetKey(["raw", "entries"]) in staging.parent_keys


def test_dbt_tests_arrive_as_asset_checks():
    checks = {key.name for key in defs.resolve_asset_graph().asset_check_keys}
    assert any(name.startswith("unique_") for name in checks)
