"""The Entry and Formal check pages show the jurors' conflicts and the organizer's decisions
as the warehouse holds them (the demo's PCCA 2026 has every kind: demo.judging)."""

import pytest

from dashboards.i18n import TEXTS, code_label, column_label
from tests.dashboard_app import fetch, metrics, open_page, table_with


def _label(column: str) -> str:
    return column_label(column, "en")


def _choose(app, entry_row_key: str, entry_id: str) -> None:
    app.text_input(key="entry_search").input(entry_id.lower()).run()
    app.selectbox(key="entry_row_key").set_value(entry_row_key).run()
    assert not app.exception, [exception.value for exception in app.exception]


def _entry_row_key(warehouse, contest: str, year: int, entry_id: str) -> str:
    ((key,),) = fetch(
        warehouse,
        "select min(entry_row_key) from marts.fct_entries where contest_code = ? "
        "and edition_year = ? and entry_id = ?",
        (contest, year, entry_id),
    )
    return key


def test_entry_page_shows_the_entrys_decisions(published_env):
    warehouse = published_env.warehouse
    # An entry with a decision that was not applied, and as many decisions as any such.
    ((contest, year, entry_id),) = fetch(
        warehouse,
        "select contest_code, edition_year, entry_id from marts.fct_decisions "
        "where entry_id in (select entry_id from marts.fct_entries) group by all "
        "order by count(*) filter (where not is_applied) desc, count(*) desc, 1, 2, 3 limit 1",
    )
    expected = fetch(
        warehouse,
        "select decision_id, subject, decision, is_applied, not_applied_reason is null "
        "from marts.fct_decisions where contest_code = ? and edition_year = ? "
        "and entry_id = ? order by decision_id",
        (contest, year, entry_id),
    )
    assert not all(applied for *_, applied, _ in expected)
    app = open_page("entry", language="en", filter_contest=contest, filter_edition=year)
    _choose(app, _entry_row_key(warehouse, contest, year, entry_id), entry_id)
    assert TEXTS["entry_decisions"][1] in [header.value for header in app.subheader]
    shown = table_with(app, _label("not_applied_reason"))
    columns = [_label(c) for c in ("decision_id", "subject", "decision", "is_applied")]
    shown = shown.assign(applied_fully=shown[_label("not_applied_reason")].isna())
    rows = shown[[*columns, "applied_fully"]].itertuples(index=False, name=None)
    # The page writes the subject (a rule or the result) and the decision in words.
    assert sorted(rows) == sorted(
        (decision_id, code_label(subject, "en"), code_label(decision, "en"), *rest)
        for decision_id, subject, decision, *rest in expected
    )


@pytest.mark.parametrize("language", ["en", "pl"])
def test_entry_page_shows_each_conflicted_juror(published_env, language):
    warehouse = published_env.warehouse
    # An entry whose jurors are in conflict for more than one source or kind, if any.
    ((contest, year, entry_id),) = fetch(
        warehouse,
        "select contest_code, edition_year, entry_id from marts.fct_jury_violations "
        "where conflict_source is not null group by all "
        "order by count(distinct conflict_source || conflict_kind) desc, 1, 2, 3 limit 1",
    )
    # The reason in the page's language: the mart's Polish twin on a Polish page.
    reason = "reason_pl" if language == "pl" else "reason"
    expected = fetch(
        warehouse,
        "select v.juror_id, j.juror_name, v.conflict_source, v.conflict_kind, "
        f"v.{reason} from marts.fct_jury_violations as v join marts.dim_juror as j "
        "on v.contest_code = j.contest_code and v.edition_year = j.edition_year "
        "and v.juror_id = j.juror_id where v.contest_code = ? and v.edition_year = ? "
        "and v.entry_id = ? and v.conflict_source is not null order by v.juror_id",
        (contest, year, entry_id),
    )
    assert expected
    app = open_page("entry", language=language, filter_contest=contest, filter_edition=year)
    _choose(app, _entry_row_key(warehouse, contest, year, entry_id), entry_id)
    index = 0 if language == "pl" else 1
    assert TEXTS["entry_conflicts"][index] in [header.value for header in app.subheader]
    shown = table_with(app, column_label("conflict_source", language))
    columns = [
        column_label(c, language)
        for c in ("juror_id", "juror_name", "conflict_source", "conflict_kind", "reason")
    ]
    assert list(shown[columns].itertuples(index=False, name=None)) == [
        (juror_id, name, code_label(source, language), code_label(kind, language), text)
        for juror_id, name, source, kind, text in expected
    ]


def test_formal_check_counts_decided_violations_and_disqualifications(published_env):
    warehouse = published_env.warehouse
    counts = dict(
        fetch(
            warehouse,
            "select decision, count(*) from marts.fct_violations "
            "where decision is not null group by all",
        )
    )
    ((disqualified, not_applied),) = fetch(
        warehouse,
        "select count(*) filter (where is_applied and decision = 'disqualified'), "
        "count(*) filter (where not is_applied) from marts.fct_decisions",
    )
    wanted = {
        "overturned_count": counts.get("overturned", 0),
        "excepted_count": counts.get("exception_granted", 0),
        "upheld_count": counts.get("upheld", 0),
        "disqualified_count": disqualified,
        "not_applied_count": not_applied,
    }
    assert all(wanted.values()), f"the demo must hold every kind for this test: {wanted}"
    for language, index in (("en", 1), ("pl", 0)):
        shown = metrics(open_page("formal_check", language=language))
        assert {key: int(shown[TEXTS[key][index]]) for key in wanted} == wanted


@pytest.mark.parametrize(("contest", "year"), [("PCCA", 2026), ("IBA", None)])
def test_formal_check_decisions_follow_the_filters(published_env, contest, year):
    ((decisions, not_applied),) = fetch(
        published_env.warehouse,
        "select count(*), count(*) filter (where not is_applied) from marts.fct_decisions "
        "where contest_code = ? and edition_year = coalesce(?, edition_year)",
        (contest, year),
    )
    app = open_page("formal_check", language="en", filter_contest=contest, filter_edition=year)
    assert int(metrics(app)[TEXTS["not_applied_count"][1]]) == not_applied
    shown = [
        frame.value
        for frame in app.dataframe
        if _label("not_applied_reason") in frame.value.columns
    ]
    assert sum(len(frame) for frame in shown) == decisions
