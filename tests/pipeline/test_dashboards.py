"""Each dashboard page renders on the real fixture warehouse without exceptions and with the
numbers the warehouse holds, computed here by separate queries."""

import json

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboards import ui
from tests.dashboard_app import (
    ORGANIZER_APP,
    SPONSOR_APP,
    TIMEOUT,
    chart_values,
    downloaded,
    entry_ids,
    fetch,
    has_table,
    metrics,
    notices,
    open_page,
    personal_names,
    shown_text,
    table_with,
)


def test_participation_counts_entries_and_organizations(published_env):
    warehouse = published_env.warehouse
    ((total,),) = fetch(warehouse, "select count(*) from marts.fct_entries")
    app = open_page(None, language="en")
    assert app.header[0].value == "Participation"
    assert metrics(app)["Entries"] == str(total)
    by_edition = app.dataframe[0].value
    expected = fetch(
        warehouse,
        "select contest_code, edition_year, count(*) from marts.fct_entries group by all",
    )
    shown = {(row["contest"], row["edition"]): row["entries"] for _, row in by_edition.iterrows()}
    assert shown == {(contest, year): count for contest, year, count in expected}


def test_participation_follows_the_filters(published_env):
    warehouse = published_env.warehouse
    ((pcca_2026,),) = fetch(
        warehouse,
        "select count(*) from marts.fct_entries where contest_code = 'PCCA' "
        "and edition_year = 2026",
    )
    ((organizations,),) = fetch(
        warehouse,
        "select count(distinct lower(organization_as_written)) from marts.fct_entries "
        "where contest_code = 'PCCA' and edition_year = 2026",
    )
    app = open_page(None, filter_contest="PCCA", filter_edition=2026)
    shown = metrics(app)
    assert shown["Zgłoszenia"] == str(pcca_2026)
    assert int(shown["Organizacje"]) <= organizations
    assert set(app.dataframe[0].value["edycja"]) == {2026}


def test_participation_by_category_matches_the_resolved_categories(published_env):
    warehouse = published_env.warehouse
    expected = dict(
        fetch(
            warehouse,
            "select category_code, count(*) from intermediate.int_entries_categorized "
            "where contest_code = 'IBA' and category_code is not null group by all",
        )
    )
    app = open_page(None, language="en", filter_contest="IBA")
    by_category = next(
        frame.value for frame in app.dataframe if "category code" in frame.value.columns
    )
    shown = by_category.dropna(subset=["category code"])
    assert dict(zip(shown["category code"], shown["entries"], strict=True)) == expected


def test_formal_check_page_shows_violations_or_says_they_are_not_built(published_env):
    warehouse = published_env.warehouse
    app = open_page("formal_check", language="en")
    assert app.header[0].value == "Formal check"
    if has_table(warehouse, "marts", "fct_violations"):
        ((violations,),) = fetch(warehouse, "select count(*) from marts.fct_violations")
        assert metrics(app)["Violations"] == str(violations)
    else:
        assert "marts.fct_violations" in notices(app)
    if has_table(warehouse, "marts", "fct_media"):
        assert "marts.fct_media" not in notices(app)
    else:
        assert "marts.fct_media" in notices(app)


