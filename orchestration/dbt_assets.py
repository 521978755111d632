"""Every dbt seed, model and test as Dagster assets and asset checks, grouped by layer."""

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


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PodiumDbtTranslator(),
    pool=WRITER_POOL,
)
def podium_dbt_models(
    context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: PodiumWarehouse
):
    """Seeds, models and tests of the dbt project, built into the build file."""
    warehouse.export_build_env()
    yield from dbt.cli(["build"], context=context).stream()
