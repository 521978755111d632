"""Every dbt seed, model and test as Dagster assets and asset checks, grouped by layer."""

import os
from collections.abc import Mapping
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets

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
# A dbt test runs with the step that builds the last of its parents (buildable), never in an
# earlier step where one of its tables does not exist yet (eager would).
INDIRECT_SELECTION = "buildable"


def _dbt_build(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: PodiumWarehouse):
    warehouse.export_build_env()
    os.environ["DBT_INDIRECT_SELECTION"] = INDIRECT_SELECTION
    yield from dbt.cli(["build"], context=context).stream()


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
    yield from _dbt_build(context, dbt, warehouse)


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
    yield from _dbt_build(context, dbt, warehouse)


podium_dbt_assets = [podium_dbt_models, podium_dbt_checked_models]
