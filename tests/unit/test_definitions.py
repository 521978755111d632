"""The code location loads and exposes the whole graph, from raw files to published files."""

import dagster as dg

from expectations.rules import load_rules
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


def test_each_formal_rule_is_a_check_on_the_table_it_judges():
    book = load_rules()
    graph = defs.resolve_asset_graph()
    rules = {
        key.name: key.asset_key.path
        for key in graph.asset_check_keys
        if key.name.upper() in {rule.rule_code for rule in book.rules}
    }
    assert len(rules) == len(book.rules)
    for rule in book.rules:
        assert rules[rule.rule_code.lower()] == ["intermediate", book.tables[rule.table].model]
    # The build job runs them, after the checks that write the results they read.
    job_checks = defs.resolve_job_def("build_warehouse").asset_layer.asset_graph.asset_check_keys
    assert {key.name for key in job_checks} >= set(rules)
