"""The published sponsor file: aggregates only, no person's name, no count under 3."""

from pathlib import Path

import duckdb
import pytest

from ingest.contract import ENTRIES, JURORS
from ingest.drop_folder import discover_editions
from ingest.tables import read_table

MIN_CELL = 3
# Integer columns of the sponsor tables that are not counts of entrants.
NOT_COUNTS = {"edition_year", "sort_order"}


def person_names(data_dir: Path) -> set[str]:
    """Every participant, nominee and juror name of the drop folder, as the files hold them."""
    names: set[str] = set()
    for edition in discover_editions(data_dir):
        entries = read_table(edition, ENTRIES).frame
        jurors = read_table(edition, JURORS).frame
        for column, frame in (("participant_name", entries), ("nominee", entries)):
            names.update(v for v in frame[column].to_list() if v)
        names.update(v for v in jurors["juror_name"].to_list() if v)
    return names


def text_cells(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(table, column, value) of every non-null text or list cell of every table in the file."""
    columns = con.execute(
        "select table_name, column_name from duckdb_columns() where not internal "
        "and (data_type = 'VARCHAR' or data_type like '%[]') order by all"
    ).fetchall()
    cells = []
    for table, column in columns:
        rows = con.execute(
            f'select distinct cast("{column}" as varchar) from "{table}" '
            f'where "{column}" is not null'
        ).fetchall()
        cells.extend((table, column, value) for (value,) in rows)
    return cells


def names_found(con: duckdb.DuckDBPyConnection, names: set[str]) -> list[tuple[str, str, str]]:
    folded = {name.casefold() for name in names}
    return [
        (table, column, value)
        for table, column, value in text_cells(con)
        if any(name in value.casefold() for name in folded)
    ]


def count_columns(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    return [
        (table, column)
        for table, column in con.execute(
            "select table_name, column_name from duckdb_columns() where not internal "
            "and data_type in ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT') "
            "order by all"
        ).fetchall()
        if column not in NOT_COUNTS
    ]


@pytest.fixture(scope="module")
def sponsor_con(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.sponsor_warehouse), read_only=True) as con:
        yield con


def test_no_participant_or_juror_name_anywhere_in_the_sponsor_file(demo_warehouse, sponsor_con):
    names = person_names(demo_warehouse.data_dir)
    assert len(names) >= 3
    assert text_cells(sponsor_con), "the sponsor file has text to scan"
    assert names_found(sponsor_con, names) == []


def test_the_name_scan_finds_a_name_planted_in_any_table(tmp_path):
    with duckdb.connect(str(tmp_path / "planted.duckdb")) as con:
        con.execute("create table clean (label varchar, n integer)")
        con.execute("insert into clean values ('Sprzedaż', 4)")
        con.execute("create table leaky (labels varchar[])")
        con.execute("insert into leaky values (['x', 'winner: ZOFIA ŻÓŁĆ'])")
        found = names_found(con, {"Zofia Żółć", "Anna Kowalska"})
    assert [(table, column) for table, column, _ in found] == [("leaky", "labels")]
    assert "ZOFIA ŻÓŁĆ" in found[0][2]


def test_no_sponsor_count_is_under_three(sponsor_con):
    columns = count_columns(sponsor_con)
    assert ("entries_by_edition", "entries") in columns
    small = [
        (table, column, n)
        for table, column in columns
        for (n,) in sponsor_con.execute(
            f'select "{column}" from "{table}" where "{column}" < ?', [MIN_CELL]
        ).fetchall()
    ]
    assert small == []


def test_suppressed_rows_are_flagged_and_show_a_null(sponsor_con):
    tables = [
        table
        for (table,) in sponsor_con.execute(
            "select distinct table_name from duckdb_columns() "
            "where not internal and column_name = 'is_suppressed'"
        ).fetchall()
    ]
    assert "entries_by_edition" in tables
    counts = dict.fromkeys(tables, 0)
    for table in tables:
        numeric = [c for t, c in count_columns(sponsor_con) if t == table]
        any_null = " or ".join(f'"{c}" is null' for c in numeric)
        (mismatched,) = sponsor_con.execute(
            f'select count(*) from "{table}" where is_suppressed <> ({any_null})'
        ).fetchone()
        assert mismatched == 0, table
        (counts[table],) = sponsor_con.execute(
            f'select count(*) from "{table}" where is_suppressed'
        ).fetchone()
    assert sum(counts.values()) > 0, "the demo data has small cells to suppress"


def test_published_counts_match_the_marts(demo_warehouse, sponsor_con):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        marts = dict(
            ((contest, year), n)
            for contest, year, n in con.execute(
                "select contest_code, edition_year, count(*) from marts.fct_entries group by all"
            ).fetchall()
        )
    published = {
        (contest, year): n
        for contest, year, n in sponsor_con.execute(
            "select contest_code, edition_year, entries from entries_by_edition"
        ).fetchall()
    }
    assert published == {key: (n if n >= MIN_CELL else None) for key, n in marts.items()}


def test_no_withheld_entry_count_can_be_recovered_by_subtraction(sponsor_con):
    # Breakdowns of an edition add up to its published total: one withheld cell alone in an
    # edition would be that total minus the others.
    breakdowns = ("entries_by_category", "entries_by_family", "entries_by_size_band")
    lone = []
    for table in breakdowns:
        lone += sponsor_con.execute(
            f'select ?, contest_code, edition_year from "{table}" '
            "group by contest_code, edition_year "
            "having count(*) filter (where entries is null) = 1",
            [table],
        ).fetchall()
    assert lone == []
