"""Atomic publishing: readers see the last complete warehouse, never a half-built one."""

import os
import re
import shutil
from pathlib import Path

import duckdb

from orchestration.disk_space import Need, naming_a_full_disk
from orchestration.faults import pause_point

SPONSOR_SCHEMA = "sponsor"
STAGED_SUFFIX = ".publishing"


def _fsync_folder(folder: Path) -> None:
    """Make a rename in folder durable: the new directory entry survives a power cut."""
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _replace_atomically(staged: Path, target: Path) -> None:
    with staged.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(staged, target)
    _fsync_folder(target.parent)


def _staging_path(target: Path) -> Path:
    return target.with_name(f".{target.name}.{os.getpid()}{STAGED_SUFFIX}")


def process_alive(pid: int) -> bool:
    """Whether a process of that id exists on this machine (someone else's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_staged(staged: Path) -> None:
    staged.unlink(missing_ok=True)
    staged.with_name(f"{staged.name}.wal").unlink(missing_ok=True)


def remove_stale_staged_files(target: Path) -> list[Path]:
    """Delete what killed builds left beside target (staged copies and their logs).

    The process id in a staged name tells whose it is: a live build's copy stays.
    """
    pattern = re.compile(rf"^\.{re.escape(target.name)}\.(\d+){re.escape(STAGED_SUFFIX)}(\.wal)?$")
    removed = []
    for leftover in sorted(target.parent.iterdir()):
        match = pattern.match(leftover.name)
        if not match:
            continue
        pid = int(match[1])
        if pid != os.getpid() and process_alive(pid):
            continue
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def _check_readable(staged: Path, schema: str | None) -> None:
    """Open the staged copy as readers will (read-only) before it may replace the target."""
    with duckdb.connect(str(staged), read_only=True) as con:
        (tables,) = con.execute(
            "select count(*) from duckdb_tables() where ? is null or schema_name = ?",
            [schema, schema],
        ).fetchone()
    if not tables:
        raise RuntimeError(f"{staged} holds no table{f' in schema {schema}' if schema else ''}")


def _staged_copy_needs(build_db: Path, target: Path) -> list[Need]:
    return [Need(target.parent, build_db.stat().st_size, f"a copy to publish as {target.name}")]


def publish_warehouse(build_db: Path, target: Path) -> None:
    """Copy the finished build file beside the target, then rename it over the target."""
    with naming_a_full_disk(lambda: _staged_copy_needs(build_db, target)):
        _publish_warehouse(build_db, target)


def _publish_warehouse(build_db: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staged_files(target)
    # A checkpoint folds the write-ahead log into the file, so the copy is self-contained.
    with duckdb.connect(str(build_db)) as con:
        con.execute("checkpoint")
    staged = _staging_path(target)
    try:
        shutil.copyfile(build_db, staged)
        _check_readable(staged, "marts")
        pause_point("publish:staged")
        _replace_atomically(staged, target)
    finally:
        _remove_staged(staged)


def publish_sponsor_warehouse(build_db: Path, target: Path) -> list[str]:
    """Write a file holding only the sponsor schema's tables, then rename it over the target.

    The tables sit in the file's default schema: a file named sponsor.duckdb is attached as
    catalog "sponsor", so `sponsor.<table>` resolves and is never ambiguous.
    """
    with naming_a_full_disk(lambda: _staged_copy_needs(build_db, target)):
        return _publish_sponsor_warehouse(build_db, target)


def _publish_sponsor_warehouse(build_db: Path, target: Path) -> list[str]:
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staged_files(target)
    staged = _staging_path(target)
    _remove_staged(staged)
    try:
        tables = _copy_sponsor_schema(build_db, staged)
        _check_readable(staged, None)
        pause_point("publish:sponsor_staged")
        _replace_atomically(staged, target)
    finally:
        _remove_staged(staged)
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
            # Identifiers cannot be bound as parameters; these come from the catalog of our
            # own build (dbt model names), never from drop-folder input.
            con.execute(
                f'create table "{own}".main."{name}" as '
                f'select * from build.{SPONSOR_SCHEMA}."{name}"'
            )
        con.execute("detach build")
    return tables