def test_formal_check_aggregates_the_recordings_in_sql(published_env, downloads):
    warehouse = published_env.warehouse
    if not has_table(warehouse, "marts", "fct_media"):
        pytest.skip("marts.fct_media is not built on this branch yet")
    # Each recording against its entry's category's limit, the most common one in the label.
    measured = (
        "select m.duration_seconds, lim.limit_seconds from marts.fct_media as m "
        "left join (select e.contest_code, e.edition_year, e.entry_id, "
        "max(c.duration_limit_seconds) as limit_seconds from marts.fct_entries as e "
        "join marts.dim_category as c on c.category_key = e.category_key group by all) as lim "
        "using (contest_code, edition_year, entry_id) where m.duration_seconds is not null"
    )
    ((recordings, over_limit, shortest_limit, longest),) = fetch(
        warehouse,
        "select count(*), count(*) filter (where duration_seconds > limit_seconds), "
        f"min(limit_seconds), max(duration_seconds) from ({measured})",
    )
    ((main_limit, _),) = fetch(
        warehouse,
        f"select limit_seconds, count(*) from ({measured}) where limit_seconds is not null "
        "group by all order by count(*) desc, limit_seconds limit 1",
    )
    app = open_page("formal_check", language="en")
    shown = metrics(app)
    assert shown["Recordings"] == str(recordings)
    assert shown[f"Over {main_limit / 60:g} min"] == str(over_limit)
    assert over_limit >= 1, "the demo must hold calls over the limit for this test to mean it"
    (chart,) = [
        json.loads(chart.proto.spec)
        for chart in app.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["xaxis"]["title"]["text"] == "minutes"
    ]
    assert sum(sum(chart_values(trace["y"])) for trace in chart["data"]) == recordings
    assert all(len(chart_values(trace["x"])) <= 40 for trace in chart["data"])
    summary = table_with(app, "median [s]")
    assert summary["recordings"].sum() == recordings
    assert summary["longest [s]"].max() == pytest.approx(longest, abs=0.05)
    listed = table_with(app, "duration [s]")
    assert len(listed) == min(over_limit, ui.PAGE_ROWS)
    assert (listed["duration [s]"] > shortest_limit).all()
    every = downloaded(downloads, "recording_durations")
    assert len(every) == recordings
    assert every["duration [s]"].is_monotonic_decreasing


def test_formal_check_pages_the_invalid_entries(published_env, downloads, monkeypatch):
    warehouse = published_env.warehouse
    expected = fetch(
        warehouse,
        "select distinct e.contest_code, e.edition_year, e.entry_id, e.category_code "
        "from marts.fct_entries as e where not e.is_formally_valid order by all",
    )
    monkeypatch.setattr(ui, "PAGE_ROWS", 10)
    assert len(expected) > 10, "the demo must hold more invalid entries than a page"
    app = open_page("formal_check", language="en")
    assert metrics(app)["Formally invalid"] == str(len(expected))
    first_page = table_with(app, "reason")
    assert entry_ids(first_page["entry id"]) == [entry_id for _, _, entry_id, _ in expected[:10]]
    app.number_input(key="page_invalid_entries").set_value(2).run()
    second_page = table_with(app, "reason")
    assert entry_ids(second_page["entry id"]) == [entry_id for _, _, entry_id, _ in expected[10:20]]
    every = downloaded(downloads, "invalid_entries")
    assert list(every["entry id"]) == [entry_id for _, _, entry_id, _ in expected]
    assert (every["violations"] >= 1).all()


def test_scores_page_ranks_and_awards_as_the_results(published_env, downloads):
    warehouse = published_env.warehouse
    pcca_2024 = "where contest_code = 'PCCA' and edition_year = 2024"
    ((ranked, awarded, total),) = fetch(
        warehouse,
        "select count(rank_in_category), count(award_level) filter (where rank_in_category "
        f"is not null), count(*) from marts.fct_results {pcca_2024}",
    )
    app = open_page("scores", language="en", filter_contest="PCCA", filter_edition=2024)
    shown = metrics(app)
    assert shown["Ranked"] == str(ranked)
    assert shown["Awarded"] == str(awarded)
    assert shown["Not ranked"] == str(total - ranked)
    top = fetch(
        warehouse,
        "select category_code, entry_id, rank_in_category from marts.fct_results "
        f"{pcca_2024} and (rank_in_category <= 3 or raw_rank_in_category <= 3)",
    )
    app.number_input(key="leaderboard_top").set_value(3).run()
    leaderboard = app.dataframe[0].value
    assert len(top) < total, "the top 3 must leave entries out for this test to mean it"
    shown_ids = entry_ids(leaderboard["entry id"])
    assert sorted(zip(leaderboard["category code"], shown_ids, strict=True)) == (
        sorted((category, entry_id) for category, entry_id, _ in top)
    )
    winners = {entry_id for _, entry_id, rank in top if rank == 1}
    assert winners
    assert set(entry_ids(leaderboard.loc[leaderboard["rank"] == 1, "entry id"])) == winners
    full = downloaded(downloads, "leaderboard")
    assert len(full) == total
    assert full["rank"].notna().sum() == ranked


