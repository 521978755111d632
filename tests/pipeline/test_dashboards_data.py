"""The dashboards' data layer: re-published files are picked up and the replaced file's
connection closed, threads query at once, CSV downloads are inert in spreadsheets, media
paths stay in the drop folder."""

import io
import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from dashboards import connections
from dashboards.connections import query, uncached_query
from dashboards.media import locate
from spreadsheets.safe_csv import neutralize_cell, to_safe_csv


def test_a_republished_warehouse_is_read_at_once(demo_warehouse, tmp_path):
    published = tmp_path / "podium.duckdb"
    shutil.copyfile(demo_warehouse.warehouse, published)
    count = "select count(*) as entries from marts.fct_entries"
    before = int(query(published, count).at[0, "entries"])
    assert int(query(published, count).at[0, "entries"]) == before

    _publish_doubled(demo_warehouse.warehouse, published)

    assert int(query(published, count).at[0, "entries"]) == 2 * before


def _publish_doubled(source: Path, published: Path) -> None:
    """A new build with every entry twice, published as the pipeline does: written beside,
    renamed over."""
    build = published.with_name(published.name + ".new")
    shutil.copyfile(source, build)
    with duckdb.connect(str(build)) as con:
        con.execute("insert into marts.fct_entries by name select * from marts.fct_entries")
    os.replace(build, published)


def _open_deleted_files(path: Path) -> list[str]:
    """Files this process holds open that were once at path and have since been replaced."""
    links = (os.readlink(fd) for fd in Path("/proc/self/fd").iterdir() if fd.is_symlink())
    return [link for link in links if link == f"{path} (deleted)"]


def test_a_publish_closes_the_kept_connection(demo_warehouse, tmp_path):
    published = tmp_path / "podium.duckdb"
    shutil.copyfile(demo_warehouse.warehouse, published)
    count = "select count(*) as entries from marts.fct_entries"
    before = int(uncached_query(published, count).at[0, "entries"])
    old = connections._readers[str(published)].connection
    assert int(uncached_query(published, count).at[0, "entries"]) == before
    assert connections._readers[str(published)].connection is old

    _publish_doubled(demo_warehouse.warehouse, published)
    # While kept open, the old connection pins the replaced file.
    assert _open_deleted_files(published)

    assert int(uncached_query(published, count).at[0, "entries"]) == 2 * before
    assert connections._readers[str(published)].connection is not old
    with pytest.raises(duckdb.ConnectionException):
        old.execute("select 1")
    assert _open_deleted_files(published) == []


def test_threads_query_at_once_and_through_a_publish(demo_warehouse, tmp_path):
    published = tmp_path / "podium.duckdb"
    shutil.copyfile(demo_warehouse.warehouse, published)
    by_edition = (
        "select contest_code, edition_year, count(*) as entries from marts.fct_entries "
        "where edition_year = ? group by all order by all"
    )
    years = [2024, 2026]
    expected = {year: uncached_query(published, by_edition, (year,)) for year in years}
    assert all(not frame.empty for frame in expected.values())

    def run(number: int) -> tuple[int, pd.DataFrame]:
        year = years[number % len(years)]
        return year, uncached_query(published, by_edition, (year,))

    with ThreadPoolExecutor(max_workers=8) as pool:
        first = list(pool.map(run, range(200)))
        # Queries keep running on their threads while a new file is renamed over the path.
        during = pool.map(run, range(200))
        _publish_doubled(demo_warehouse.warehouse, published)
        during = list(during)
        after = list(pool.map(run, range(200)))

    for year, frame in first:
        pd.testing.assert_frame_equal(frame, expected[year])
    doubled = {year: frame.assign(entries=frame["entries"] * 2) for year, frame in expected.items()}
    for year, frame in during:
        assert frame.equals(expected[year]) or frame.equals(doubled[year])
    for year, frame in after:
        pd.testing.assert_frame_equal(frame, doubled[year])
    assert _open_deleted_files(published) == []


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
