"""`make export`: every table of marts and sponsor as Parquet, from the published file.

The published warehouse is opened read-only, so an export can run during a build; each
Parquet file is written beside its target and renamed over it.
"""

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb

from orchestration.settings import PROJECT_ROOT, podium_paths

EXPORTED_SCHEMAS = ("marts", "sponsor")
DEFAULT_EXPORT_DIR = "warehouse/export"


@dataclass(frozen=True)
class ExportedTable:
    """One table written as one Parquet file."""

    schema: str
    table: str
    rows: int
    path: Path


def export_dir() -> Path:
    """$PODIUM_EXPORT_DIR, relative paths taken from the project root."""
    value = Path(os.environ.get("PODIUM_EXPORT_DIR") or DEFAULT_EXPORT_DIR)
    return value if value.is_absolute() else PROJECT_ROOT / value


def export_tables(warehouse: Path, target: Path) -> list[ExportedTable]:
    """Write <target>/<schema>/<table>.parquet for every table of the exported schemas."""
    if not warehouse.is_file():
        raise FileNotFoundError(f"no published warehouse at {warehouse}: run make build first")
    exported = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where list_contains(?, schema_name) order by schema_name, table_name",
            [list(EXPORTED_SCHEMAS)],
        ).fetchall()
        for schema, table in tables:
            folder = target / schema
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{table}.parquet"
            staged = folder / f".{table}.parquet.{os.getpid()}.writing"
            relation = con.table(f'"{schema}"."{table}"')
            relation.write_parquet(str(staged))
            os.replace(staged, path)
            [(rows,)] = con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchall()
            exported.append(ExportedTable(schema, table, rows, path))
    _remove_dropped(target, exported)
    return exported


def _remove_dropped(target: Path, exported: list[ExportedTable]) -> None:
    """Delete the Parquet files of tables the warehouse no longer has."""
    kept = {table.path for table in exported}
    for schema in EXPORTED_SCHEMAS:
        for path in (target / schema).glob("*.parquet"):
            if path not in kept:
                path.unlink()


def main() -> None:
    target = export_dir()
    exported = export_tables(podium_paths().warehouse, target)
    for table in exported:
        print(f"{table.schema}.{table.table}: {table.rows} rows -> {table.path}")
    print(f"{len(exported)} tables exported to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
