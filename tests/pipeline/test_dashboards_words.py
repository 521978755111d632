"""The organizers' pages speak the organizer's words: labelled cards on the Entry page (names,
not keys), category names, rule titles and codes in words in the chosen language, no raw
column name in a table header or a chart, a dash for an empty cell, and deep links
(`?entry=<contest>-<year>-<entry id>`) that open an entry from every table listing entries."""

import json
import re
from urllib.parse import unquote_plus

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboards.i18n import TEXTS, code_label, column_label
from dashboards.links import ENTRY_ID_IN_URL, EntryLink, entry_url, parse_entry_key
from dashboards.ui import MISSING
from expectations.rules import load_rules
from settings.environment import PROJECT_ROOT
from tests.dashboard_app import (
    ORGANIZER_APP,
    TIMEOUT,
    entry_ids,
    fetch,
    notices,
    open_page,
    table_with,
)
from vocabulary.words import CODES

LANGUAGES = ("pl", "en")
PAGES = ("participation", "formal_check", "scores", "entry")
# A column name as a table or chart would leak it: snake_case.
RAW_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")
# Plotly's own names for what a chart was not told to call otherwise.
PLOTLY_DEFAULTS = frozenset({"variable", "value", "index", "color"})
# A card's field: `**Label**  \nvalue` (dashboards/views/entry.py).
CARD_FIELD = re.compile(r"\*\*(?P<label>.+?)\*\*  \n(?P<value>.*)", re.DOTALL)
ESCAPED = re.compile(r"\\(.)")
# The demo's PCCA 2026 entry with a decision, conflicted jurors, violations, files and scores.
RICH_ENTRY = (
    "select e.contest_code, e.edition_year, e.entry_id from marts.fct_entries as e "
    "join marts.fct_decisions as d using (contest_code, edition_year, entry_id) "
    "join marts.fct_jury_violations as j using (contest_code, edition_year, entry_id) "
    "join marts.fct_violations as v on v.entry_row_key = e.entry_row_key "
    "join marts.fct_media as m using (contest_code, edition_year, entry_id) "
    "where j.conflict_source is not null group by all order by all limit 1"
)


def open_link(link: str, language: str) -> AppTest:
    """The organizers' app opened at `/entry?entry=<link>`, as a browser would."""
    app = AppTest.from_file(ORGANIZER_APP, default_timeout=TIMEOUT)
    app.session_state["language"] = language
    app.query_params["entry"] = link
    app.run()
    app.switch_page("views/entry.py").run()
    assert not app.exception, [exception.value for exception in app.exception]
    return app


def cards(app: AppTest) -> dict[str, str]:
    """The Entry page's card fields, label to value, as a person reads them."""
    fields = {}
    for element in app.markdown:
        found = CARD_FIELD.fullmatch(element.value)
        if found:
            fields[ESCAPED.sub(r"\1", found["label"])] = ESCAPED.sub(r"\1", found["value"])
    return fields


def field(column: str, language: str) -> str:
    return column_label(column, language).capitalize()


def chart_words(app: AppTest) -> list[str]:
    """Every title, legend entry, facet title and hover label of the page's charts."""
    words = []
    for chart in app.get("plotly_chart"):
        spec = json.loads(chart.proto.spec)
        for part in spec["layout"].values():
            title = part.get("title") if isinstance(part, dict) else None
            words.append(title.get("text") if isinstance(title, dict) else title)
        words.extend(note.get("text") for note in spec["layout"].get("annotations", []))
        for trace in spec["data"]:
            words.append(trace.get("name"))
            # Hover labels name the columns; the %{...} slots are Plotly's, not shown.
            words.append(re.sub(r"%\{.*?\}", "", trace.get("hovertemplate") or ""))
    return [word for word in words if word]


def raw_names(texts: list[str]) -> list[str]:
    """The texts that show a column name as the data has it."""
    return [text for text in texts if RAW_NAME.search(text)]


def unnamed(chart_texts: list[str]) -> list[str]:
    """The chart texts that are Plotly's placeholders for a name nobody gave."""
    return [text for text in chart_texts if text.strip().lower() in PLOTLY_DEFAULTS]


def test_no_pages_folder_beside_the_apps():
    # Streamlit serves a `pages` folder's scripts by address on a fresh server, skipping the
    # app script (its password, its sidebar), and on the sponsors' server too.
    assert not (PROJECT_ROOT / "dashboards" / "pages").exists()


