"""Latency of the dashboards' queries on a published warehouse, p50/p95 over repeated runs.

    python -m benchmarks.queries WAREHOUSE SPONSOR_WAREHOUSE [--repeats N]

The queries are not copied here: every dashboard script is run once with Streamlit's
AppTest against the published files while `duckdb.connect` records what they execute, so
the benchmark follows the dashboards as they change. Each query is then timed twice:
the way a dashboard runs it on a cache miss (open the file read-only, execute, fetch a
DataFrame, close), and on a connection kept open (execute and fetch only), which is what
the database itself costs. Widgets keep their default values, so a filtered page is
measured with its default filter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from benchmarks.measure import report
from orchestration.settings import PROJECT_ROOT

DASHBOARDS = PROJECT_ROOT / "dashboards"
WARMUP_RUNS = 2

# When the dashboards record nothing (no page queries yet), the marts' participation
# GROUP BYs stand in: what organizers ask most, over the largest fact table.
FALLBACK_QUERIES = (
    "select contest_code, edition_year, count(*) as entries "
    "from marts.fct_entries group by all order by all",
    "select contest_code, edition_year, category, count(*) as entries "
    "from marts.fct_entries group by all order by all",
)


@dataclass(frozen=True)
class DashboardQuery:
    """One statement a dashboard script executed, and on which file."""

    script: str
    database: str
    sql: str
    params: tuple


@dataclass
class QueryTiming:
    """Latencies of one query over the repeated runs, in milliseconds.

    p50/p95/max: a dashboard's cache miss (open, execute, fetch, close); the `open_`
    figures: the same query on a connection kept open.
    """

    script: str
    sql: str
    rows: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    open_p50_ms: float
    open_p95_ms: float
    runs: int


class _RecordingConnection:
    def __init__(self, connection, database: str, sink: list, script: str) -> None:
        self._connection, self._database, self._sink, self._script = (
            connection,
            database,
            sink,
            script,
        )

    def _record(self, sql, params) -> None:
        self._sink.append(
            DashboardQuery(self._script, self._database, str(sql), tuple(params or ()))
        )

    def execute(self, sql, parameters=None, *args, **kwargs):
        self._record(sql, parameters)
        return self._connection.execute(sql, parameters, *args, **kwargs)

    def sql(self, sql, *args, **kwargs):
        self._record(sql, kwargs.get("params"))
        return self._connection.sql(sql, *args, **kwargs)

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._connection.close()

    def __getattr__(self, name):
        return getattr(self._connection, name)


def dashboard_scripts() -> list[Path]:
    """Every page and every app that is not only a navigation shell."""
    pages = sorted((DASHBOARDS / "pages").glob("*.py"))
    apps = [
        p
        for p in sorted(DASHBOARDS.glob("*_app.py"))
        if "st.navigation" not in p.read_text(encoding="utf-8")
    ]
    return pages + apps


def record_dashboard_queries() -> list[DashboardQuery]:
    """Run every dashboard script once and collect the distinct queries it executed."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    real_connect = duckdb.connect
    recorded: list[DashboardQuery] = []
    current = {"script": ""}

    def recording_connect(database=":memory:", *args, **kwargs):
        connection = real_connect(database, *args, **kwargs)
        return _RecordingConnection(connection, str(database), recorded, current["script"])

    duckdb.connect = recording_connect
    try:
        for script in dashboard_scripts():
            current["script"] = script.relative_to(DASHBOARDS).as_posix()
            st.cache_data.clear()
            app = AppTest.from_file(str(script), default_timeout=600).run()
            if app.exception:
                raise RuntimeError(f"{script} failed: {app.exception[0].message}")
    finally:
        duckdb.connect = real_connect
    distinct = {(q.database, q.sql, q.params): q for q in recorded if q.database != ":memory:"}
    return list(distinct.values())


def _p95(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=20, method="inclusive")[18]


def time_query(query: DashboardQuery, repeats: int) -> QueryTiming:
    cache_miss, kept_open, rows = [], [], 0
    for run in range(WARMUP_RUNS + repeats):
        started = time.perf_counter()
        with duckdb.connect(query.database, read_only=True) as con:
            rows = len(con.execute(query.sql, list(query.params)).df())
        if run >= WARMUP_RUNS:
            cache_miss.append((time.perf_counter() - started) * 1000)
    with duckdb.connect(query.database, read_only=True) as con:
        for run in range(WARMUP_RUNS + repeats):
            started = time.perf_counter()
            con.execute(query.sql, list(query.params)).df()
            if run >= WARMUP_RUNS:
                kept_open.append((time.perf_counter() - started) * 1000)
    return QueryTiming(
        script=query.script,
        sql=" ".join(query.sql.split()),
        rows=rows,
        p50_ms=statistics.median(cache_miss),
        p95_ms=_p95(cache_miss),
        max_ms=max(cache_miss),
        open_p50_ms=statistics.median(kept_open),
        open_p95_ms=_p95(kept_open),
        runs=repeats,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("sponsor_warehouse", type=Path)
    parser.add_argument("--repeats", type=int, default=30)
    args = parser.parse_args()
    os.environ["PODIUM_WAREHOUSE"] = str(args.warehouse)
    os.environ["PODIUM_SPONSOR_WAREHOUSE"] = str(args.sponsor_warehouse)
    queries = record_dashboard_queries()
    source = "dashboards"
    if not queries:
        source = "fallback"
        queries = [DashboardQuery("marts", str(args.warehouse), q, ()) for q in FALLBACK_QUERIES]
    timings = sorted(
        (time_query(q, args.repeats) for q in queries), key=lambda t: t.p95_ms, reverse=True
    )
    report({"source": source, "queries": [asdict(t) for t in timings]})


if __name__ == "__main__":
    main()
