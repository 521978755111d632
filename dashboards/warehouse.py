"""Read-only queries against a published warehouse file, cached on the file's modification time.

Connections are opened per query and closed at once: an open connection would pin the old
file after a publish and block the next one. The cache key holds the file's mtime, inode
and size, so a publish (a new file renamed over the old one) is seen at the next rerun.
"""

import os
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from orchestration.settings import podium_paths


def organizer_warehouse() -> Path:
    return podium_paths().warehouse


def sponsor_warehouse() -> Path:
    return podium_paths().sponsor_warehouse


def _version(path: Path) -> tuple[int, int, int]:
    stat = os.stat(path)
    return (stat.st_mtime_ns, stat.st_ino, stat.st_size)


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_query(path: str, version: tuple, sql: str, params: tuple) -> pd.DataFrame:
    with duckdb.connect(path, read_only=True) as con:
        return con.execute(sql, list(params)).df()


def query(path: Path, sql: str, params: tuple = ()) -> pd.DataFrame:
    """Run a read-only query; a new publish (new mtime) is seen at the next rerun."""
    return _cached_query(str(path), _version(path), sql, params)


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