def test_entry_page_finds_an_entry_by_search_and_shows_its_scores(published_env):
    warehouse = published_env.warehouse
    entries = fetch(
        warehouse,
        "select entry_row_key, entry_id from marts.fct_entries "
        "where contest_code = 'PCCA' and edition_year = 2026 order by entry_id, entry_row_key",
    )
    app = open_page("entry", language="en", filter_contest="PCCA", filter_edition=2026)
    chooser = app.selectbox(key="entry_row_key")
    assert len(chooser.options) == min(len(entries), 200)
    assert chooser.value == entries[0][0]
    entry_row_key, entry_id = entries[-1]
    app.text_input(key="entry_search").input(entry_id.lower()).run()
    chooser = app.selectbox(key="entry_row_key")
    matches = [key for key, other in entries if entry_id.lower() in other.lower()]
    assert len(chooser.options) == len(matches)
    assert entry_id in chooser.options[matches.index(entry_row_key)]
    chooser.set_value(entry_row_key).run()
    assert not app.exception
    ((scores,),) = fetch(
        warehouse,
        "select count(*) from marts.fct_scores where contest_code = 'PCCA' "
        "and edition_year = 2026 and entry_id = ?",
        (entry_id,),
    )
    details = app.dataframe[0].value
    assert entry_id in set(details["value"])
    score_tables = [frame.value for frame in app.dataframe if "criterion" in frame.value]
    assert len(score_tables) == 1
    assert len(score_tables[0]) == scores


def test_entry_search_finds_organizations_case_blind(published_env):
    warehouse = published_env.warehouse
    ((organization,),) = fetch(
        warehouse,
        "select organization_as_written from marts.fct_entries "
        "where organization_as_written is not null order by all limit 1",
    )
    ((matching,),) = fetch(
        warehouse,
        "select count(*) from marts.fct_entries "
        "where contains(lower(organization_as_written), lower(?))",
        (organization,),
    )
    app = open_page("entry", language="en")
    app.text_input(key="entry_search").input(organization.upper()).run()
    assert len(app.selectbox(key="entry_row_key").options) >= min(matching, 200)
    app.text_input(key="entry_search").input("no such entry, organization or category").run()
    assert "No entries for the chosen filters." in notices(app)


PLAYABLE = (
    "probe_status = 'ok' and (detected_format in ('MP3', 'WAV', 'FLAC', 'OGG') "
    "or detected_format in ('MP4', 'MOV', '3GP'))"
)


def test_entry_page_plays_the_recordings(published_env):
    warehouse = published_env.warehouse
    if not has_table(warehouse, "marts", "fct_media"):
        pytest.skip("marts.fct_media is not built on this branch yet")
    ((contest, year, entry_id),) = fetch(
        warehouse,
        "select contest_code, edition_year, entry_id from marts.fct_media "
        "where probe_status = 'ok' and detected_format = 'MP3' order by all limit 1",
    )
    ((audio, video),) = fetch(
        warehouse,
        f"select count(*) filter (where not coalesce(has_video, false)), "
        f"count(*) filter (where has_video) from marts.fct_media where {PLAYABLE} "
        "and contest_code = ? and edition_year = ? and entry_id = ?",
        (contest, year, entry_id),
    )
    ((entry_row_key,),) = fetch(
        warehouse,
        "select entry_row_key from marts.fct_entries where contest_code = ? "
        "and edition_year = ? and entry_id = ? order by entry_row_key limit 1",
        (contest, year, entry_id),
    )
    app = open_page("entry", filter_contest=contest, filter_edition=year)
    app.selectbox(key="entry_row_key").set_value(entry_row_key).run()
    assert audio >= 1
    assert len(app.get("audio")) == audio
    assert len(app.get("video")) == video


