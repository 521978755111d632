"""Raw-layer media asset: the measured properties of every file listed in files.csv."""

import time

import dagster as dg
import polars as pl

from ingest.drop_folder import discover_editions
from ingest.media.cache import load_cache, reusable, save_cache
from ingest.media.frames import probes_to_frame
from ingest.media.inventory import list_files, probe_issues, unlisted_files
from ingest.media.parallel import probe_many, worker_count
from ingest.media.record import OK
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
            deps=[dg.AssetKey(["raw", "files"])],
            description="Files that could not be probed as listed, and files no row lists.",
        ),
    ],
    pool=WRITER_POOL,
)
def raw_media(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """Probe every file that files.csv lists, reusing probes of unchanged files."""
    started = time.perf_counter()
    editions = {
        (e.contest_code, e.edition_year): e for e in discover_editions(warehouse.paths.data_dir)
    }
    with warehouse.connect() as con:
        listed_rows = con.execute(
            "select contest_code, edition_year, path from raw.files "
            "where path is not null order by contest_code, edition_year, _source_row"
        ).fetchall()
        cache = load_cache(con)
    by_edition: dict[tuple[str, int], list[str]] = {key: [] for key in editions}
    for contest, year, path in listed_rows:
        if (contest, year) in by_edition:
            by_edition[(contest, year)].append(path)
    listed, issues = [], []
    for key, paths in by_edition.items():
        files, listing_issues = list_files(editions[key], paths)
        listed.extend(files)
        issues.extend(listing_issues)
        issues.extend(unlisted_files(editions[key], files))
    probes, to_probe, reused = [None] * len(listed), [], 0
    for index, item in enumerate(listed):
        key = (item.edition.contest_code, item.edition.edition_year, item.checked.relative_path)
        cached = cache.get(key)
        if reusable(cached, item.checked):
            probes[index], reused = cached, reused + 1
        else:
            to_probe.append(index)
    tasks = [
        (listed[i].edition.contest_code, listed[i].edition.edition_year, listed[i].checked)
        for i in to_probe
    ]
    for index, probe in zip(to_probe, probe_many(tasks), strict=True):
        probes[index] = probe
    for edition in editions.values():
        mine = [p for p, f in zip(probes, listed, strict=True) if f.edition is edition]
        issues.extend(probe_issues(edition, mine))
    probed_now = set(to_probe)
    frame = probes_to_frame(probes).with_columns(
        pl.Series("listed_path", [f.listed_path for f in listed], dtype=pl.String()),
        pl.Series("probe_reused", [i not in probed_now for i in range(len(listed))]),
    )
    opened = sum(1 for i in to_probe if listed[i].checked.path is not None)
    with warehouse.connect() as con:
        replace_raw_table(con, "media", frame)
        replace_issues(con, "media", issues)
        save_cache(con, probes)
    seconds = round(time.perf_counter() - started, 3)
    failed = sum(1 for p in probes if p.probe_status != OK)
    context.log.info(
        f"media: {len(listed)} listed files, {opened} probed, {reused} reused, "
        f"{failed} not ok, {len(issues)} issues in {seconds} s"
    )
    yield dg.MaterializeResult(
        asset_key=["raw", "media"],
        metadata={
            "files": len(listed),
            "probed": opened,
            "reused": reused,
            "not_ok": failed,
            "workers": worker_count(),
            "seconds": seconds,
        },
    )
    yield dg.MaterializeResult(asset_key=["raw", "media_issues"], metadata={"issues": len(issues)})
