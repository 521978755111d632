"""The dashboards' data layer: re-published files are picked up, no connection is left
open, CSV downloads are inert in spreadsheets, media paths stay in the drop folder."""

import io
import os
import shutil
from pathlib import Path

import duckdb
import pandas as pd

from dashboards.csv_export import neutralize_cell, to_safe_csv
from dashboards.media import locate
from dashboards.warehouse import query, table_columns


def test_a_republished_warehouse_is_read_at_once(demo_warehouse, tmp_path):
    published = tmp_path / "podium.duckdb"
    shutil.copyfile(demo_warehouse.warehouse, published)
    count = "select count(*) as entries from marts.fct_entries"
    before = int(query(published, count).at[0, "entries"])
    assert int(query(published, count).at[0, "entries"]) == before

    # A new build, published as the pipeline does: written beside, renamed over.
    build = tmp_path / "podium.duckdb.new"
    shutil.copyfile(demo_warehouse.warehouse, build)
    with duckdb.connect(str(build)) as con:
        con.execute("insert into marts.fct_entries by name select * from marts.fct_entries")
    os.replace(build, published)

    assert int(query(published, count).at[0, "entries"]) == 2 * before


def test_queries_leave_no_connection_open(demo_warehouse, tmp_path):
    published = tmp_path / "podium.duckdb"
    shutil.copyfile(demo_warehouse.warehouse, published)
    assert "marts.fct_entries" in table_columns(published)
    # A read-write connection in this process would clash with a read-only one left open.
    with duckdb.connect(str(published)) as writer:
        writer.execute("create table marts.probe as select 1 as x")
    assert "marts.probe" in table_columns(published)


def test_formula_cells_are_neutralised():
    assert neutralize_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert neutralize_cell("+48 22 000") == "'+48 22 000"
    assert neutralize_cell("-1+1") == "'-1+1"
    assert neutralize_cell("@SUM(A1)") == "'@SUM(A1)"
    assert neutralize_cell("Sprzedaż") == "Sprzedaż"
    assert neutralize_cell(-5) == -5


def test_csv_keeps_numbers_and_polish_letters():
    frame = pd.DataFrame({"kategoria": ["=cmd|' /C calc'!A0", "Obsługa klienta"], "delta": [-3, 4]})
    data = to_safe_csv(frame)
    assert data.startswith("\ufeff".encode())
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["kategoria"].tolist() == ["'=cmd|' /C calc'!A0", "Obsługa klienta"]
    assert back["delta"].tolist() == [-3, 4]


def test_media_is_confined_to_the_edition_folder(tmp_path: Path):
    edition = tmp_path / "PCCA-2026"
    (edition / "media").mkdir(parents=True)
    (edition / "media" / "a.mp3").write_bytes(b"ID3")
    (tmp_path / "secret.txt").write_text("no")
    (edition / "media" / "link.mp3").symlink_to(tmp_path / "secret.txt")

    assert locate(tmp_path, "PCCA", 2026, "media/a.mp3").path == edition / "media" / "a.mp3"
    assert locate(tmp_path, "PCCA", 2026, "media\\a.mp3").path is not None
    assert locate(tmp_path, "PCCA", 2026, "../secret.txt").problem == "outside"
    assert locate(tmp_path, "PCCA", 2026, str(tmp_path / "secret.txt")).problem == "outside"
    assert locate(tmp_path, "PCCA", 2026, "media/link.mp3").problem == "outside"
    assert locate(tmp_path, "PCCA", 2026, "media/none.mp3").problem == "missing"
