"""Every dbt seed, model and test as Dagster assets and asset checks, grouped by layer."""

import json
import os
from collections.abc import Iterator, Mapping
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration import unchanged
from orchestration.dbt_project import dbt_project
from orchestration.ingest_assets import WRITER_POOL
from orchestration.resources import PodiumWarehouse


class PodiumDbtTranslator(DagsterDbtTranslator):
    """Keys dbt nodes by their schema (rules, staging, marts, ...) and groups them likewise."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props["schema"]


# Everything downstream of the formal-check results (raw.validation_results, dbt source
# `checks`) is built after the Great Expectations asset, the rest before it: two dbt steps.
AFTER_CHECKS = "source:checks+"
# The drop-folder tables the first step reads; the second reads the check results as well.
RAW_SOURCE = "raw"
# A dbt test runs with the step that builds the last of its parents (buildable), never in an
# earlier step where one of its tables does not exist yet (eager would).
INDIRECT_SELECTION = "buildable"


# Where dbt writes what it makes of the project; none of it defines the build.
NOT_DEFINITION = ("target", "logs", "dbt_packages", ".user.yml")


def _definition(project_dir: Path) -> str:
    """A fingerprint of the dbt project's own files: models, seeds, tests, macros, config."""
    files = [
        path
        for path in project_dir.rglob("*")
        if path.is_file() and path.relative_to(project_dir).parts[0] not in NOT_DEFINITION
    ]
    return unchanged.files_fingerprint(project_dir, files)


def _source_tables(manifest_path: Path, source_names: set[str] | None) -> list[tuple[str, str]]:
    """(schema, table) of the manifest's sources, of the named sources only when given."""
    sources = json.loads(manifest_path.read_text())["sources"].values()
    return [
        (source["schema"], source["identifier"])
        for source in sources
        if source_names is None or source["source_name"] in source_names
    ]


def _reused(context: dg.AssetExecutionContext, inputs: unchanged.StepInputs) -> Iterator[Any]:
    context.log.info(
        f"{inputs.step}: the dbt project and every table it reads are unchanged since its "
        "last successful build; dbt build skipped, the models stand as built"
    )
    selected = context.selected_asset_keys
    # Dagster takes a multi-asset's results only in dependency order.
    graph = TopologicalSorter(
        {key: context.assets_def.asset_deps.get(key, set()) & selected for key in selected}
    )
    for key in graph.static_order():
        yield dg.MaterializeResult(
            asset_key=key, metadata={"rebuilt": False, "inputs_fingerprint": inputs.fingerprint}
        )


def _dbt_build(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: PodiumWarehouse,
    source_names: set[str] | None,
) -> Iterator[Any]:
    """dbt build of the step's selection, unless its inputs are those of its last success."""
    warehouse.export_build_env()
    tables = _source_tables(dbt_project.manifest_path, source_names)
    with warehouse.connect() as con:
        inputs = unchanged.step_inputs(
            con, context.op_def.name, tables, _definition(dbt_project.project_dir)
        )
        # A subset (picked in Dagster's UI) is built as asked and never taken as the whole.
        if not context.is_subset and unchanged.is_unchanged(con, inputs):
            yield from _reused(context, inputs)
            return
        unchanged.forget(con, inputs.step)
    os.environ["DBT_INDIRECT_SELECTION"] = INDIRECT_SELECTION
    yield from dbt.cli(["build"], context=context).stream()
    if not context.is_subset:
        with warehouse.connect() as con:
            unchanged.remember(con, inputs)


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PodiumDbtTranslator(),
    exclude=AFTER_CHECKS,
    pool=WRITER_POOL,
)
def podium_dbt_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: PodiumWarehouse
):
    """Seeds, models and tests of the dbt project up to the formal-check measurements."""
    yield from _dbt_build(context, dbt, warehouse, {RAW_SOURCE})


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PodiumDbtTranslator(),
    select=AFTER_CHECKS,
    pool=WRITER_POOL,
    name="podium_dbt_checked_models",
)
def podium_dbt_checked_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: PodiumWarehouse
):
    """The dbt models built on the formal-check results (violations, validity, and their users)."""
    yield from _dbt_build(context, dbt, warehouse, None)


podium_dbt_assets = [podium_dbt_models, podium_dbt_checked_models]
