"""Raw-layer media asset: the measured properties of every file listed in files.csv."""

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass

import dagster as dg
import duckdb
import polars as pl

from ingest.drop_folder import Edition, discover_editions, edition_state
from ingest.media.cache import load_cache, reusable, save_cache
from ingest.media.frames import probes_to_frame
from ingest.media.inventory import list_files, probe_issues, unlisted_files
from ingest.media.parallel import probe_many, worker_count
from ingest.media.record import OK, PROBE_VERSION
from ingest.raw_schema import editions_held, replace_edition_issues, replace_edition_rows
from orchestration import unchanged
from orchestration.ingest_assets import WRITER_POOL
from orchestration.progress import Progress
from orchestration.resources import PodiumWarehouse
from orchestration.table_metadata import data_version, table_metadata
from settings.environment import PROJECT_ROOT


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


def _edition_inputs(con: duckdb.DuckDBPyConnection, edition: Edition) -> unchanged.StepInputs:
    """One edition's files.csv rows and folder tree, and the probing code, fingerprinted."""
    rows = unchanged.table_fingerprint(con, "raw", "files", edition.key)
    text = f"{MEDIA_CODE_VERSION} {PROBE_VERSION} {rows} {edition_state(edition)}"
    digest = hashlib.sha256(text.encode())
    return unchanged.StepInputs(f"raw_media/{edition.name}", digest.hexdigest())


# The probing code the media rows were made with: when it changed, every edition is probed
# again (reusing cached probes the new code still accepts).
CODE_INPUTS = unchanged.StepInputs("raw_media", f"{MEDIA_CODE_VERSION} {PROBE_VERSION}")


@dataclass(frozen=True)
class MediaPlan:
    """The editions a media run probes (the changed ones), those found, those gone, and the
    fingerprints to remember of those it probes."""

    read: list[Edition]
    found: list[Edition]
    gone: set[tuple[str, int]]
    inputs: list[unchanged.StepInputs]


def _plan(con: duckdb.DuckDBPyConnection, found: list[Edition]) -> MediaPlan:
    """Every edition found when the probing code changed, else those whose files or
    files.csv rows did; and the editions whose rows go (their folder is gone)."""
    same_code = unchanged.begin(con, CODE_INPUTS)
    read, inputs = [], []
    for edition in found:
        edition_inputs = _edition_inputs(con, edition)
        if not (same_code and unchanged.begin(con, edition_inputs)):
            read.append(edition)
            inputs.append(edition_inputs)
    gone = editions_held(con, "media") - {edition.key for edition in found}
    return MediaPlan(read, found, gone, inputs)


def _reused(con: duckdb.DuckDBPyConnection) -> MediaSummary:
    # Files that were opened have a modification time: their probes stand as reused.
    (files, reused, failed, issues) = con.execute(
        "select count(*), count(mtime_ns), count(*) filter (where probe_status <> 'ok'), "
        "(select count(*) from raw.media_issues) from raw.media"
    ).fetchall()[0]
    return MediaSummary(files, 0, reused, failed, issues, 0.0, rebuilt=False)


def _probe_and_land(
    warehouse: PodiumWarehouse, plan: MediaPlan, log: Callable[[str], None]
) -> MediaSummary:
    """Probe every listed file of the planned editions (reusing unchanged ones) and land
    probes and issues in raw, the other editions' rows kept."""
    started = time.perf_counter()
    editions = {e.key: e for e in plan.read}
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
    read, present = list(editions), [e.key for e in plan.found]
    with warehouse.connect() as con:
        replace_edition_rows(con, "media", frame, read, present)
        replace_edition_issues(con, "media", issues, read, present)
        save_cache(con, probes, read, present)
        for inputs in plan.inputs:
            unchanged.remember(con, inputs)
        for contest, year in plan.gone:
            unchanged.forget(con, f"raw_media/{contest}-{year}")
        unchanged.remember(con, CODE_INPUTS)
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
    """Probe every file that files.csv lists, again only in the editions that changed."""
    found = discover_editions(warehouse.paths.data_dir)
    with warehouse.connect() as con:
        plan = _plan(con, found)
        done = None if plan.read or plan.gone else _reused(con)
    if done is None:
        done = _probe_and_land(warehouse, plan, context.log.info)
    else:
        context.log.info("media: no listed row and no file of the run's editions changed")
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
