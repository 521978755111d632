"""Read-only queries against a published warehouse file: one kept connection per published
version of the file, results cached on that version.

Opening a DuckDB file costs far more than the dashboards' queries (hundreds of milliseconds
against a few), so each file stays open read-only while it is the published version. That
never blocks publishing: the pipeline's publish step writes a staged copy and renames
it over the path, and a rename does not care who holds the old file open.

A version is the file's (mtime_ns, inode, size). When it changes, the next query closes the
superseded connection before opening the path again, for two reasons: an open connection
pins the replaced (unlinked) file on disk, and while one is open, DuckDB answers a new
`connect()` to the same path with the database it already has open there, i.e. the old
file. Queries still running on the old connection finish first; the swap waits for them.

A DuckDB connection must not be used from several threads at once, and Streamlit runs each
session on its own thread, so every query runs on a cursor of its own (a new connection to
the same database instance), created from the kept connection.
"""

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from settings.environment import podium_paths

Version = tuple[int, int, int]


def organizer_warehouse() -> Path:
    return podium_paths().warehouse


def sponsor_warehouse() -> Path:
    return podium_paths().sponsor_warehouse


def _version(path: Path) -> Version:
    stat = os.stat(path)
    return (stat.st_mtime_ns, stat.st_ino, stat.st_size)


@dataclass
class _Reader:
    """The kept read-only connection to one version of a file, and its queries under way."""

    version: Version
    connection: duckdb.DuckDBPyConnection
    active: int = 0


# Not st.cache_resource: a superseded connection has to be closed at a known moment, after its
# last query and before the path is opened again, which cache eviction does not guarantee.
_readers: dict[str, _Reader] = {}
_readers_changed = threading.Condition()


def _acquire(path: str, version: Version) -> tuple[_Reader, duckdb.DuckDBPyConnection]:
    """The reader of this version of the file (opened if need be) and a new cursor on it."""
    with _readers_changed:
        reader = _readers.get(path)
        while reader is not None and reader.version != version:
            if reader.active == 0:
                reader.connection.close()
                del _readers[path]
            else:
                _readers_changed.wait()
            reader = _readers.get(path)
        if reader is None:
            # The caller took the version before this open: if a publish slips in between,
            # the reader is labelled older than the file it reads, which costs one extra
            # reopen at the next query, never stale data under a newer label.
            reader = _Reader(version, duckdb.connect(path, read_only=True))
            _readers[path] = reader
        cursor = reader.connection.cursor()
        reader.active += 1
        return reader, cursor


def _release(reader: _Reader, cursor: duckdb.DuckDBPyConnection) -> None:
    # Cursors are made and closed under the lock: they register with the kept connection,
    # which other threads share.
    with _readers_changed:
        cursor.close()
        reader.active -= 1
        if reader.active == 0:
            _readers_changed.notify_all()


@contextmanager
def _cursor(path: str, version: Version) -> Iterator[duckdb.DuckDBPyConnection]:
    reader, cursor = _acquire(path, version)
    try:
        yield cursor
    finally:
        _release(reader, cursor)


def close_readers() -> None:
    """Close every kept connection that no query is using, so that the next query opens its
    file afresh (the benchmarks time that first open)."""
    with _readers_changed:
        for path, reader in list(_readers.items()):
            if reader.active == 0:
                reader.connection.close()
                del _readers[path]


def _run(path: str, version: Version, sql: str, params: tuple) -> pd.DataFrame:
    with _cursor(path, version) as cursor:
        return cursor.execute(sql, list(params)).df()


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_query(path: str, version: Version, sql: str, params: tuple) -> pd.DataFrame:
    return _run(path, version, sql, params)


def query(path: Path, sql: str, params: tuple = ()) -> pd.DataFrame:
    """Run a read-only query; a new publish (new mtime) is seen at the next rerun."""
    return _cached_query(str(path), _version(path), sql, params)


def uncached_query(path: Path, sql: str, params: tuple = ()) -> pd.DataFrame:
    """What `query` does on a cache miss (the benchmarks time it)."""
    return _run(str(path), _version(path), sql, params)


def is_published(path: Path) -> bool:
    """True when a warehouse file has been published at path."""
    return path.is_file()


def table_columns(path: Path) -> dict[str, tuple[str, ...]]:
    """Every table and view of the file, as 'schema.name' (or 'name' in the default schema
    `main`), with its columns in order."""
    frame = query(
        path,
        "select table_schema, table_name, list(column_name order by ordinal_position) as cols "
        "from information_schema.columns where table_catalog = current_database() "
        "group by all",
    )
    return {
        (name if schema == "main" else f"{schema}.{name}"): tuple(cols)
        for schema, name, cols in frame.itertuples(index=False)
    }
