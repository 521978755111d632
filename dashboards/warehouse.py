"""Read-only queries against a published warehouse file, cached on the file's modification time.

Connections are opened per query and closed at once: an open connection would pin the old
file after a publish and block the next one.
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


@st.cache_data(show_spinner=False, max_entries=256)
def _cached_query(path: str, mtime_ns: int, sql: str, params: tuple) -> pd.DataFrame:
    with duckdb.connect(path, read_only=True) as con:
        return con.execute(sql, list(params)).df()


def query(path: Path, sql: str, params: tuple = ()) -> pd.DataFrame:
    """Run a read-only query; a new publish (new mtime) is seen at the next rerun."""
    return _cached_query(str(path), os.stat(path).st_mtime_ns, sql, params)