def test_organizer_password_gate(published_env, monkeypatch):
    monkeypatch.setenv("PODIUM_ORGANIZER_PASSWORD", "tajne-hasło")
    app = AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT).run()
    assert not app.metric and not app.dataframe
    app.text_input(key="organizer_password").input("wrong").run()
    assert app.error and not app.metric
    app.text_input(key="organizer_password").input("tajne-hasło").run()
    assert not app.exception
    assert app.metric and app.dataframe


def test_missing_warehouse_is_a_notice_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(tmp_path / "none.duckdb"))
    monkeypatch.setenv("PODIUM_SPONSOR_WAREHOUSE", str(tmp_path / "none-sponsor.duckdb"))
    monkeypatch.delenv("PODIUM_ORGANIZER_PASSWORD", raising=False)
    for page in ("participation", "formal_check", "scores", "entry"):
        app = AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT).run()
        app.switch_page(f"views/{page}.py").run()
        assert not app.exception
        assert "none.duckdb" in notices(app)
    sponsor = AppTest.from_file(SPONSOR_APP, default_timeout=TIMEOUT).run()
    assert not sponsor.exception
    assert "none-sponsor.duckdb" in notices(sponsor)


def test_missing_tables_are_notices_not_tracebacks(tmp_path, monkeypatch):
    # A warehouse holding fct_entries only: every other section says what is missing.
    warehouse = tmp_path / "podium.duckdb"
    with duckdb.connect(str(warehouse)) as con:
        con.execute("create schema marts")
        con.execute(
            "create table marts.fct_entries as select 'k1' as entry_row_key, "
            "'PCCA' as contest_code, 2026 as edition_year, 'P1' as entry_id, "
            "'Sprzedaż' as category_as_written, 'Org' as organization_as_written"
        )
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(warehouse))
    monkeypatch.delenv("PODIUM_ORGANIZER_PASSWORD", raising=False)
    for page, missing in (
        ("participation", "marts.dim_category"),
        ("formal_check", "marts.fct_violations"),
        ("scores", "marts.fct_results"),
        ("entry", "marts.fct_scores"),
    ):
        app = AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT).run()
        app.switch_page(f"views/{page}.py").run()
        assert not app.exception, page
        assert missing in notices(app), page


def test_sponsor_app_shows_the_sponsor_file_and_no_personal_name(published_env):
    sponsor = published_env.sponsor_warehouse
    app = AppTest.from_file(SPONSOR_APP, default_timeout=TIMEOUT).run()
    assert not app.exception
    by_edition = app.dataframe[0].value
    expected = fetch(sponsor, "select contest_code, edition_year, entries from entries_by_edition")
    shown = {(row["konkurs"], row["edycja"]): row["zgłoszenia"] for _, row in by_edition.iterrows()}
    assert shown == {(contest, year): entries for contest, year, entries in expected}
    names = personal_names(published_env.warehouse)
    assert names, "the fixture must hold names for this test to mean anything"
    text = shown_text(app).casefold()
    assert not [name for name in names if name.casefold() in text]


def test_sponsor_app_filters_by_contest(published_env):
    app = AppTest.from_file(SPONSOR_APP, default_timeout=TIMEOUT)
    app.session_state["filter_contest"] = "IBA"
    app.run()
    assert not app.exception
    assert set(app.dataframe[0].value["konkurs"]) == {"IBA"}


def test_sponsor_app_serves_none_of_the_organizer_pages(published_env):
    app = AppTest.from_file(SPONSOR_APP, default_timeout=TIMEOUT).run()
    assert not app.exception
    for page in ("participation", "formal_check", "scores", "entry"):
        with pytest.raises(ValueError):
            app.switch_page(f"views/{page}.py")
