"""Jury rules and judge analytics on the demo warehouse, checked against the demo's own plan."""

import csv
import re

import duckdb
import pytest

from demo.generate import EDITIONS
from demo.jury import demo_juror_roles
from ingest.contract import ENTRIES
from ingest.drop_folder import Edition, discover_editions
from ingest.tables import read_table


def _juried_editions(data_dir) -> list[Edition]:
    """The demo editions whose jury the demo plans (harsh, lenient, conflicted jurors)."""
    return [e for e in discover_editions(data_dir) if e.name in EDITIONS]


def _rows(con: duckdb.DuckDBPyConnection, sql: str, params=None) -> list[dict]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def con(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as connection:
        yield connection


def test_harsh_and_lenient_demo_jurors_are_labelled_so(con, demo_warehouse):
    labels = {
        (r["contest_code"], r["edition_year"], r["juror_id"]): r
        for r in _rows(con, "select * from marts.fct_juror_severity")
    }
    editions = _juried_editions(demo_warehouse.data_dir)
    checked = 0
    for edition in editions:
        for juror_id, role in demo_juror_roles(edition.name).items():
            row = labels[(edition.contest_code, edition.edition_year, juror_id)]
            if role in ("harsh", "lenient"):
                assert row["severity_label"] == role, (juror_id, row)
                # Normalization takes most of the juror's bias away.
                assert abs(row["normalized_severity"]) < abs(row["severity"]) / 2
                checked += 1
            else:
                assert row["severity_label"] in ("balanced", "not_rated"), (juror_id, row)
    assert checked == 2 * len(editions) == 6


def _plain(name: str | None) -> str:
    return re.sub(r"[\W_]+", "", (name or "").casefold())


def test_conflicted_scores_are_excluded_and_reported(con, demo_warehouse):
    excluded = {
        (r["contest_code"], r["edition_year"], r["entry_id"], r["juror_id"])
        for r in _rows(
            con,
            "select distinct contest_code, edition_year, entry_id, juror_id from marts.fct_scores"
            " where exclusion_reason = 'conflict_of_interest'",
        )
    }
    reported = {
        (r["contest_code"], r["edition_year"], r["entry_id"], r["juror_id"])
        for r in _rows(
            con,
            "select contest_code, edition_year, entry_id, juror_id from marts.fct_jury_violations"
            " where rule_code = 'conflict_of_interest'",
        )
    }
    assert excluded and reported == excluded
    same_organization = {
        (r["contest_code"], r["edition_year"], r["entry_id"], r["juror_id"])
        for r in _rows(
            con,
            "select distinct contest_code, edition_year, entry_id, juror_id from marts.fct_scores"
            " where exclusion_reason = 'conflict_of_interest'"
            " and conflict_kind = 'same_organization'",
        )
    }
    # Straight from the demo files: a juror whose organization is spelled like the entrant's.
    same_spelling = set()
    for edition in _juried_editions(demo_warehouse.data_dir):
        roles = demo_juror_roles(edition.name)
        with (edition.folder / "jurors.csv").open(encoding="utf-8") as handle:
            juror_orgs = {r["juror_id"]: _plain(r["organization"]) for r in csv.DictReader(handle)}
        entry_orgs = {
            r["entry_id"]: _plain(r["organization"])
            for r in read_table(edition, ENTRIES).frame.iter_rows(named=True)
        }
        with (edition.folder / "scores.csv").open(encoding="utf-8") as handle:
            for score in csv.DictReader(handle):
                if juror_orgs[score["juror_id"]] == entry_orgs[score["entry_id"]]:
                    key = (edition.contest_code, edition.edition_year)
                    same_spelling.add((*key, score["entry_id"], score["juror_id"]))
        # Declared conflicts and former employers (demo.judging) concern other jurors.
        conflicted = {
            k for k in same_organization if k[:2] == (edition.contest_code, edition.edition_year)
        }
        assert {roles[k[3]] for k in conflicted} == {"conflicted"}
    assert same_spelling <= excluded
    counted = _rows(
        con,
        "select count(*) as n from marts.fct_scores"
        " where exclusion_reason = 'conflict_of_interest' and not is_excluded",
    )
    assert counted[0]["n"] == 0


def test_every_ranked_entry_meets_the_jury_rules(con):
    ranked = _rows(
        con,
        """
        select results.entry_id, results.contest_code, results.edition_year,
            results.jurors_counted,
            count(distinct scores.juror_id) filter (where not scores.is_excluded) as jurors_seen,
            count(*) filter (
                where scores.exclusion_reason = 'conflict_of_interest' and not scores.is_excluded
            ) as conflicted_counted,
            bool_and(entries.is_formally_valid) as is_formally_valid
        from marts.fct_results as results
        inner join marts.fct_entries as entries
            on entries.entry_row_key = results.entry_row_key
        left join marts.fct_scores as scores
            on scores.contest_code = results.contest_code
            and scores.edition_year = results.edition_year
            and scores.entry_id = results.entry_id
        -- Published results are taken as given; these rules are the jury's.
        where results.rank_in_category is not null and results.result_source = 'computed'
        group by all
        """,
    )
    assert ranked
    for row in ranked:
        assert row["jurors_seen"] >= 2, row
        assert row["jurors_seen"] == row["jurors_counted"], row
        assert row["conflicted_counted"] == 0, row
        assert row["is_formally_valid"], row


def test_unranked_entries_say_why(con):
    rows = _rows(con, "select * from marts.fct_results")
    for row in rows:
        assert (row["rank_in_category"] is None) == (row["not_ranked_reason"] is not None), row
        if row["not_ranked_reason"]:
            assert row["not_ranked_detail"], row
            assert row["award_level"] is None


def test_spoiled_demo_scores_are_reported_with_reasons(con):
    found = {
        r["rule_code"]: r["reason"]
        for r in _rows(
            con,
            "select rule_code, any_value(reason) as reason"
            " from marts.fct_jury_violations group by all",
        )
    }
    assert "score_out_of_scale" in found and "11" in found["score_out_of_scale"]
    assert "missing_criterion" in found


def test_juror_names_never_reach_the_sponsor_file(con, demo_warehouse):
    names = [r[0] for r in con.execute("select juror_name from marts.dim_juror").fetchall()]
    assert names
    with duckdb.connect(str(demo_warehouse.sponsor_warehouse), read_only=True) as sponsor:
        tables = [
            r[0] for r in sponsor.execute("select table_name from duckdb_tables()").fetchall()
        ]
        for table in tables:
            text = " ".join(
                str(v)
                for row in sponsor.execute(f'select * from "{table}"').fetchall()
                for v in row
            )
            assert not any(name in text for name in names), table


def test_formally_invalid_entries_are_not_ranked(con):
    rows = _rows(
        con,
        "select results.rank_in_category, results.not_ranked_reason"
        " from marts.fct_results as results"
        " inner join marts.fct_entries as entries"
        " on entries.entry_row_key = results.entry_row_key"
        " where not entries.is_formally_valid",
    )
    assert rows
    for row in rows:
        assert row["rank_in_category"] is None
        assert row["not_ranked_reason"] in ("not_formally_valid", "unknown_category")
