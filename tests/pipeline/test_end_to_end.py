"""One real pipeline run on the demo drop folder, checked through the published files."""

import duckdb

from demo.fictional import EDITIONS as FICTIONAL_EDITIONS
from demo.generate import EDITIONS
from ingest.contract import ENTRIES
from ingest.drop_folder import discover_editions
from ingest.tables import read_table


def test_every_entry_row_of_every_edition_reaches_the_marts(demo_warehouse):
    expected = {
        (e.contest_code, e.edition_year): read_table(e, ENTRIES).frame.height
        for e in discover_editions(demo_warehouse.data_dir)
    }
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        counted = dict(
            ((contest, year), n)
            for contest, year, n in con.execute(
                "select contest_code, edition_year, count(*) from marts.fct_entries group by all"
            ).fetchall()
        )
    assert {f"{contest}-{year}" for contest, year in expected} == set(EDITIONS) | set(
        FICTIONAL_EDITIONS
    )
    assert counted == expected


def test_sponsor_file_holds_exactly_the_sponsor_schema(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        sponsor_tables = set(
            con.execute(
                "select table_name from duckdb_tables() where schema_name = 'sponsor'"
            ).fetchall()
        )
    with duckdb.connect(str(demo_warehouse.sponsor_warehouse), read_only=True) as con:
        published = set(con.execute("select table_name from duckdb_tables()").fetchall())
        (edition_rows,) = con.execute("select count(*) from sponsor.entries_by_edition").fetchone()
    assert sponsor_tables
    assert published == sponsor_tables
    assert edition_rows == len(EDITIONS) + len(FICTIONAL_EDITIONS)


def test_build_file_is_not_the_published_file(demo_warehouse):
    build_db = demo_warehouse.resource.paths.build_db
    assert build_db.exists()
    assert build_db != demo_warehouse.warehouse
