"""Participation marts on the demo warehouse answer organizers' questions with one GROUP BY."""

from collections import Counter
from datetime import date, datetime

import duckdb
import pytest

from ingest.contract import ENTRIES
from ingest.drop_folder import discover_editions
from ingest.tables import read_table

FAMILY_BY_YEAR = """
    select family_code, edition_year, count(*) as entries
    from marts.fct_entries
    where contest_code = 'PCCA' and edition_year in (2024, 2026)
    group by family_code, edition_year
"""


def _day(text: str | None) -> date | None:
    """The day of an ISO timestamp; None for a missing or unreadable one."""
    try:
        return datetime.fromisoformat(text).date() if text else None
    except ValueError:
        return None


@pytest.fixture(scope="module")
def marts(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        yield con


@pytest.fixture(scope="module")
def received(demo_warehouse):
    """Entry rows of each edition's file, read with the ingest's own reader."""
    return {
        (e.contest_code, e.edition_year): read_table(e, ENTRIES).frame
        for e in discover_editions(demo_warehouse.data_dir)
    }


def test_entries_per_family_2024_vs_2026_is_one_group_by(marts, received):
    counts = {(family, year): n for family, year, n in marts.execute(FAMILY_BY_YEAR).fetchall()}
    years = {year for _, year in counts}
    assert years == {2024, 2026}
    assert sum(counts.values()) == received[("PCCA", 2024)].height + received[("PCCA", 2026)].height
    # A family spanning a split (2024 'Sprzedaż lub retencja' → 2026 'Sprzedaż' and
    # 'Utrzymanie i lojalizacja') holds entries of both years side by side.
    assert counts[("SPRZEDAZ_RETENCJA", 2024)] > 0
    assert counts[("SPRZEDAZ_RETENCJA", 2026)] > 0
    published = {
        (family, year): n
        for family, year, n in marts.execute(
            "select family_code, edition_year, entries from marts.participation_by_family "
            "where contest_code = 'PCCA' and entries > 0"
        ).fetchall()
    }
    assert published == counts


def test_a_2026_entry_of_a_split_category_sits_in_its_2024_family(marts):
    rows = marts.execute(
        "select distinct edition_year, category_code from marts.fct_entries "
        "where family_code = 'SPRZEDAZ_RETENCJA' order by all"
    ).fetchall()
    assert (2024, "SPRZEDAZ_RETENCJA") in rows
    assert {code for year, code in rows if year == 2026} <= {"SPRZEDAZ", "UTRZYMANIE"}


def test_participation_by_category_counts_every_entry_row(marts):
    (by_category,) = marts.execute(
        "select sum(entries) from marts.participation_by_category"
    ).fetchone()
    (rows,) = marts.execute("select count(*) from marts.fct_entries").fetchone()
    (catalog,) = marts.execute(
        "select count(*) from marts.participation_by_category where category_key is not null"
    ).fetchone()
    (categories,) = marts.execute("select count(*) from marts.dim_category").fetchone()
    assert by_category == rows
    assert catalog == categories


def test_submission_timeline_matches_the_submitted_dates(marts, received):
    for (contest, year), frame in received.items():
        expected = Counter(_day(text) for text in frame["submitted_at"].to_list())
        rows = marts.execute(
            "select submitted_on, entries, cumulative_entries from marts.submission_timeline "
            "where contest_code = ? and edition_year = ? order by submitted_on nulls last",
            [contest, year],
        ).fetchall()
        assert {day: n for day, n, _ in rows if n} == dict(expected)
        assert rows[-1][2] == frame.height
        assert [c for _, _, c in rows] == sorted(c for _, _, c in rows)


def test_returning_organizations_returned_to_an_earlier_edition(marts):
    rows = marts.execute(
        "select contest_code, edition_year, is_returning, previous_edition_year "
        "from marts.returning_organizations"
    ).fetchall()
    first_years = {
        contest: min(year for c, year, _, _ in rows if c == contest) for contest, *_ in rows
    }
    assert any(returning for *_, returning, _ in rows)
    for contest, year, returning, previous in rows:
        assert returning == (previous is not None)
        if year == first_years[contest]:
            assert not returning
        if returning:
            assert previous < year