@pytest.mark.parametrize(
    "entry",
    [
        EntryLink("PCCA", 2026, "P26-00013"),
        EntryLink("IBA", 2026, "IBA26-00003"),
        EntryLink("X-Y", 2024, "A 1/2&b=2026-3"),
    ],
)
def test_an_entry_link_names_its_entry_and_shows_its_id(entry):
    assert parse_entry_key(entry.key) == entry
    url = entry_url(entry.contest, entry.edition_year, entry.entry_id)
    # What the link cell shows: the id, captured as the browser does (then URI-decoded).
    shown = re.search(ENTRY_ID_IN_URL, url)
    assert shown and unquote_plus(shown[1]) == entry.entry_id
    assert parse_entry_key("no year here") is None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_no_page_shows_a_raw_column_name(published_env, page, language):
    if page == "entry":
        ((contest, year, entry_id),) = fetch(published_env.warehouse, RICH_ENTRY)
        app = open_link(EntryLink(contest, year, entry_id).key, language)
    else:
        app = open_page(page, language=language)
    headers = [str(column) for frame in app.dataframe for column in frame.value.columns]
    assert headers
    assert not raw_names(headers), page
    assert not raw_names(chart_words(app)), page
    assert not unnamed(chart_words(app)), page
    # Tables write an empty cell as a dash, not as "None".
    assert {frame.proto.placeholder for frame in app.dataframe} == {MISSING}


@pytest.mark.parametrize("page", ["formal_check", "scores"])
def test_every_table_listing_entries_links_them(published_env, page):
    app = open_page(page, language="en")
    header = column_label("entry_id", "en")
    listing = [frame for frame in app.dataframe if header in frame.value.columns]
    assert listing
    for frame in listing:
        config = json.loads(frame.proto.columns)[header]["type_config"]
        assert config == {"type": "link", "display_text": ENTRY_ID_IN_URL}
        assert all(entry_ids(frame.value[header].dropna()))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_deep_link_opens_its_entry_on_labelled_cards(published_env, language):
    warehouse = published_env.warehouse
    ((contest, year, entry_id, key, category, organization, participant),) = fetch(
        warehouse,
        f"select e.contest_code, e.edition_year, e.entry_id, e.entry_row_key, "
        f"c.category_name_{language}, o.organization_name, p.participant_name "
        "from marts.fct_entries as e join marts.dim_category as c using (category_key) "
        "join marts.dim_organization as o using (organization_key) "
        "join marts.dim_participant as p using (participant_key) "
        "where e.entry_id_occurrences = 1 and c.category_name_pl <> c.category_name_en "
        # Not the first entry, which the page would show without the link.
        "order by all desc limit 1",
    )
    app = open_link(f"{contest}-{year}-{entry_id}", language)
    assert app.selectbox(key="entry_row_key").value == key
    assert app.query_params["entry"] == f"{contest}-{year}-{entry_id}"
    shown = cards(app)
    assert shown[field("category_name", language)] == category
    assert shown[field("organization_name", language)] == organization
    assert shown[field("participant_name", language)] == participant
    # Keys wait for analysts in the expander, not on the cards.
    assert key not in " ".join(shown.values())
    analysts = table_with(app, column_label("field", language))
    assert key in set(analysts[column_label("value", language)])


def test_a_link_to_a_duplicated_id_offers_every_copy(published_env):
    copies = fetch(
        published_env.warehouse,
        "select contest_code, edition_year, entry_id, entry_row_key from marts.fct_entries "
        "where entry_id_occurrences > 1 order by all",
    )
    contest, year, entry_id, first = copies[0]
    app = open_link(f"{contest}-{year}-{entry_id}", "en")
    chooser = app.selectbox(key="entry_row_key")
    same = [key for c, y, e, key in copies if (c, y, e) == (contest, year, entry_id)]
    assert len(same) > 1
    assert chooser.value == first
    # The chooser's options read "<contest> <year> · <entry id> · <category>".
    edition = f"{contest} {year} · {entry_id} · "
    assert len([option for option in chooser.options if option.startswith(edition)]) == len(same)


def test_a_link_to_no_entry_says_so(published_env):
    app = open_link("PCCA-2026-NO-SUCH-ENTRY", "en")
    expected = TEXTS["link_not_found"][1].format(link="PCCA-2026-NO-SUCH-ENTRY")
    assert expected in [warning.value for warning in app.warning]


