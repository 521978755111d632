"""Previous probes kept in the build warehouse, so unchanged files are not probed again."""

from __future__ import annotations

from collections.abc import Collection

import duckdb
import polars as pl

from ingest.media.frames import frame_to_probes, probes_to_frame
from ingest.media.paths import CheckedPath
from ingest.media.record import PROBE_VERSION, MediaProbe
from ingest.raw_schema import RAW_SCHEMA, replace_edition_rows

CACHE_TABLE = "media_probe_cache"
CacheKey = tuple[str, int, str]


def load_cache(con: duckdb.DuckDBPyConnection) -> dict[CacheKey, MediaProbe]:
    """The probes of the last run made by this probe version, by edition and path."""
    exists = con.execute(
        "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
        [RAW_SCHEMA, CACHE_TABLE],
    ).fetchall()[0][0]
    if not exists:
        return {}
    frame = con.sql(
        f"select * from {RAW_SCHEMA}.{CACHE_TABLE} where probe_version = $version",
        params={"version": PROBE_VERSION},
    ).pl()
    return {(p.contest_code, p.edition_year, p.relative_path): p for p in frame_to_probes(frame)}


def reusable(cached: MediaProbe | None, checked: CheckedPath) -> bool:
    """A cached probe stands when the file has the same size and modification time."""
    return (
        cached is not None
        and checked.path is not None
        and cached.size_bytes == checked.size_bytes
        and cached.mtime_ns == checked.mtime_ns
    )


def save_cache(
    con: duckdb.DuckDBPyConnection,
    probes: list[MediaProbe],
    read: Collection[tuple[str, int]],
    present: Collection[tuple[str, int]],
) -> None:
    """Keep the probes of files that were opened, of the editions probed (read), beside those
    of the other editions present; refused paths are re-checked every run."""
    opened = [p for p in probes if p.mtime_ns is not None]
    frame: pl.DataFrame = probes_to_frame(opened)
    replace_edition_rows(con, CACHE_TABLE, frame, read, present)
