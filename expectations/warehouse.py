"""The formal checks on a build warehouse: read the catalog and measurements, write the results."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from expectations.rules import RuleBook, load_rules, plan_expectations
from expectations.runner import CheckRun, ExpectationOutcome, Violation, validate

CATALOG_RELATION = "marts.dim_category"
MEASUREMENT_SCHEMA = "intermediate"
RESULTS_TABLE = "raw.validation_results"
OUTCOMES_TABLE = "raw.validation_outcomes"

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
    """Every category of every edition, with its limits (marts.dim_category)."""
    return con.sql(f"select * from {CATALOG_RELATION}").df().to_dict("records")


def check_warehouse(
    con: duckdb.DuckDBPyConnection, docs_dir: Path | None = None, book: RuleBook | None = None
) -> CheckRun:
    """Plan the expectations from the catalog, validate the measurement tables, store results."""
    book = book or load_rules()
    planned = plan_expectations(book, read_catalog(con))
    frames = {
        name: con.sql(f"select * from {MEASUREMENT_SCHEMA}.{table.model}").df()
        for name, table in book.tables.items()
    }
    run = validate(book, planned, frames, docs_dir)
    stamp = dt.datetime.now(dt.UTC)
    con.execute("create schema if not exists raw")
    for target, records, record in (
        (RESULTS_TABLE, run.violations, Violation),
        (OUTCOMES_TABLE, run.outcomes, ExpectationOutcome),
    ):
        con.register("checked_rows", _table(records, record, stamp))
        con.execute(f"create or replace table {target} as select * from checked_rows")
        con.unregister("checked_rows")
    return run
