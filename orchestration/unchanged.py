"""Build steps that skip their work when their inputs are those of their last successful run.

A re-run on an unchanged drop folder should cost a small part of a cold build, yet dbt
rebuilds every model and runs every test, and Great Expectations validates every table,
whether or not anything changed. So each of those steps fingerprints what it reads: the
content of its input tables (columns that change on every load, such as `_loaded_at`, left
out) and the project files that define its work. The fingerprint is kept in `build.steps`
of the build file: the pipeline's own record, in a schema of its own, as a step must not
write into a layer it reads. It is deleted before the step starts working and written only
after it succeeded, so a step that failed half-way is always redone, and a build file made
anew (which holds no fingerprint) is always built whole. Every step (the drop-folder tables,
the media, both dbt steps, the formal checks) goes the same way: `begin`, then its work,
then `remember`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

STEPS_SCHEMA = "build"
STEPS_TABLE = "steps"
# Columns whose value changes with every load or validation while the data they describe
# stays the same: a fingerprint that included them would never match.
VOLATILE_COLUMNS = frozenset({"_loaded_at", "probe_reused", "validated_at"})


@dataclass(frozen=True)
class StepInputs:
    """What one build step reads, as a fingerprint: equal fingerprints, equal work."""

    step: str
    fingerprint: str


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def table_fingerprint(
    con: duckdb.DuckDBPyConnection,
    schema: str,
    table: str,
    edition: tuple[str, int] | None = None,
) -> str:
    """The table's columns, row count and an order-free hash of its rows' stable columns
    (of one edition's rows only, when given as (contest_code, edition_year))."""
    columns = con.execute(
        "select column_name, data_type from information_schema.columns "
        "where table_catalog = current_database() and table_schema = ? and table_name = ? "
        "order by ordinal_position",
        [schema, table],
    ).fetchall()
    if not columns:
        return f"{schema}.{table}: absent"
    stable = ", ".join(_quoted(name) for name, _ in columns if name not in VOLATILE_COLUMNS)
    relation = f"{_quoted(schema)}.{_quoted(table)}"
    # A sum, not an xor, of the row hashes: two identical rows must not cancel out.
    if edition is None:
        rows, total = con.execute(
            f"select count(*), coalesce(sum(hash({stable})::hugeint), 0) from {relation}"
        ).fetchall()[0]
    else:
        rows, total = con.execute(
            f"select count(*), coalesce(sum(hash({stable})::hugeint), 0) from {relation} "
            "where contest_code = ? and edition_year = ?",
            list(edition),
        ).fetchall()[0]
    return f"{schema}.{table}: {columns} {rows} {total}"


def files_fingerprint(root: Path, paths: Iterable[Path]) -> str:
    """A hash of the files' paths (relative to root) and bytes."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def step_inputs(
    con: duckdb.DuckDBPyConnection,
    step: str,
    tables: Iterable[tuple[str, str]],
    definition: str,
) -> StepInputs:
    """The step's fingerprint over its input tables and the fingerprint of its definition."""
    digest = hashlib.sha256(definition.encode())
    for schema, table in sorted(tables):
        digest.update(table_fingerprint(con, schema, table).encode())
    return StepInputs(step, digest.hexdigest())


def _ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"create schema if not exists {STEPS_SCHEMA}")
    con.execute(
        f"create table if not exists {STEPS_SCHEMA}.{STEPS_TABLE} "
        "(step varchar primary key, fingerprint varchar not null, "
        "built_at timestamp with time zone not null)"
    )


def begin(con: duckdb.DuckDBPyConnection, inputs: StepInputs, reusable: bool = True) -> bool:
    """How every step starts: True when it may keep its last work (it last succeeded on
    exactly these inputs, and the caller can reuse that work); otherwise its record is dropped
    before any work starts, so a step failing half-way is redone. The step calls `remember`
    once it has succeeded."""
    if reusable and is_unchanged(con, inputs):
        return True
    forget(con, inputs.step)
    return False


def is_unchanged(con: duckdb.DuckDBPyConnection, inputs: StepInputs) -> bool:
    """True when the step last succeeded on exactly these inputs."""
    _ensure_table(con)
    rows = con.execute(
        f"select fingerprint from {STEPS_SCHEMA}.{STEPS_TABLE} where step = ?", [inputs.step]
    ).fetchall()
    return bool(rows) and rows[0][0] == inputs.fingerprint


def forget(con: duckdb.DuckDBPyConnection, step: str) -> None:
    """Drop the step's fingerprint before it changes anything, so a failure is redone."""
    _ensure_table(con)
    con.execute(f"delete from {STEPS_SCHEMA}.{STEPS_TABLE} where step = ?", [step])


def remember(con: duckdb.DuckDBPyConnection, inputs: StepInputs) -> None:
    """Record that the step succeeded on these inputs."""
    _ensure_table(con)
    con.execute(
        f"insert or replace into {STEPS_SCHEMA}.{STEPS_TABLE} values (?, ?, ?)",
        [inputs.step, inputs.fingerprint, dt.datetime.now(dt.UTC)],
    )
