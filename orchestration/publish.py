"""Atomic publishing: readers see the last complete warehouse, never a half-built one."""

import os
import shutil
from pathlib import Path

import duckdb

SPONSOR_SCHEMA = "sponsor"


def _replace_atomically(staged: Path, target: Path) -> None:
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, target)


def _staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}.publishing")


def publish_warehouse(build_db: Path, target: Path) -> None:
    """Copy the finished build file beside the target, then rename it over the target."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # A checkpoint folds the write-ahead log into the file, so the copy is self-contained.
    with duckdb.connect(str(build_db)) as con:
        con.execute("checkpoint")
    staged = _staging_path(target)
    try:
        shutil.copyfile(build_db, staged)
        _replace_atomically(staged, target)
    finally:
        staged.unlink(missing_ok=True)


def publish_sponsor_warehouse(build_db: Path, target: Path) -> list[str]:
    """Write a file holding only the sponsor schema's tables, then rename it over the target.

    The tables sit in the file's default schema: a file named sponsor.duckdb is attached as
    catalog "sponsor", so `sponsor.<table>` resolves and is never ambiguous.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = _staging_path(target)
    staged.unlink(missing_ok=True)
    try:
        tables = _copy_sponsor_schema(build_db, staged)
        _replace_atomically(staged, target)
    finally:
        staged.unlink(missing_ok=True)
    return tables


def _copy_sponsor_schema(build_db: Path, staged: Path) -> list[str]:
    with duckdb.connect(str(staged)) as con:
        (own,) = con.execute("select current_database()").fetchone()
        con.execute("attach ? as build (read_only)", [str(build_db)])
        tables = [
            name
            for (name,) in con.execute(
                "select table_name from duckdb_tables() "
                "where database_name = 'build' and schema_name = ? order by table_name",
                [SPONSOR_SCHEMA],
            ).fetchall()
        ]
        for name in tables:
            con.execute(
                f'create table "{own}".main."{name}" as '
                f'select * from build.{SPONSOR_SCHEMA}."{name}"'
            )
        con.execute("detach build")
    return tables
