"""What a build did with one contest: its catalog, its formal checks, its results.

    python -m benchmarks.checks_census BUILD_DB --contest HIST

Read-only on the build file (`<warehouse folder>/.build/podium.duckdb`) a finished build
left: how many Great Expectations expectations ran and how many rule-and-category outcomes
they gave (`checks.validation_outcomes`), how many expectations one per catalog row would have
been (the same plan, ungrouped), the failing rows, and whether the contest's editions,
categories, families and results came out as the drop folder meant.
"""

from __future__ import annotations

import argparse
import inspect
from pathlib import Path
from typing import Any

import duckdb

from benchmarks.measure import report
from expectations.checks_schema import OUTCOMES_TABLE, RESULTS_TABLE, read_catalog
from expectations.rules import load_rules, plan_expectations


def _one(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> Any:
    return con.execute(sql, list(params)).fetchone()[0]


def _pairs(con: duckdb.DuckDBPyConnection, sql: str, *params: Any) -> dict[str, int]:
    return {str(k): int(v) for k, v in con.execute(sql, list(params)).fetchall()}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    schema, name = table.split(".")
    rows = con.execute(
        "select column_name from information_schema.columns "
        "where table_schema = ? and table_name = ?",
        [schema, name],
    ).fetchall()
    return {r[0] for r in rows}


def planned_expectations(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Expectations the rules plan for this catalog: as the build runs them, and one per row."""
    book, catalog = load_rules(), read_catalog(con)
    counts = {"planned": len(plan_expectations(book, catalog))}
    # Planning learnt to share expectations between categories with identical limits; an
    # older planner has no `grouped` switch and plans one per catalog row already.
    if "grouped" in inspect.signature(plan_expectations).parameters:
        counts["planned_one_per_category"] = len(plan_expectations(book, catalog, grouped=False))
    else:
        counts["planned_one_per_category"] = counts["planned"]
    return counts


def census(build_db: Path, contest: str) -> dict:
    with duckdb.connect(str(build_db), read_only=True) as con:
        outcome_columns = _columns(con, OUTCOMES_TABLE)
        ran = (
            _one(con, f"select count(distinct expectation_no) from {OUTCOMES_TABLE}")
            if "expectation_no" in outcome_columns
            else _one(con, f"select count(*) from {OUTCOMES_TABLE}")
        )
        result = {
            "expectations_run": ran,
            "outcome_rows": _one(con, f"select count(*) from {OUTCOMES_TABLE}"),
            "outcome_rows_by_rule": _pairs(
                con, f"select rule_code, count(*) from {OUTCOMES_TABLE} group by 1 order by 1"
            ),
            "failing_rows": _one(con, f"select count(*) from {RESULTS_TABLE}"),
            "failing_rows_by_rule": _pairs(
                con, f"select rule_code, count(*) from {RESULTS_TABLE} group by 1 order by 1"
            ),
            **planned_expectations(con),
            "catalog_categories": _one(
                con, "select count(*) from marts.dim_category where contest_code = ?", contest
            ),
            "families": _one(
                con,
                "select count(distinct family_code) from marts.dim_category where contest_code = ?",
                contest,
            ),
            "family_source": _pairs(
                con,
                "select family_source, count(*) from marts.dim_category "
                "where contest_code = ? group by 1 order by 1",
                contest,
            ),
            "catalog_status": _pairs(
                con,
                "select catalog_status, count(*) from marts.dim_contest_edition "
                "where contest_code = ? group by 1 order by 1",
                contest,
            ),
            "entries": _one(
                con, "select count(*) from marts.fct_entries where contest_code = ?", contest
            ),
            "formally_invalid_entries": _one(
                con,
                "select count(*) from marts.fct_entries "
                "where contest_code = ? and not is_formally_valid",
                contest,
            ),
            "result_source": _pairs(
                con,
                "select coalesce(result_source, 'none'), count(*) from marts.fct_results "
                "where contest_code = ? group by 1 order by 1",
                contest,
            ),
            "ranked_entries": _one(
                con,
                "select count(*) from marts.fct_results "
                "where contest_code = ? and rank_in_category is not null",
                contest,
            ),
            "catalog_issues": _one(
                con,
                "select count(*) from marts.fct_ingest_issues where source_table = 'catalog'",
            ),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("build_db", type=Path)
    parser.add_argument("--contest", default="HIST")
    args = parser.parse_args()
    report(census(args.build_db, args.contest))


if __name__ == "__main__":
    main()
