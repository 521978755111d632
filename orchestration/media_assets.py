"""Raw-layer media asset: the measured properties of every file listed in files.csv."""

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg
import duckdb
import polars as pl

from ingest.drop_folder import discover_editions
from ingest.media.cache import load_cache, reusable, save_cache
from ingest.media.frames import probes_to_frame
from ingest.media.inventory import list_files, probe_issues, unlisted_files
from ingest.media.parallel import probe_many, worker_count
from ingest.media.record import OK, PROBE_VERSION
from ingest.raw_schema import replace_issues, replace_raw_table
from orchestration import unchanged
from orchestration.ingest_assets import WRITER_POOL
from orchestration.progress import Progress
from orchestration.resources import PodiumWarehouse
from orchestration.table_metadata import data_version, table_metadata
from settings.environment import PROJECT_ROOT, PodiumPaths


@dataclass(frozen=True)
class MediaSummary:
    """What one media step did, for the run's log and the assets' metadata."""

    files: int
    opened: int
    reused: int
    failed: int
    issues: int
    seconds: float
    rebuilt: bool = True


MEDIA_CODE = sorted((PROJECT_ROOT / "ingest" / "media").glob("*.py"))
# Dagster's code version of the media assets: a change to the probes makes them stale.
MEDIA_CODE_VERSION = unchanged.files_fingerprint(PROJECT_ROOT, MEDIA_CODE)[:16]
MEDIA_KEY = dg.AssetKey(["raw", "media"])
MEDIA_ISSUES_KEY = dg.AssetKey(["raw", "media_issues"])


def folder_state(paths: PodiumPaths) -> str:
    """Every file and folder of every edition folder: relative path, type, size, mtime.

    A re-upload, an added or removed file, a renamed folder: each changes this. It costs a
    walk and an lstat per file, a fraction of what loading and comparing every probe does.
    """
    lines = []
    for edition in discover_editions(paths.data_dir):
        pending = [(str(edition.folder), f"{edition.name}/")]
        while pending:
            folder, prefix = pending.pop()
            lines.append(prefix)
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append((entry.path, f"{prefix}{entry.name}/"))
                    else:
                        info = entry.stat(follow_symlinks=False)
                        lines.append(
                            f"{prefix}{entry.name} {info.st_mode} {info.st_size} {info.st_mtime_ns}"
                        )
    # Sorted: the order a folder lists its entries in is no change.
    return hashlib.sha256("\n".join(sorted(lines)).encode()).hexdigest()


def _media_inputs(con: duckdb.DuckDBPyConnection, paths: PodiumPaths) -> unchanged.StepInputs:
    """The files.csv rows, the edition folders' files and the probing code, fingerprinted."""
    return unchanged.step_inputs(
        con,
        "raw_media",
        [("raw", "files")],
        f"{MEDIA_CODE_VERSION} {folder_state(paths)} {PROBE_VERSION}",
    )


def _reused(con: duckdb.DuckDBPyConnection) -> MediaSummary:
    # Files that were opened have a modification time: their probes stand as reused.
    (files, reused, failed, issues) = con.execute(
        "select count(*), count(mtime_ns), count(*) filter (where probe_status <> 'ok'), "
        "(select count(*) from raw.media_issues) from raw.media"
    ).fetchall()[0]
    return MediaSummary(files, 0, reused, failed, issues, 0.0, rebuilt=False)


def _probe_and_land(
    warehouse: PodiumWarehouse, inputs: unchanged.StepInputs, log: Callable[[str], None]
) -> MediaSummary:
    """Probe every listed file (reusing unchanged ones) and land probes and issues in raw."""
    started = time.perf_counter()
    data_dir = warehouse.paths.data_dir
    editions = {(e.contest_code, e.edition_year): e for e in discover_editions(data_dir)}
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
    for key, edition_paths in by_edition.items():
        files, listing_issues = list_files(editions[key], edition_paths)
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
    del cache
    tasks = [
        (listed[i].edition.contest_code, listed[i].edition.edition_year, listed[i].checked)
        for i in to_probe
    ]
    with Progress("media: files probed", len(tasks), log) as progress:
        probed = probe_many(tasks, progress=progress.update)
    for index, probe in zip(to_probe, probed, strict=True):
        probes[index] = probe
    for edition in editions.values():
        mine = [p for p, f in zip(probes, listed, strict=True) if f.edition is edition]
        issues.extend(probe_issues(edition, mine))
    probed_now = set(to_probe)
    frame = probes_to_frame(probes).with_columns(
        pl.Series("listed_path", [f.listed_path for f in listed], dtype=pl.String()),
        pl.Series("probe_reused", [i not in probed_now for i in range(len(listed))]),
    )
    with warehouse.connect() as con:
        replace_raw_table(con, "media", frame)
        replace_issues(con, "media", issues)
        save_cache(con, probes)
        unchanged.remember(con, inputs)
    return MediaSummary(
        files=len(listed),
        opened=sum(1 for i in to_probe if listed[i].checked.path is not None),
        reused=reused,
        failed=sum(1 for p in probes if p.probe_status != OK),
        issues=len(issues),
        seconds=round(time.perf_counter() - started, 3),
    )


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            MEDIA_KEY,
            group_name="raw",
            kinds={"duckdb"},
            code_version=MEDIA_CODE_VERSION,
            deps=[dg.AssetKey(["raw", "files"])],
            description="Format, duration, size and hash of every listed file, from its bytes.",
        ),
        dg.AssetSpec(
            MEDIA_ISSUES_KEY,
            group_name="raw",
            kinds={"duckdb"},
            code_version=MEDIA_CODE_VERSION,
            deps=[dg.AssetKey(["raw", "files"])],
            description="Files that could not be probed as listed, and files no row lists.",
        ),
    ],
    pool=WRITER_POOL,
)
def raw_media(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """Probe every file that files.csv lists, reusing probes of unchanged files."""
    with warehouse.connect() as con:
        inputs = _media_inputs(con, warehouse.paths)
        done = _reused(con) if unchanged.begin(con, inputs) else None
    if done is None:
        done = _probe_and_land(warehouse, inputs, context.log.info)
    else:
        context.log.info("media: no listed row and no file of the edition folders changed")
    context.log.info(
        f"media: {done.files} listed files, {done.opened} probed, {done.reused} reused, "
        f"{done.failed} not ok, {done.issues} issues in {done.seconds} s"
    )
    with warehouse.connect() as con:
        tables = table_metadata(con, [MEDIA_KEY, MEDIA_ISSUES_KEY])
        versions = {key: data_version(con, key) for key in tables}
    yield dg.MaterializeResult(
        asset_key=MEDIA_KEY,
        metadata={
            "files": done.files,
            "probed": done.opened,
            "reused": done.reused,
            "not_ok": done.failed,
            "workers": worker_count(),
            "seconds": done.seconds,
            "rebuilt": done.rebuilt,
            **tables[MEDIA_KEY],
        },
        data_version=versions[MEDIA_KEY],
    )
    yield dg.MaterializeResult(
        asset_key=MEDIA_ISSUES_KEY,
        metadata={"issues": done.issues, "rebuilt": done.rebuilt, **tables[MEDIA_ISSUES_KEY]},
        data_version=versions[MEDIA_ISSUES_KEY],
    )
