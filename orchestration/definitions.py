"""Assembles Podium's assets, checks and resources into one Dagster code location."""

import dagster as dg

from orchestration.check_assets import formal_checks, formal_rules, published_data_docs
from orchestration.dbt_assets import podium_dbt_assets
from orchestration.dbt_project import dbt_cli
from orchestration.faults import pause_after_step
from orchestration.ingest_assets import raw_table_assets
from orchestration.media_assets import raw_media
from orchestration.publish_assets import published_sponsor_warehouse, published_warehouse
from orchestration.resources import PodiumWarehouse
from orchestration.sensors import watch_drop_folder

all_assets = [
    *raw_table_assets,
    raw_media,
    *podium_dbt_assets,
    published_warehouse,
    published_sponsor_warehouse,
    formal_checks,
    published_data_docs,
]
all_checks = [formal_rules]

build_job = dg.define_asset_job(
    "build_warehouse", selection=dg.AssetSelection.all(), hooks={pause_after_step}
)

defs = dg.Definitions(
    assets=all_assets,
    asset_checks=all_checks,
    jobs=[build_job],
    sensors=[watch_drop_folder(build_job)],
    resources={
        "warehouse": PodiumWarehouse(),
        "dbt": dbt_cli(),
    },
    executor=dg.in_process_executor,
)
