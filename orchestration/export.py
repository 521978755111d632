"""`make export`: every table of marts and sponsor as Parquet (or CSV, or XLSX), from the
published file.

The published warehouse is opened read-only, so an export can run during a build; each
file is written beside its target and renamed over it.
"""

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from settings.environment import export_dir, podium_paths

EXPORTED_SCHEMAS = ("marts", "sponsor")
DEFAULT_FORMAT = "parquet"


@dataclass(frozen=True)
class ExportedTable:
    """One table written as one Parquet file."""

    schema: str
    table: str
    rows: int
    path: Path


def _write_parquet(con: duckdb.DuckDBPyConnection, relation, path: Path) -> int:
    relation.write_parquet(str(path))
    [(rows,)] = con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchall()
    return rows


def _write_csv(con: duckdb.DuckDBPyConnection, relation, path: Path) -> int:
    relation.write_csv(str(path), header=True)
    [(rows,)] = con.execute(
        "select count(*) from read_csv(?, header = true, all_varchar = true)", [str(path)]
    ).fetchall()
    return rows


def _write_xlsx(con: duckdb.DuckDBPyConnection, relation, path: Path) -> int:
    # Imported here: pandas and openpyxl cost seconds of every `podium` command otherwise.
    from openpyxl import load_workbook

    from spreadsheets.xlsx import frame_to_xlsx

    path.write_bytes(frame_to_xlsx(relation.df(), path.stem.split(".")[0]))
    return load_workbook(path, read_only=True).active.max_row - 1


# How each format is written; each writer returns the rows the written file holds.
WRITERS: dict[str, Callable[[duckdb.DuckDBPyConnection, object, Path], int]] = {
    "parquet": _write_parquet,
    "csv": _write_csv,
    "xlsx": _write_xlsx,
}


def export_tables(
    warehouse: Path, target: Path, file_format: str = DEFAULT_FORMAT
) -> list[ExportedTable]:
    """Write <target>/<schema>/<table>.<format> for every table of the exported schemas."""
    write = WRITERS[file_format]
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
            path = folder / f"{table}.{file_format}"
            # The suffix stays last: DuckDB and openpyxl pick the file's kind by it.
            staged = folder / f".{table}.{os.getpid()}.writing.{file_format}"
            relation = con.table(f'"{schema}"."{table}"')
            rows = write(con, relation, staged)
            os.replace(staged, path)
            exported.append(ExportedTable(schema, table, rows, path))
    _remove_dropped(target, exported, file_format)
    return exported


def _remove_dropped(target: Path, exported: list[ExportedTable], file_format: str) -> None:
    """Delete the files (of this format) of tables the warehouse no longer has."""
    kept = {table.path for table in exported}
    for schema in EXPORTED_SCHEMAS:
        for path in (target / schema).glob(f"*.{file_format}"):
            if path not in kept:
                path.unlink()


def parser() -> argparse.ArgumentParser:
    command = argparse.ArgumentParser(
        prog="podium export",
        description="Write every table of the marts and sponsor schemas of the published "
        "warehouse to $PODIUM_EXPORT_DIR, one file per table.",
    )
    command.add_argument(
        "--format", choices=sorted(WRITERS), default=DEFAULT_FORMAT, dest="file_format"
    )
    return command


def main(argv: list[str] | None = None) -> None:
    options = parser().parse_args(argv)
    target = export_dir()
    exported = export_tables(podium_paths().warehouse, target, options.file_format)
    for table in exported:
        print(f"{table.schema}.{table.table}: {table.rows} rows -> {table.path}")
    print(f"{len(exported)} tables exported to {target}", file=sys.stderr)


if __name__ == "__main__":
    main()
