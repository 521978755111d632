"""The pipeline's probe step outside the whole build: the raw_media asset itself, on a cold cache.

Running the asset, rather than re-assembling its calls here, keeps the measurement true
to the pipeline as the probing code changes: file listing, the probe cache, the worker
pool and the write of raw.media are all in the figure. raw.files is landed first, in the
same run; only the raw_media step's own duration is timed.
"""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

import dagster as dg

from orchestration.dbt_project import dbt_cli
from orchestration.definitions import all_assets
from orchestration.resources import PodiumWarehouse

PROBE_STEP = "raw_media"
LOAD_STEP = "raw_files"


def _assets_named(*names: str) -> list[dg.AssetsDefinition]:
    return [a for a in all_assets if a.node_def.name in names]


def probe_like_the_asset(pairs: list[tuple[Path, str]]) -> tuple[Counter, float]:
    """Run raw_files then raw_media on the pairs' drop folder: (file counts, probe seconds)."""
    (data_dir,) = {folder.parent for folder, _ in pairs}
    instance = dg.DagsterInstance.ephemeral()
    with tempfile.TemporaryDirectory(prefix="podium-bench-probe-") as out:
        resource = PodiumWarehouse(
            data_dir=str(data_dir),
            warehouse=str(Path(out) / "podium.duckdb"),
            sponsor_warehouse=str(Path(out) / "sponsor.duckdb"),
        )
        result = dg.materialize(
            _assets_named(LOAD_STEP, PROBE_STEP),
            resources={"warehouse": resource, "dbt": dbt_cli()},
            instance=instance,
        )
        with resource.connect() as con:
            statuses = con.execute(
                "select probe_status, count(*) from raw.media group by all"
            ).fetchall()
    (stats,) = instance.get_run_step_stats(result.run_id, [PROBE_STEP])
    return Counter(dict(statuses)), stats.end_time - stats.start_time
