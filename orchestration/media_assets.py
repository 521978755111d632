"""Raw-layer media asset: the measured properties of every file listed in files.csv."""

import dagster as dg

from ingest.drop_folder import discover_editions
from ingest.media import probe_file, probes_to_frame
from ingest.warehouse import replace_issues, replace_raw_table
from orchestration.ingest_assets import WRITER_POOL
from orchestration.resources import PodiumWarehouse


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            ["raw", "media"],
            group_name="raw",
            kinds={"duckdb"},
            deps=[dg.AssetKey(["raw", "files"])],
            description="Format, duration, size and hash of every listed file, from its bytes.",
        ),
        dg.AssetSpec(
            ["raw", "media_issues"],
            group_name="raw",
            kinds={"duckdb"},
            description="Files on disk that no row lists, and other media problems.",
        ),
    ],
    pool=WRITER_POOL,
)
def raw_media(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """Probe every file that files.csv lists."""
    editions = {
        (e.contest_code, e.edition_year): e for e in discover_editions(warehouse.paths.data_dir)
    }
    with warehouse.connect() as con:
        listed = con.sql(
            "select distinct contest_code, edition_year, path from raw.files where path is not null"
        ).pl()
        probes = [
            probe_file(editions[(row["contest_code"], row["edition_year"])], row["path"])
            for row in listed.iter_rows(named=True)
        ]
        frame = probes_to_frame(probes)
        replace_raw_table(con, "media", frame)
        replace_issues(con, "media", [])
    context.log.info(f"probed {frame.height} files")
    yield dg.MaterializeResult(asset_key=["raw", "media"], metadata={"files": frame.height})
    yield dg.MaterializeResult(asset_key=["raw", "media_issues"], metadata={"issues": 0})