@pytest.mark.parametrize("language", LANGUAGES)
def test_entry_cards_say_why_an_entry_is_invalid(published_env, language):
    warehouse = published_env.warehouse
    ((contest, year, entry_id, key),) = fetch(
        warehouse,
        "select contest_code, edition_year, entry_id, entry_row_key from marts.fct_entries "
        "where not is_formally_valid and entry_id_occurrences = 1 order by all limit 1",
    )
    reasons = [
        message
        for (message,) in fetch(
            warehouse,
            f"select message_{language} from marts.fct_violations where entry_row_key = ? "
            "and severity = 'error' and not coalesce(is_waived, false) order by all",
            (key,),
        )
    ]
    assert reasons
    app = open_link(f"{contest}-{year}-{entry_id}", language)
    validity = cards(app)[field("is_formally_valid", language)]
    no = TEXTS["no"][LANGUAGES.index(language)]
    assert validity.startswith(no)
    assert all(f"- {reason}" in validity for reason in reasons)


@pytest.mark.parametrize("language", LANGUAGES)
def test_entry_cards_name_the_award_and_leave_no_award_a_dash(published_env, language):
    warehouse = published_env.warehouse
    ((awarded, award),) = fetch(
        warehouse,
        f"select r.contest_code || '-' || r.edition_year || '-' || r.entry_id, "
        f"a.award_name_{language} from marts.fct_results as r "
        "join marts.dim_award_level as a on a.contest_code = r.contest_code "
        "and a.edition_year = r.edition_year and a.award_level = r.award_level "
        "join marts.fct_entries as e on e.entry_row_key = r.entry_row_key "
        "where e.entry_id_occurrences = 1 order by all limit 1",
    )
    ((unawarded,),) = fetch(
        warehouse,
        "select r.contest_code || '-' || r.edition_year || '-' || r.entry_id "
        "from marts.fct_results as r join marts.fct_entries as e "
        "on e.entry_row_key = r.entry_row_key where r.award_level is null "
        "and e.entry_id_occurrences = 1 order by all limit 1",
    )
    label = field("award_level", language)
    assert cards(open_link(awarded, language))[label] == award
    assert cards(open_link(unawarded, language))[label] == MISSING


@pytest.mark.parametrize("language", LANGUAGES)
def test_rules_and_categories_are_named_in_the_chosen_language(published_env, language):
    warehouse = published_env.warehouse
    violated = {code for (code,) in fetch(warehouse, "select rule_code from marts.fct_violations")}
    app = open_page("formal_check", language=language)
    by_rule = table_with(app, column_label("rule_code", language))
    codes, words = (by_rule[column_label(column, language)] for column in ("rule_code", "rule"))
    shown = dict(zip(codes, words, strict=True))
    assert set(shown) == violated
    assert all(shown[code] == code_label(code, language) != code for code in shown)
    # The chart's legend: the categories' names in the language, never their codes.
    names = {
        name
        for (name,) in fetch(warehouse, f"select category_name_{language} from marts.dim_category")
    }
    codes = {code for (code,) in fetch(warehouse, "select category_code from marts.dim_category")}
    legend = set(chart_words(app))
    assert legend & names
    assert not legend & (codes - names)


def test_jury_rules_read_in_words(published_env):
    jury_rules = {
        code
        for (code,) in fetch(
            published_env.warehouse, "select rule_code from marts.fct_jury_violations"
        )
    }
    assert jury_rules <= set(CODES), "every jury rule needs its words in dashboards/i18n.py"
    for language, index in (("pl", 0), ("en", 1)):
        app = open_page("scores", language=language)
        rules = table_with(app, column_label("violations", language))
        assert set(rules[column_label("rule", language)]) == {CODES[c][index] for c in jury_rules}


def test_an_entry_without_the_other_tables_still_opens(tmp_path, monkeypatch):
    # A warehouse of fct_entries alone: names fall back to what was written, nothing breaks.
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
    app = open_link("PCCA-2026-P1", "en")
    assert app.selectbox(key="entry_row_key").value == "k1"
    assert "marts.fct_results" in notices(app)
    shown = cards(app)
    assert shown[field("category_name", "en")] == TEXTS["category_unrecognised"][1].format(
        written="Sprzedaż"
    )


def test_a_formal_rule_reads_as_its_title():
    for rule in load_rules().rules:
        assert code_label(rule.rule_code, "pl") == rule.title_pl
        assert code_label(rule.rule_code, "en") == rule.title_en
