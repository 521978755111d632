"""Landing Polars frames and ingest issues in the raw schema of the build warehouse."""

from __future__ import annotations

import duckdb
import polars as pl

from ingest.issues import IngestIssue, issues_to_arrow

RAW_SCHEMA = "raw"


def replace_raw_table(con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame) -> None:
    """Replace raw.<table> with the frame, through Arrow, in one transaction."""
    arrow = frame.to_arrow()
    con.execute(f"create schema if not exists {RAW_SCHEMA}")
    con.register("incoming_frame", arrow)
    try:
        con.execute("begin transaction")
        con.execute(f"create or replace table {RAW_SCHEMA}.{table} as select * from incoming_frame")
        con.execute("commit")
    finally:
        con.unregister("incoming_frame")


def replace_issues(
    con: duckdb.DuckDBPyConnection, source_table: str, issues: list[IngestIssue]
) -> None:
    """Replace raw.<source_table>_issues: what reading that table found wrong this run."""
    replace_raw_table(con, f"{source_table}_issues", pl.from_arrow(issues_to_arrow(issues)))
