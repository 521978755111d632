"""A damaged build file (truncated, or not a DuckDB file at all) is found before a run
writes to it, and removed, so that the run rebuilds it from scratch.

The build file is private to the pipeline (readers open only the published copies), so
nothing is lost by rebuilding it; a run that kept writing into it would fail half-way or,
worse, publish what a torn file happened to hold.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

# A DuckDB file starts with three 4 KiB headers (magic bytes, then two database headers)
# before its blocks; `pragma database_size` counts the blocks.
HEADER_BYTES = 3 * 4096
# How DuckDB says another process has the file open for writing.
LOCKED = "Could not set lock on file"


def damage(build_db: Path) -> str | None:
    """What is wrong with build_db, or None when it is whole (or absent)."""
    if not build_db.exists():
        return None
    size = build_db.stat().st_size
    if size == 0:
        return "empty"
    try:
        with duckdb.connect(str(build_db), read_only=True) as con:
            _, _, block_size, total_blocks, *_ = con.execute("pragma database_size").fetchone()
            con.execute("select count(*) from duckdb_tables()").fetchone()
    except duckdb.Error as error:
        # Another process holding the file, or this one holding it with other settings, is
        # no damage: removing it would pull the file out from under that writer.
        if LOCKED in str(error) or isinstance(error, duckdb.ConnectionException):
            return None
        return str(error).splitlines()[0]
    expected = HEADER_BYTES + total_blocks * block_size
    if size < expected:
        return f"truncated: {size:,} bytes of the {expected:,} its header counts"
    return None


def discard_if_damaged(build_db: Path, say: Callable[[str], None]) -> str | None:
    """Remove a damaged build_db (and its write-ahead log), saying so; the damage found."""
    reason = damage(build_db)
    if reason is None:
        return None
    build_db.unlink()
    build_db.with_name(f"{build_db.name}.wal").unlink(missing_ok=True)
    say(
        f"The build file {build_db} is damaged ({reason}): removed; "
        "this run rebuilds it from scratch."
    )
    return reason
