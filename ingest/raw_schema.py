"""Landing Polars frames and ingest issues in the raw schema of the build warehouse."""

from __future__ import annotations

from collections.abc import Collection

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


def _exists(con: duckdb.DuckDBPyConnection, table: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() where schema_name = ? and table_name = ?",
            [RAW_SCHEMA, table],
        ).fetchall()[0][0]
    )


def replace_edition_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    frame: pl.DataFrame,
    read: Collection[tuple[str, int]],
    present: Collection[tuple[str, int]],
) -> None:
    """In one transaction, raw.<table> takes the frame's rows for the editions `read` and
    keeps those of the other editions `present`; rows of an edition no longer present go.

    Editions are (contest_code, edition_year); a table not there yet is the frame.
    """
    if not _exists(con, table):
        replace_raw_table(con, table, frame)
        return
    replaced = set(read)
    kept = [edition for edition in present if edition not in replaced]
    con.register("incoming_frame", frame.to_arrow())
    con.register(
        "kept_editions",
        pl.DataFrame(
            {"contest_code": [c for c, _ in kept], "edition_year": [y for _, y in kept]},
            schema={"contest_code": pl.String(), "edition_year": pl.Int32()},
        ).to_arrow(),
    )
    try:
        con.execute("begin transaction")
        con.execute(
            f"delete from {RAW_SCHEMA}.{table} as t where not exists (select 1 from "
            "kept_editions as k where k.contest_code = t.contest_code "
            "and k.edition_year = t.edition_year)"
        )
        con.execute(f"insert into {RAW_SCHEMA}.{table} by name select * from incoming_frame")
        con.execute("commit")
    finally:
        con.unregister("incoming_frame")
        con.unregister("kept_editions")


def replace_issues(
    con: duckdb.DuckDBPyConnection, source_table: str, issues: list[IngestIssue]
) -> None:
    """Replace raw.<source_table>_issues: what reading that table found wrong this run."""
    replace_raw_table(con, f"{source_table}_issues", pl.from_arrow(issues_to_arrow(issues)))


def replace_edition_issues(
    con: duckdb.DuckDBPyConnection,
    source_table: str,
    issues: list[IngestIssue],
    read: Collection[tuple[str, int]],
    present: Collection[tuple[str, int]],
) -> None:
    """raw.<source_table>_issues: this run's issues of the editions read, the others kept."""
    frame = pl.from_arrow(issues_to_arrow(issues))
    replace_edition_rows(con, f"{source_table}_issues", frame, read, present)


def editions_held(con: duckdb.DuckDBPyConnection, table: str) -> set[tuple[str, int]]:
    """The (contest_code, edition_year) pairs raw.<table> holds rows of (none: no table)."""
    if not _exists(con, table):
        return set()
    rows = con.execute(f"select distinct contest_code, edition_year from {RAW_SCHEMA}.{table}")
    return {(contest, year) for contest, year in rows.fetchall()}
