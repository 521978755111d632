"""Every dbt seed, model and test as Dagster assets and asset checks, grouped by layer."""

import importlib
import json
import os
import shutil
import threading
from collections.abc import Iterable, Iterator, Mapping
from graphlib import TopologicalSorter
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

from orchestration import unchanged
from orchestration.dbt_project import dbt_project, definition_files
from orchestration.ingest_assets import WRITER_POOL
from orchestration.resources import PodiumWarehouse
from orchestration.table_metadata import table_metadata


class PodiumDbtTranslator(DagsterDbtTranslator):
    """Keys dbt nodes by their schema (rules, staging, marts, ...) and groups them likewise."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return super().get_asset_key(dbt_resource_props)
        return dg.AssetKey([dbt_resource_props["schema"], dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        return dbt_resource_props["schema"]


# The route is drop folder, raw, staging, measurements (intermediate), checks, verdicts,
# marts: the formal checks (Great Expectations, writing schema checks, the dbt source
# `checks`) read measurements only. So the verdicts (everything downstream of that source)
# and every mart and sponsor table are built after them, the rest before: two dbt steps.
AFTER_CHECKS = "source:checks+ path:models/marts path:models/sponsor"
# The drop-folder tables the first step reads; the second reads the check results as well.
RAW_SOURCE = "raw"
# A dbt test runs with the step that builds the last of its parents (buildable), never in an
# earlier step where one of its tables does not exist yet (eager would).
INDIRECT_SELECTION = "buildable"


# dbt's parse of the project, reused by the next invocation when the project files and the
# profile (which names the build file) are those it was made with: a full parse costs seconds.
PARSE_STATE = "partial_parse.msgpack"
# The library of the formal checks that follow the dbt steps.
CHECKS_LIBRARY = "great_expectations"


def _definition() -> str:
    """A fingerprint of the dbt project's own files: models, seeds, tests, macros, config."""
    return unchanged.files_fingerprint(dbt_project.project_dir, definition_files())


def _source_tables(manifest_path: Path, source_names: set[str] | None) -> list[tuple[str, str]]:
    """(schema, table) of the manifest's sources, of the named sources only when given."""
    sources = json.loads(manifest_path.read_text())["sources"].values()
    return [
        (source["schema"], source["identifier"])
        for source in sources
        if source_names is None or source["source_name"] in source_names
    ]


def _reused(
    context: dg.AssetExecutionContext, inputs: unchanged.StepInputs, tables: Mapping
) -> Iterator[Any]:
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
            asset_key=key,
            metadata={
                "rebuilt": False,
                "inputs_fingerprint": inputs.fingerprint,
                **tables.get(key, {}),
            },
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
        inputs = unchanged.step_inputs(con, context.op_def.name, tables, _definition())
        # A subset (picked in Dagster's UI) is built as asked and never taken as the whole.
        if unchanged.begin(con, inputs, reusable=not context.is_subset):
            yield from _reused(context, inputs, table_metadata(con, context.selected_asset_keys))
            return
    os.environ["DBT_INDIRECT_SELECTION"] = INDIRECT_SELECTION
    # Importing Great Expectations costs seconds of CPU; done while dbt (a separate process)
    # builds, the formal checks find it ready. Not on a reused step, which must stay quick.
    threading.Thread(
        target=importlib.import_module, args=(CHECKS_LIBRARY,), name="preload", daemon=True
    ).start()
    yield from _invoke_build(context, dbt, warehouse, warehouse.paths.build_dir / "dbt")
    if not context.is_subset:
        with warehouse.connect() as con:
            unchanged.remember(con, inputs)


def _with_table_metadata(
    context: dg.AssetExecutionContext, events: Iterable[Any], warehouse: PodiumWarehouse
) -> Iterator[Any]:
    """dbt's events, each materialization with its table's row count and column schema.

    They are read when dbt has finished, since DuckDB lets no other process open the file
    while dbt writes it; a failed build still reports what it materialized before failing.
    """
    done: list[Any] = []
    try:
        for event in events:
            done.append(event)
    except Exception:
        # dbt failed: its events as they came, without opening a file dbt may still hold.
        yield from done
        raise
    with warehouse.connect() as con:
        metadata = table_metadata(con, context.selected_asset_keys)
    for event in done:
        yield _with_metadata(context, event, metadata)


def _with_metadata(
    context: dg.AssetExecutionContext, event: Any, metadata: Mapping[dg.AssetKey, dict]
) -> Any:
    if isinstance(event, dg.Output):
        key = context.asset_key_for_output(event.output_name)
    elif isinstance(event, dg.AssetMaterialization):
        key = event.asset_key
    else:
        return event
    return event.with_metadata({**event.metadata, **metadata.get(key, {})})


def _invoke_build(
    context: dg.AssetExecutionContext,
    dbt: DbtCliResource,
    warehouse: PodiumWarehouse,
    target_dir: Path,
) -> Iterator[Any]:
    """`dbt build` with its target in the build folder, starting from the folder's last parse.

    The profile names the build file, so a parse made for one build folder is no use to
    another: each build folder keeps its own. A new one starts from the project's prepared
    parse (`make manifest`), which fits the default build file.
    """
    parse_state = target_dir / PARSE_STATE
    prepared = dbt_project.project_dir / dbt_project.target_path / PARSE_STATE
    if not parse_state.exists() and prepared.exists():
        target_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(prepared, parse_state)
    step_target = target_dir / context.op_def.name
    shutil.rmtree(step_target, ignore_errors=True)
    # dagster-dbt copies the parse state from $DBT_TARGET_PATH into the invocation's target.
    previous = os.environ.get("DBT_TARGET_PATH")
    os.environ["DBT_TARGET_PATH"] = str(target_dir)
    try:
        events = dbt.cli(["build"], context=context, target_path=step_target).stream()
        yield from _with_table_metadata(context, events, warehouse)
    finally:
        if previous is None:
            os.environ.pop("DBT_TARGET_PATH", None)
        else:
            os.environ["DBT_TARGET_PATH"] = previous
    if (step_target / PARSE_STATE).exists():
        shutil.copyfile(step_target / PARSE_STATE, parse_state)


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
    """Seeds, staging views and measurement models of the dbt project: what the checks read."""
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
    """The verdicts on the formal-check results, then every mart and sponsor table."""
    yield from _dbt_build(context, dbt, warehouse, None)


podium_dbt_assets = [podium_dbt_models, podium_dbt_checked_models]
