"""Driving the dashboards in tests: the apps' paths, AppTest pages, what a page shows, its
downloads, and queries of a warehouse file to compare them with."""

import base64
import io
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import duckdb
import numpy as np
import pandas as pd
from streamlit.testing.v1 import AppTest

from dashboards.links import ENTRY_PARAMETER, parse_entry_key
from settings.environment import PROJECT_ROOT

DASHBOARDS = PROJECT_ROOT / "dashboards"
ORGANIZER_APP = str(DASHBOARDS / "organizer_app.py")
SPONSOR_APP = str(DASHBOARDS / "sponsor_app.py")
TIMEOUT = 60


def fetch(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def has_table(path: Path, schema: str, table: str) -> bool:
    rows = fetch(
        path,
        "select 1 from information_schema.tables where table_schema = ? and table_name = ?",
        (schema, table),
    )
    return bool(rows)


def open_page(page: str | None, **state: object) -> AppTest:
    """The organizers' app on a page, with session state (filters, language) set first."""
    app = AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT)
    for key, value in state.items():
        app.session_state[key] = value
    app.run()
    if page is not None:
        app.switch_page(f"views/{page}.py").run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert not app.error, [error.value for error in app.error]
    return app


def downloaded(downloads: dict[str, Callable], name: str) -> pd.DataFrame:
    return pd.read_csv(io.BytesIO(downloads[f"{name}.csv"]()), encoding="utf-8-sig")


def entry_ids(links: pd.Series) -> list[str]:
    """The entry ids a table's entry links lead to (a linked table holds the links' URLs)."""
    keys = [parse_qs(urlsplit(url).query)[ENTRY_PARAMETER][0] for url in links]
    return [parse_entry_key(key).entry_id for key in keys]


def table_with(app: AppTest, column: str) -> pd.DataFrame:
    """The first table shown with that column header."""
    return next(frame.value for frame in app.dataframe if column in frame.value.columns)


def chart_values(values: list | dict) -> list:
    """A plotly trace's values from the chart's JSON: a list, or numbers packed as base64."""
    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return values


def metrics(app: AppTest) -> dict[str, str]:
    return {metric.label: metric.value for metric in app.metric}


def notices(app: AppTest) -> str:
    return " ".join(str(info.value) for info in app.info)


def personal_names(warehouse: Path) -> set[str]:
    """Every participant, nominee and juror name the organizers' warehouse holds."""
    names = {
        name
        for (name,) in fetch(
            warehouse,
            "select participant_name from staging.stg_raw__entries "
            "where participant_name is not null",
        )
    }
    names |= {name for (name,) in fetch(warehouse, "select juror_name from marts.dim_juror")}
    return {name for name in names if len(name.strip()) > 3}


def shown_text(app: AppTest) -> str:
    """All the text an app shows: every element's value, including whole tables."""
    parts = [frame.value.to_csv() for frame in app.dataframe]
    for kind in ("markdown", "caption", "header", "subheader", "title", "info", "metric"):
        parts.extend(str(element.value) for element in app.get(kind))
    return "\n".join(parts)
