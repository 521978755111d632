"""The formal checks on a build warehouse: read the catalog and measurements, write the results."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from expectations.rules import RuleBook, load_rules, plan_expectations
from expectations.runner import CheckRun, ExpectationOutcome, Violation, validate

if TYPE_CHECKING:
    import pandas as pd

# The checks read the measurement layer only (no mart exists yet when they run) and write a
# schema of their own, which only the verdict models read back.
CATALOG_RELATION = "intermediate.int_categories_usable"
MEASUREMENT_SCHEMA = "intermediate"
CHECKS_SCHEMA = "checks"
RESULTS_TABLE = f"{CHECKS_SCHEMA}.validation_results"
OUTCOMES_TABLE = f"{CHECKS_SCHEMA}.validation_outcomes"

_ARROW_TYPES = {"str": pa.string(), "bool": pa.bool_(), "int": pa.int64(), "float": pa.float64()}


def _arrow_schema(record: type) -> pa.Schema:
    """The record's fields as columns (annotations read as text: 'int | None' is int64)."""
    columns = [
        pa.field(item.name, _ARROW_TYPES[str(item.type).split("|")[0].strip()])
        for item in dataclasses.fields(record)
    ]
    return pa.schema([*columns, pa.field("validated_at", pa.timestamp("us", tz="UTC"))])


def _table(records: list[Any], record: type, validated_at: dt.datetime) -> pa.Table:
    rows = [{**dataclasses.asdict(r), "validated_at": validated_at} for r in records]
    return pa.Table.from_pylist(rows, schema=_arrow_schema(record))


def read_catalog(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every category of every usable edition, with its limits (as marts.dim_category has them)."""
    return con.sql(f"select * from {CATALOG_RELATION}").df().to_dict("records")


def read_measurements(con: duckdb.DuckDBPyConnection, book: RuleBook) -> dict[str, pd.DataFrame]:
    """Each measurement table as a frame, its dates in the nanosecond unit GX compares.

    GX's pandas engine parses a date limit ('2024-01-01') only for nanosecond datetime
    columns; DuckDB hands dates over in microseconds, which GX then refuses to compare.
    """
    # Imported here: the build's definitions read this module's table names without pandas.
    import pandas as pd

    frames = {}
    for name, table in book.tables.items():
        frame = con.sql(f"select * from {MEASUREMENT_SCHEMA}.{table.model}").df()
        for column in frame.columns:
            if pd.api.types.is_datetime64_dtype(frame[column]):
                frame[column] = frame[column].astype("datetime64[ns]")
        frames[name] = frame
    return frames


def check_warehouse(
    con: duckdb.DuckDBPyConnection, docs_dir: Path | None = None, book: RuleBook | None = None
) -> CheckRun:
    """Plan the expectations from the catalog, validate the measurement tables, store results."""
    book = book or load_rules()
    planned = plan_expectations(book, read_catalog(con))
    run = validate(book, planned, read_measurements(con, book), docs_dir)
    stamp = dt.datetime.now(dt.UTC)
    con.execute(f"create schema if not exists {CHECKS_SCHEMA}")
    for target, records, record in (
        (RESULTS_TABLE, run.violations, Violation),
        (OUTCOMES_TABLE, run.outcomes, ExpectationOutcome),
    ):
        con.register("checked_rows", _table(records, record, stamp))
        con.execute(f"create or replace table {target} as select * from checked_rows")
        con.unregister("checked_rows")
    return run


def _stored(con: duckdb.DuckDBPyConnection, table: str, record: type) -> list[Any]:
    names = [item.name for item in dataclasses.fields(record)]
    frame = con.sql(f"select * exclude (validated_at) from {table}").df()
    frame = frame.astype(object).where(frame.notna(), None)
    return [record(**dict(zip(names, row, strict=True))) for row in frame[names].itertuples(False)]


def stored_run(con: duckdb.DuckDBPyConnection, docs_dir: Path | None = None) -> CheckRun:
    """The results the last check run stored, read back as that run reported them."""
    return CheckRun(
        violations=_stored(con, RESULTS_TABLE, Violation),
        outcomes=_stored(con, OUTCOMES_TABLE, ExpectationOutcome),
        docs_index=docs_dir / "index.html" if docs_dir else None,
    )
