"""Row counts and column schemas of the build file's tables, as Dagster's table metadata.

Dagster's UI shows `dagster/row_count` and `dagster/column_schema` on an asset's page and
plots the row count across materializations. They are read from the build file after a step
has written it, in one query each for all of the step's tables.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

import dagster as dg
import duckdb

from orchestration.unchanged import table_fingerprint

ROW_COUNT = "dagster/row_count"
COLUMN_SCHEMA = "dagster/column_schema"


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def table_metadata(
    con: duckdb.DuckDBPyConnection, keys: Iterable[dg.AssetKey]
) -> dict[dg.AssetKey, dict[str, Any]]:
    """Row count and column schema of every asset key naming a table (schema, name) of the
    build file; views and absent tables are left out (counting a view would run its query)."""
    wanted = {tuple(key.path): key for key in keys if len(key.path) == 2}
    if not wanted:
        return {}
    tables = con.execute(
        "select schema_name, table_name from duckdb_tables() "
        "where database_name = current_database()"
    ).fetchall()
    present = [(schema, name) for schema, name in tables if (schema, name) in wanted]
    if not present:
        return {}
    counts = con.execute(
        " union all ".join(
            f"select {index} as i, count(*) from {_quoted(schema)}.{_quoted(name)}"
            for index, (schema, name) in enumerate(present)
        )
    ).fetchall()
    columns: dict[tuple[str, str], list[dg.TableColumn]] = {table: [] for table in present}
    for schema, name, column, data_type, nullable in con.execute(
        "select schema_name, table_name, column_name, data_type, is_nullable "
        "from duckdb_columns() where database_name = current_database() "
        "order by schema_name, table_name, column_index"
    ).fetchall():
        if (schema, name) in columns:
            columns[(schema, name)].append(
                dg.TableColumn(
                    column, data_type, constraints=dg.TableColumnConstraints(nullable=nullable)
                )
            )
    return {
        wanted[present[index]]: {
            ROW_COUNT: count,
            COLUMN_SCHEMA: dg.TableSchema(columns=columns[present[index]]),
        }
        for index, count in counts
    }


def data_version(con: duckdb.DuckDBPyConnection, key: dg.AssetKey) -> dg.DataVersion:
    """The table's content as a data version: Dagster marks what was built from the table
    stale when it changes, and only then."""
    schema, table = key.path
    fingerprint = table_fingerprint(con, schema, table)
    return dg.DataVersion(hashlib.sha256(fingerprint.encode()).hexdigest()[:16])
