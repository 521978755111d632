"""Every shortcut of an incremental build gives the marts a full rebuild gives, to the byte.

A warehouse is built on a small drop folder, the folder is changed and the same warehouse is
built again: its raw tables, probes, dbt models and formal checks are reused where their
inputs did not change. A fresh warehouse is built on the changed folder. Both published
files must hold the same rows in every marts and sponsor table, compared exactly (not to a
tolerance), with only the guide's volatile columns (load times) left out. One round of
changes holds all four kinds, each reaching other steps' shortcuts: a changed row (one raw
table re-read, the others reused), a file re-uploaded with other content (one probe redone,
the others reused), an added edition and a removed one.
"""

import shutil
from pathlib import Path

import pytest

from demo.records import write_csv
from tests.bad_input.media import recording_mp3, wav
from tests.reliability_scenario import table_contents, volatile_columns
from tests.warehouse_builds import build_warehouse

SCHEMAS = ("marts", "sponsor")


def _pcca(root: Path) -> None:
    edition = root / "PCCA-2026"
    (edition / "media").mkdir(parents=True)
    (edition / "media/a.mp3").write_bytes(recording_mp3(20, 16))
    (edition / "media/b.mp3").write_bytes(recording_mp3(30, 16))
    (edition / "media/c.mp3").write_bytes(wav(3))
    write_csv(
        edition / "entries.csv",
        ["entry_id", "category", "organization"],
        [["P1", "Sprzedaż", "Bank Polski"], ["P2", "Sprzedaż", "Ubezpieczenia"]],
    )
    write_csv(
        edition / "files.csv",
        ["entry_id", "case_no", "interaction_no", "kind", "path"],
        [
            ["P1", 1, 1, "", "media/a.mp3"],
            ["P1", 2, 1, "", "media/c.mp3"],
            ["P2", 1, 1, "", "media/b.mp3"],
        ],
    )


def _tst(root: Path, year: int) -> None:
    edition = root / f"TST-{year}"
    write_csv(
        edition / "catalog" / "categories.csv",
        ["category_code", "category_name_pl", "category_name_en"],
        [["C", "Kultura", "Culture"], ["D", "Dialog", "Dialogue"]],
    )
    write_csv(
        edition / "entries.csv",
        ["entry_id", "category", "organization"],
        [["T1", "C", "Teatr"], ["T2", "D", "Opera"], ["T3", "C", "Muzeum"]],
    )


def _published(out_dir: Path) -> dict[str, list]:
    return table_contents(out_dir / "podium.duckdb", SCHEMAS, volatile_columns())


def _fresh(data_dir: Path, scratch: Path) -> dict[str, list]:
    """A full build of a copy of the folder into a new warehouse."""
    copy = scratch / "drop"
    shutil.copytree(data_dir, copy)
    build_warehouse(copy, scratch / "out")
    return _published(scratch / "out")


# The changed and the added edition: a run of their partitions (the sensor's kind of run)
# reads only them, and drops the removed edition's rows.
CHANGED_EDITIONS = ["PCCA-2026", "TST-2026"]


@pytest.fixture(scope="module", params=["whole folder", "changed editions"])
def built(request, tmp_path_factory) -> tuple[dict[str, list], dict[str, list], dict[str, list]]:
    """Published tables before the changes, after them incrementally (a run of the whole
    folder, or of the changed editions' partitions), and from scratch."""
    data_dir = tmp_path_factory.mktemp("drop")
    _pcca(data_dir)
    _tst(data_dir, 2025)
    incremental = tmp_path_factory.mktemp("incremental")
    build_warehouse(data_dir, incremental)
    before = _published(incremental)

    entries = data_dir / "PCCA-2026" / "entries.csv"
    entries.write_text(entries.read_text().replace("Ubezpieczenia", "Ubezpieczenia Wzajemne"))
    (data_dir / "PCCA-2026" / "media/b.mp3").write_bytes(recording_mp3(90, 16))
    _tst(data_dir, 2026)
    shutil.rmtree(data_dir / "TST-2025")
    editions = CHANGED_EDITIONS if request.param == "changed editions" else None
    build_warehouse(data_dir, incremental, editions=editions)
    return before, _published(incremental), _fresh(data_dir, tmp_path_factory.mktemp("fresh"))


def _differing(incremental: dict[str, list], fresh: dict[str, list]) -> list[str]:
    return sorted(
        table
        for table in incremental.keys() | fresh.keys()
        if incremental.get(table) != fresh.get(table)
    )


def _editions(tables: dict[str, list]) -> set[tuple[str, int]]:
    return {
        (row["contest_code"], row["edition_year"]) for row in tables["marts.dim_contest_edition"]
    }


def test_the_changes_reach_the_marts(built):
    before, after, _ = built
    assert _editions(before) >= {("TST", 2025), ("PCCA", 2026)}
    assert ("TST", 2026) not in _editions(before)
    assert _editions(after) >= {("TST", 2026), ("PCCA", 2026)}
    assert ("TST", 2025) not in _editions(after)
    assert after["marts.fct_media"] != before["marts.fct_media"]
    assert after["marts.fct_entries"] != before["marts.fct_entries"]


def test_an_incremental_build_gives_the_marts_of_a_full_rebuild(built):
    _, incremental, fresh = built
    assert "marts.fct_entries" in fresh
    assert _differing(incremental, fresh) == []
