"""Latency of the dashboards' queries on a published warehouse, p50/p95 over repeated runs.

    python -m benchmarks.queries WAREHOUSE SPONSOR_WAREHOUSE [--repeats N]

The queries are not copied here: every dashboard script is run once with Streamlit's
AppTest against the published files while the dashboards' data layer records what it
executes, so the benchmark follows the dashboards as they change. Each query is then timed
twice through that same data layer, with its result cache left out: as a dashboard runs it
on a cache miss (take the file's version, a cursor on the kept read-only connection,
execute, fetch a DataFrame), and as the first query after a publish or a server start,
which opens the file first (every kept connection is closed before each such run). Widgets
keep their default values, so a filtered page is measured with its default filter.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import pandas as pd

from benchmarks.measure import report
from dashboards import connections
from settings.environment import PROJECT_ROOT

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

    p50/p95/max: a dashboard's cache miss (a cursor on the kept connection, execute,
    fetch); the `first_open_` figures: the same query when the file must be opened first.
    """

    script: str
    sql: str
    rows: int
    p50_ms: float
    p95_ms: float
    max_ms: float
    first_open_p50_ms: float
    first_open_p95_ms: float
    runs: int


def dashboard_scripts() -> list[Path]:
    """Every page and every app that is not only a navigation shell."""
    pages = sorted((DASHBOARDS / "views").glob("*.py"))
    # The organizers' app only navigates over views/, which run one by one above; the
    # sponsors' app is one page of its own (behind a single-page st.navigation).
    apps = [p for p in sorted(DASHBOARDS.glob("*_app.py")) if p.name != "organizer_app.py"]
    return pages + apps


def record_dashboard_queries() -> list[DashboardQuery]:
    """Run every dashboard script once and collect the distinct queries it executed."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    real_run = connections._run
    recorded: list[DashboardQuery] = []
    current = {"script": ""}

    def recording_run(path: str, version: tuple, sql: str, params: tuple) -> pd.DataFrame:
        recorded.append(DashboardQuery(current["script"], path, sql, tuple(params)))
        return real_run(path, version, sql, params)

    # Every query of the dashboards goes through connections._run on a cache miss, and the
    # result cache is cleared before each script, so each of its queries passes here.
    connections._run = recording_run
    try:
        for script in dashboard_scripts():
            current["script"] = script.relative_to(DASHBOARDS).as_posix()
            st.cache_data.clear()
            app = AppTest.from_file(str(script), default_timeout=600).run()
            if app.exception:
                raise RuntimeError(f"{script} failed: {app.exception[0].message}")
    finally:
        connections._run = real_run
    distinct = {(q.database, q.sql, q.params): q for q in recorded}
    return list(distinct.values())


def _p95(latencies: list[float]) -> float:
    return statistics.quantiles(latencies, n=20, method="inclusive")[18]


def _timed_runs(run: Callable[[], object], repeats: int) -> list[float]:
    """Milliseconds of each of `repeats` runs, after the warm-up runs."""
    latencies = []
    for number in range(WARMUP_RUNS + repeats):
        started = time.perf_counter()
        run()
        if number >= WARMUP_RUNS:
            latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def time_query(query: DashboardQuery, repeats: int) -> QueryTiming:
    database = Path(query.database)

    def cache_miss() -> pd.DataFrame:
        return connections.uncached_query(database, query.sql, query.params)

    def first_open() -> pd.DataFrame:
        connections.close_readers()
        return cache_miss()

    opening = _timed_runs(first_open, repeats)
    kept = _timed_runs(cache_miss, repeats)
    return QueryTiming(
        script=query.script,
        sql=" ".join(query.sql.split()),
        rows=len(cache_miss()),
        p50_ms=statistics.median(kept),
        p95_ms=_p95(kept),
        max_ms=max(kept),
        first_open_p50_ms=statistics.median(opening),
        first_open_p95_ms=_p95(opening),
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
