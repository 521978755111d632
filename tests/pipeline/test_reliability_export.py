"""`make export`: every table of marts and sponsor as Parquet, read-only from the published file."""

import hashlib
import os
import subprocess
import sys

import duckdb
import pytest
from openpyxl import load_workbook

from tests.reliability_scenario import PROJECT_ROOT


@pytest.fixture(scope="module")
def exported(demo_warehouse, tmp_path_factory):
    target = tmp_path_factory.mktemp("export")
    (target / "marts").mkdir()
    (target / "marts" / "dropped_table.parquet").write_bytes(b"left by an older export")
    before = hashlib.sha256(demo_warehouse.warehouse.read_bytes()).hexdigest()
    # A reader holds the published file open all along: the export must share it.
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as reader:
        run = subprocess.run(
            [sys.executable, "-m", "orchestration.export"],
            cwd=PROJECT_ROOT,
            env={
                **os.environ,
                "PODIUM_WAREHOUSE": str(demo_warehouse.warehouse),
                "PODIUM_EXPORT_DIR": str(target),
            },
            capture_output=True,
            text=True,
        )
        reader.execute("select 1").fetchall()
    after = hashlib.sha256(demo_warehouse.warehouse.read_bytes()).hexdigest()
    return target, run, before == after


def test_export_succeeds_without_touching_the_published_file(exported):
    _, run, unchanged = exported
    assert run.returncode == 0, run.stderr
    assert unchanged


def test_every_table_of_marts_and_sponsor_becomes_one_parquet_file(demo_warehouse, exported):
    target, _, _ = exported
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in ('marts', 'sponsor')"
        ).fetchall()
    files = {(path.parent.name, path.stem) for path in target.glob("*/*.parquet")}
    assert ("marts", "fct_entries") in files
    assert files == set(tables)


def test_parquet_files_hold_the_same_rows_as_the_tables(demo_warehouse, exported):
    target, _, _ = exported
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        for path in sorted(target.glob("*/*.parquet")):
            table = con.table(f'"{path.parent.name}"."{path.stem}"')
            parquet = con.read_parquet(str(path))
            assert parquet.columns == table.columns, path
            assert sorted(parquet.fetchall(), key=repr) == sorted(table.fetchall(), key=repr)


def test_export_leaves_no_staged_file_behind(exported):
    target, _, _ = exported
    assert [p.name for p in target.rglob("*") if p.is_file() and p.suffix != ".parquet"] == []


@pytest.fixture(scope="module", params=["csv", "xlsx"])
def exported_as(request, demo_warehouse, tmp_path_factory):
    target = tmp_path_factory.mktemp(f"export_{request.param}")
    run = subprocess.run(
        [sys.executable, "-m", "orchestration.export", "--format", request.param],
        cwd=PROJECT_ROOT,
        env={
            **os.environ,
            "PODIUM_WAREHOUSE": str(demo_warehouse.warehouse),
            "PODIUM_EXPORT_DIR": str(target),
        },
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    return request.param, target


def test_csv_and_xlsx_exports_hold_every_table_with_its_columns_and_rows(
    demo_warehouse, exported_as
):
    file_format, target = exported_as
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        tables = con.execute(
            "select schema_name, table_name from duckdb_tables() "
            "where schema_name in ('marts', 'sponsor')"
        ).fetchall()
        files = {(p.parent.name, p.stem): p for p in target.glob(f"*/*.{file_format}")}
        assert set(files) == set(tables)
        for (schema, table), path in files.items():
            relation = con.table(f'"{schema}"."{table}"')
            [(rows,)] = relation.count("*").fetchall()
            if file_format == "csv":
                written = con.read_csv(str(path), header=True, all_varchar=True)
                assert written.columns == relation.columns, path
                assert written.count("*").fetchall()[0][0] == rows, path
            else:
                sheet = load_workbook(path, read_only=True).active
                header, *body = sheet.iter_rows(values_only=True)
                assert list(header) == relation.columns, path
                assert len(body) == rows, path


def test_xlsx_export_keeps_numbers_as_numbers(demo_warehouse, exported_as):
    file_format, target = exported_as
    if file_format != "xlsx":
        pytest.skip("only the XLSX export has cell types")
    sheet = load_workbook(target / "marts" / "fct_results.xlsx", read_only=True).active
    header, *body = sheet.iter_rows(values_only=True)
    ranks = [row[header.index("rank_in_category")] for row in body]
    assert any(isinstance(rank, int) for rank in ranks)
    assert all(rank is None or isinstance(rank, int) for rank in ranks)
