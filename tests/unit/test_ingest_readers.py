"""Malformed entries files: each problem recorded with its exact reason, every good row kept."""

import json
from pathlib import Path

import pytest

from ingest.contract import ENTRIES
from ingest.drop_folder import discover_editions
from ingest.tables import read_table
from tests.bad_input.tables import BadTable, bad_csv_tables, formula_workbook


def _read(folder: Path, table: BadTable):
    (folder / table.file_name).write_bytes(table.data)
    (edition,) = discover_editions(folder.parent)
    return read_table(edition, ENTRIES)


def _check(read, table: BadTable) -> None:
    issues = [(i.status, i.source_row, i.message) for i in read.issues]
    assert issues == table.issues
    rows = {row["_source_row"]: row for row in read.frame.iter_rows(named=True)}
    for line, values in table.good_rows.items():
        assert {k: rows[line][k] for k in values} == values


@pytest.mark.parametrize("folder_name", sorted(bad_csv_tables()))
def test_malformed_csv_is_reported_exactly_and_good_rows_arrive(tmp_path, folder_name):
    table = bad_csv_tables()[folder_name]
    folder = tmp_path / folder_name
    folder.mkdir()
    _check(_read(folder, table), table)


def test_formula_in_xlsx_is_reported_and_never_evaluated(tmp_path):
    folder = tmp_path / "XLSX-2026"
    folder.mkdir()
    table = formula_workbook(folder / "entries.xlsx")
    read = _read(folder, table)
    _check(read, table)
    assert read.frame.height == 2


def test_surplus_fields_and_unknown_columns_are_kept_as_json(tmp_path):
    folder = tmp_path / "RAGGED-2026"
    folder.mkdir()
    read = _read(folder, bad_csv_tables()["RAGGED-2026"])
    extras = dict(zip(read.frame["_source_row"], read.frame["extra_columns"], strict=True))
    assert json.loads(extras[3]) == {"_surplus_fields": ["2026-03-02"]}
    assert extras[2] is None


def test_row_numbers_are_physical_lines_across_embedded_newlines(tmp_path):
    folder = tmp_path / "LINES-2026"
    folder.mkdir()
    text = (
        "entry_id,category,organization,essay\n"
        'I1,E04,Bank,"akapit 1\n\nakapit 2"\n'
        "I2,E05,Bank,krótki\n"
    )
    (folder / "entries.csv").write_text(text, encoding="utf-8")
    (edition,) = discover_editions(tmp_path)
    read = read_table(edition, ENTRIES)
    assert read.frame.select("entry_id", "_source_row").rows() == [("I1", 2), ("I2", 5)]
    assert read.frame["essay"][0] == "akapit 1\n\nakapit 2"
    assert read.issues == []
