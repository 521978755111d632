"""The published warehouse files: what dashboards, sponsors and analysts open."""

import dagster as dg

from orchestration.dbt_assets import podium_dbt_assets
from orchestration.ingest_assets import WRITER_POOL
from orchestration.publish import publish_sponsor_warehouse, publish_warehouse
from orchestration.resources import PodiumWarehouse


@dg.asset(
    key=["published", "warehouse"],
    group_name="published",
    kinds={"duckdb"},
    pool=WRITER_POOL,
    deps=[key for assets in podium_dbt_assets for key in assets.keys],
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """The complete build, renamed over $PODIUM_WAREHOUSE only after every step succeeded."""
    paths = warehouse.paths
    publish_warehouse(paths.build_db, paths.warehouse)
    context.log.info(f"published {paths.warehouse}")
    return dg.MaterializeResult(metadata={"path": str(paths.warehouse)})


@dg.asset(
    key=["published", "sponsor_warehouse"],
    group_name="published",
    kinds={"duckdb"},
    pool=WRITER_POOL,
    deps=[published_warehouse],
)
def published_sponsor_warehouse(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """The sponsor schema alone, in its own file at $PODIUM_SPONSOR_WAREHOUSE."""
    paths = warehouse.paths
    tables = publish_sponsor_warehouse(paths.build_db, paths.sponsor_warehouse)
    return dg.MaterializeResult(
        metadata={"path": str(paths.sponsor_warehouse), "tables": ", ".join(tables)}
    )
