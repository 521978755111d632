"""The data takes a straight route: each layer reads only itself and the layers before it.

drop folder → raw → staging → measurements (intermediate) → checks (Great Expectations) →
verdicts → marts → sponsor. Read from the parsed dbt project (dbt_project/target/
manifest.json, written by `python -m orchestration.prepare`) and from the build's Dagster
graph, without building anything: a model that reads a later layer (a measurement reading a
mart, a verdict read before the checks) fails here.
"""

import copy
import json
from collections.abc import Mapping
from typing import Any

import dagster as dg
import pytest

from expectations.checks_schema import (
    CATALOG_RELATION,
    CHECKS_SCHEMA,
    MEASUREMENT_SCHEMA,
    OUTCOMES_TABLE,
    RESULTS_TABLE,
)
from orchestration.check_assets import MEASUREMENT_KEYS, OUTCOMES_KEY, RESULTS_KEY
from orchestration.dbt_assets import podium_dbt_checked_models, podium_dbt_models
from orchestration.dbt_project import dbt_project
from orchestration.definitions import defs

# Schemas in the order a row walks through them. Seeds (schema rules) are project data that
# any layer may read, like the drop folder's raw tables.
LAYERS = ("raw", "staging", "intermediate", "checks", "verdicts", "marts", "sponsor")
SEED_LAYER = "raw"
CHECKS_SOURCE = "checks"
STAGING_PREFIX = "stg_"

Manifest = Mapping[str, Any]


@pytest.fixture(scope="module")
def manifest() -> Manifest:
    return json.loads(dbt_project.manifest_path.read_text())


def _layer(node: Mapping[str, Any]) -> str:
    return SEED_LAYER if node["resource_type"] == "seed" else node["schema"]


def _rank(layer: str) -> int:
    """The layer's place on the route; a schema off the route ranks after every layer."""
    return LAYERS.index(layer) if layer in LAYERS else len(LAYERS)


def _models(manifest: Manifest) -> list[Mapping[str, Any]]:
    return [node for node in manifest["nodes"].values() if node["resource_type"] == "model"]


def back_references(manifest: Manifest) -> list[str]:
    """Every model reading a node of a later layer (a schema off the route counts as last)."""
    nodes = {**manifest["nodes"], **manifest["sources"]}
    found = []
    for model in _models(manifest):
        for parent_id in model["depends_on"]["nodes"]:
            parent = nodes[parent_id]
            child_layer, parent_layer = _layer(model), _layer(parent)
            if _rank(parent_layer) > _rank(child_layer):
                found.append(f"{model['name']} ({child_layer}) <- {parent_id} ({parent_layer})")
    return found


def data_tests_reading_ahead(manifest: Manifest) -> list[str]:
    """Every data test of a model that reads a later layer than its model's.

    dbt runs a test with the step that builds its model: one on a measurement that compared
    it with a mart would run before the checks, when no mart exists yet.
    """
    nodes = {**manifest["nodes"], **manifest["sources"]}
    found = []
    for test in manifest["nodes"].values():
        if test["resource_type"] != "test" or not test.get("attached_node"):
            continue
        layer = _layer(nodes[test["attached_node"]])
        found += [
            f"{test['name']} ({layer}) <- {parent}"
            for parent in test["depends_on"]["nodes"]
            if _rank(_layer(nodes[parent])) > _rank(layer)
        ]
    return found


def source_readers(manifest: Manifest) -> list[str]:
    """Every model calling source() that is neither a staging view nor the checks' stg_ view."""
    found = []
    for model in _models(manifest):
        sources = [
            manifest["sources"][parent]
            for parent in model["depends_on"]["nodes"]
            if parent.startswith("source.")
        ]
        if not sources or model["schema"] == "staging":
            continue
        reads_checks_only = all(source["source_name"] == CHECKS_SOURCE for source in sources)
        if not (reads_checks_only and model["name"].startswith(STAGING_PREFIX)):
            found.append(model["name"])
    return found


def test_every_model_reads_its_own_layer_or_an_earlier_one(manifest: Manifest) -> None:
    assert back_references(manifest) == []


def test_every_data_test_reads_its_models_layer_or_an_earlier_one(manifest: Manifest) -> None:
    assert data_tests_reading_ahead(manifest) == []


def test_every_layer_of_the_route_has_models(manifest: Manifest) -> None:
    """The route is the project's: a layer renamed away would make the check above vacuous."""
    model_layers = {model["schema"] for model in _models(manifest)}
    source_layers = {source["schema"] for source in manifest["sources"].values()}
    assert model_layers | source_layers == set(LAYERS)
    assert {s["schema"] for s in manifest["sources"].values() if s["source_name"] == "checks"} == {
        CHECKS_SCHEMA
    }


def test_a_back_reference_is_caught(manifest: Manifest) -> None:
    """A measurement reading a verdict, as int_scoring_entries_classified once read fct_entries."""
    changed = copy.deepcopy(manifest)
    models = {model["name"]: model for model in _models(changed)}
    measured = models["int_entries_measured"]
    verdict = next(
        key for key, node in changed["nodes"].items() if node["name"] == "int_entries_checked"
    )
    measured["depends_on"]["nodes"].append(verdict)
    assert back_references(changed) == [
        f"int_entries_measured (intermediate) <- {verdict} (verdicts)"
    ]


def test_only_staging_views_read_sources(manifest: Manifest) -> None:
    assert source_readers(manifest) == []
    changed = copy.deepcopy(manifest)
    mart = next(model for model in _models(changed) if model["name"] == "fct_entries")
    mart["depends_on"]["nodes"].append("source.podium.raw.entries")
    assert source_readers(changed) == ["fct_entries"]


def test_the_checks_read_measurements_and_write_their_own_schema() -> None:
    read = [CATALOG_RELATION.split(".")[0], MEASUREMENT_SCHEMA]
    read += [key.path[0] for key in MEASUREMENT_KEYS]
    assert all(LAYERS.index(schema) < LAYERS.index("checks") for schema in read)
    written = [RESULTS_TABLE, OUTCOMES_TABLE]
    assert {table.split(".")[0] for table in written} == {CHECKS_SCHEMA}
    assert [RESULTS_KEY.path, OUTCOMES_KEY.path] == [table.split(".") for table in written]


def test_the_dbt_step_before_the_checks_builds_nothing_after_them() -> None:
    """Everything the first dbt step builds comes before the checks; the second, after."""
    before = {key.path[0] for key in podium_dbt_models.keys}
    after = {key.path[0] for key in podium_dbt_checked_models.keys}
    assert before and all(
        schema == "rules" or LAYERS.index(schema) < LAYERS.index("checks") for schema in before
    )
    assert after and all(LAYERS.index(schema) > LAYERS.index("checks") for schema in after)


def test_the_checks_asset_sits_between_measurements_and_verdicts() -> None:
    graph = defs.resolve_asset_graph()
    for key in (RESULTS_KEY, OUTCOMES_KEY):
        upstream = graph.get(key).parent_keys
        assert upstream and all(
            LAYERS.index(parent.path[0]) < LAYERS.index("checks") for parent in upstream
        )
        # Besides the published Data Docs, only verdicts read the results.
        readers = {child.path[0] for child in graph.get(key).child_keys} - {"published"}
        assert readers == {"verdicts"}
    verdict = graph.get(dg.AssetKey(["verdicts", "stg_checks__validation_results"]))
    assert RESULTS_KEY in verdict.parent_keys
