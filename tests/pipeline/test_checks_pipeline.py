"""The formal checks inside the real pipeline, read from the published demo warehouse."""

import duckdb
import pytest

from expectations.rules import load_rules
from tests.unit.test_expectations_rules import CASES, ENTRIES, FILES

BOOK = load_rules()


@pytest.fixture(scope="module")
def published(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        yield con


def test_every_invalid_entry_has_an_error_with_both_messages(published):
    rows = published.execute(
        """
        select
            entries.entry_row_key,
            entries.is_formally_valid,
            count(violations.rule_code)
                filter (where violations.severity = 'error' and not violations.is_waived),
            bool_and(coalesce(length(trim(violations.message_pl)), 0) > 0),
            bool_and(coalesce(length(trim(violations.message_en)), 0) > 0)
        from marts.fct_entries as entries
        left join marts.fct_violations as violations
            on entries.entry_row_key = violations.entry_row_key
        group by all
        """
    ).fetchall()
    assert rows
    for key, valid, errors, has_pl, has_en in rows:
        assert valid == (errors == 0), key
        if not valid:
            assert has_pl and has_en, key


def test_surcharge_due_exactly_when_a_surcharge_rule_is_broken(published):
    mismatched = published.execute(
        """
        select entries.entry_row_key
        from marts.fct_entries as entries
        left join (
            select entry_row_key, bool_or(is_surcharge) as over_limit
            from marts.fct_violations group by entry_row_key
        ) as violations on entries.entry_row_key = violations.entry_row_key
        where entries.surcharge_due <> coalesce(violations.over_limit, false)
        """
    ).fetchall()
    assert mismatched == []


def test_violations_come_from_the_gx_results_one_for_one(published):
    (results,) = published.execute("select count(*) from checks.validation_results").fetchone()
    # An organizer's disqualification is a violation of its own, not a GX result.
    (violations,) = published.execute(
        "select count(*) from marts.fct_violations where rule_code <> 'DECISION_DISQUALIFIED'"
    ).fetchone()
    assert violations == results


def test_every_expectation_ran(published):
    (planned, broken) = published.execute(
        "select count(*), count(exception) from checks.validation_outcomes"
    ).fetchone()
    assert planned > len(BOOK.rules)
    assert broken == 0


def test_every_category_of_the_catalog_is_checked(published):
    # Every built-in category sets limits; a drop-folder catalog's category may set none
    # (the demo's fictional contest), and then no category rule applies to it.
    unchecked = published.execute(
        """
        select category_key from marts.dim_category where catalog_source = 'built_in'
        except
        select category_key from checks.validation_outcomes
        """
    ).fetchall()
    assert unchecked == []


def test_dagster_reports_one_check_per_rule_on_the_table_it_judges(demo_warehouse, published):
    tables = {rule.rule_code.lower(): BOOK.tables[rule.table].model for rule in BOOK.rules}
    evaluations = {
        e.check_name: e
        for e in demo_warehouse.result.get_asset_check_evaluations()
        if e.check_name in tables
    }
    assert set(evaluations) == set(tables)
    stored = dict(
        published.execute(
            "select rule_code, count(*) from checks.validation_results group by all"
        ).fetchall()
    )
    for name, evaluation in evaluations.items():
        assert evaluation.asset_key.path == ["intermediate", tables[name]]
        failing = evaluation.metadata["failing_rows"].value
        assert failing == stored.get(name.upper(), 0)
        assert evaluation.passed == (failing == 0)
    assert any(not e.passed for e in evaluations.values())


def test_data_docs_are_published_beside_the_warehouse(demo_warehouse):
    index = demo_warehouse.resource.paths.gx_docs_dir / "index.html"
    assert index.is_file()
    assert "podium_entries" in index.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("table", "rows"), [("entries", ENTRIES), ("cases", CASES), ("files", FILES)]
)
def test_rule_fixtures_are_built_like_the_measurement_models(published, table, rows):
    model = BOOK.tables[table].model
    columns = {
        name
        for (name,) in published.execute(
            "select column_name from duckdb_columns() "
            "where schema_name = 'intermediate' and table_name = ?",
            [model],
        ).fetchall()
    }
    assert set(rows[0]) <= columns
