"""Great Expectations alone on a finished build: the planned expectations, timed.

    python -m benchmarks.checks_timing BUILD_DB [--one-per-category]

Reads the catalog and the measurement tables from the build file a build left (read-only),
plans the expectations as the pipeline does, or one per catalog row with
--one-per-category (what the formal checks cost before categories with identical limits
shared an expectation), and validates them with GX, without Data Docs and without writing
anything. Reports the seconds of planning and validation, the expectations and failing
rows, and a digest of the failing rows (rule, row, category, messages): two plans that find
the same violations report the same digest.
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import time
from pathlib import Path

import duckdb

from benchmarks.measure import report
from expectations.checks_schema import read_catalog, read_measurements
from expectations.rules import load_rules, plan_expectations
from expectations.runner import validate


def violations_digest(violations: list) -> str:
    """A digest of the failing rows, independent of the order they were found in."""
    rows = sorted(
        repr(
            (
                v.rule_code,
                v.measured_table,
                v.category_key,
                v.entry_row_key,
                v.case_no,
                v.file_row_key,
                v.observed_value,
                v.limit_value,
                v.message_en,
            )
        )
        for v in violations
    )
    return hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("build_db", type=Path)
    parser.add_argument("--one-per-category", action="store_true")
    args = parser.parse_args()
    book = load_rules()
    with duckdb.connect(str(args.build_db), read_only=True) as con:
        catalog = read_catalog(con)
        frames = read_measurements(con, book)
    started = time.perf_counter()
    if args.one_per_category:
        if "grouped" not in inspect.signature(plan_expectations).parameters:
            raise SystemExit("this planner has no grouping to switch off: it plans one per row")
        planned = plan_expectations(book, catalog, grouped=False)
    else:
        planned = plan_expectations(book, catalog)
    planned_at = time.perf_counter()
    run = validate(book, planned, frames)
    done = time.perf_counter()
    report(
        {
            "one_per_category": args.one_per_category,
            "expectations": len(planned),
            "plan_seconds": planned_at - started,
            "validate_seconds": done - planned_at,
            "outcomes": len(run.outcomes),
            "failing_rows": len(run.violations),
            "violations_digest": violations_digest(run.violations),
            "exceptions": sum(1 for o in run.outcomes if o.exception),
        }
    )


if __name__ == "__main__":
    main()
