"""Every rule of rules.yml, run by the real Great Expectations on small tables.

The tables are built like the measurement models (intermediate.int_*_measured) and
hold, for every rule, a compliant row and a violating row at the exact boundary (4,900 vs
4,901 characters, 20:00 vs 20:01, 3 vs 4 interactions). They are stored in DuckDB and read
back as the pipeline reads them (dates come back as DuckDB gives them), and one validation
serves every test.
"""

import datetime as dt
from collections import defaultdict

import duckdb
import pandas as pd
import pytest

from expectations.checks_schema import MEASUREMENT_SCHEMA, read_measurements
from expectations.messages import Counted
from expectations.rules import load_rules, plan_expectations
from expectations.runner import validate

BOOK = load_rules()

PCCA_2026_SALES = {
    "category_key": "PCCA-2026-SPRZEDAZ",
    "contest_code": "PCCA",
    "edition_year": 2026,
    "category_code": "SPRZEDAZ",
    "category_name_pl": "Sprzedaż",
    "category_name_en": "Sales",
    "cases_per_entry": 3,
    "max_interactions_per_case": 3,
    "directions": ["IN", "OUT"],
    "client_types": ["external"],
    "languages": None,
    "allowed_formats": ["MP3", "MP4"],
    "duration_limit_seconds": 1200,
    "duration_limit_scope": "case",
}
PCCA_2026_SERVICE = {
    **PCCA_2026_SALES,
    "category_key": "PCCA-2026-OBSLUGA",
    "category_code": "OBSLUGA",
    "category_name_pl": "Obsługa klienta",
    "category_name_en": "Customer service",
    "max_interactions_per_case": 1,
    "client_types": ["external", "internal"],
    "duration_limit_scope": "recording",
}
PCCA_2026_WELCOME = {
    **PCCA_2026_SERVICE,
    "category_key": "PCCA-2026-WELCOME",
    "category_code": "WELCOME",
    "category_name_pl": "Welcome call i aktywizacja",
    "category_name_en": "Welcome call and activation",
    "directions": ["OUT"],
}
PCCA_2026_WRITTEN = {
    **PCCA_2026_SERVICE,
    "category_key": "PCCA-2026-KANALY_PISANE",
    "category_code": "KANALY_PISANE",
    "category_name_pl": "Kanały pisane",
    "category_name_en": "Written channels",
    "allowed_formats": ["PDF", "JPG", "PNG", "GIF"],
    "duration_limit_seconds": None,
    "duration_limit_scope": None,
}
PCCA_2024_ENGLISH = {
    **PCCA_2026_SERVICE,
    "category_key": "PCCA-2024-OBSLUGA_EN",
    "edition_year": 2024,
    "category_code": "OBSLUGA_EN",
    "category_name_pl": "Obsługa klienta w języku angielskim",
    "category_name_en": "Customer service in English",
    "languages": ["EN"],
}
# An edition the code has never seen: its limits come from its catalog row alone.
PCCA_2028_NEW = {
    **PCCA_2026_SERVICE,
    "category_key": "PCCA-2028-NOWA",
    "edition_year": 2028,
    "category_code": "NOWA",
    "category_name_pl": "Nowa kategoria",
    "category_name_en": "New category",
    "cases_per_entry": 2,
    "duration_limit_seconds": 900,
}
IBA_2026_CRISIS = {
    "category_key": "IBA-2026-E01",
    "contest_code": "IBA",
    "edition_year": 2026,
    "category_code": "E01",
    "category_name_pl": "Najlepsza reakcja na sytuacje kryzysowe w obsłudze klienta",
    "category_name_en": "Best Crisis Response in Customer Service",
    "essay_max_chars": 4900,
    "video_max_seconds": 300,
    "summary_max_chars": 1150,
    "summary_max_bullets": 10,
    "summary_required": True,
    "attachments_note_max_chars": 1500,
    "max_links": 10,
    "max_attachments": 10,
    "achievements_since": dt.date(2024, 1, 1),
    "reentry_rule": "winner_2025_not_updated_must_change_category",
    "previous_win_edition_year": 2025,
}
CATALOG_COLUMNS = sorted(set().union(PCCA_2026_SALES, IBA_2026_CRISIS))
CATALOG = [
    {column: row.get(column) for column in CATALOG_COLUMNS}
    for row in (
        PCCA_2026_SALES,
        PCCA_2026_SERVICE,
        PCCA_2026_WELCOME,
        PCCA_2026_WRITTEN,
        PCCA_2024_ENGLISH,
        PCCA_2028_NEW,
        IBA_2026_CRISIS,
    )
]
CATEGORIES = {row["category_key"]: row for row in CATALOG}


def _entry(key: str, category_key: str | None, **measured) -> dict:
    category = CATEGORIES.get(category_key, PCCA_2026_SALES)
    row = {
        "entry_row_key": key,
        "contest_code": category["contest_code"],
        "edition_year": category["edition_year"],
        "entry_id": key,
        "category_as_written": category["category_name_pl"],
        "previous_win_category": None,
        "category_key": category_key,
        "category_code": category["category_code"],
        "entry_id_copies": 1,
        "case_count": 3 if category["contest_code"] == "PCCA" else 0,
        "essay_chars": 0,
        "summary_chars": 0,
        "summary_bullets": 0,
        "attachments_note_chars": 0,
        "link_count": 0,
        "attachment_count": 0,
        "video_seconds": None,
        "has_essay_or_video": False,
        "achievements_from": None,
        "achievements_from_as_written": "",
        "achievements_from_readable": False,
        "updated_since_win_as_written": "",
        "reenters_won_category": False,
        "reentry_update_unclear": False,
        "catalog_status": "ok",
        "catalog_problem": "",
    }
    if category["contest_code"] == "IBA":
        row |= {
            "essay_chars": 3000,
            "summary_chars": 600,
            "summary_bullets": 5,
            "has_essay_or_video": True,
            "achievements_from": dt.date(2024, 1, 1),
            "achievements_from_as_written": "2024-01-01",
            "achievements_from_readable": True,
        }
    return row | measured


def _case(entry_key: str, case_no: int, category_key: str, **measured) -> dict:
    category = CATEGORIES[category_key]
    return {
        "entry_row_key": entry_key,
        "case_no": case_no,
        "contest_code": category["contest_code"],
        "edition_year": category["edition_year"],
        "entry_id": entry_key,
        "category_key": category_key,
        "direction": category["directions"][0],
        "client_type": "external",
        "language": (category["languages"] or ["PL"])[0],
        "interaction_count": 1,
        "case_seconds": 300,
    } | measured


def _file(entry_key: str, file_key: str, category_key: str, **measured) -> dict:
    category = CATEGORIES[category_key]
    return {
        "entry_row_key": entry_key,
        "file_row_key": file_key,
        "contest_code": category["contest_code"],
        "edition_year": category["edition_year"],
        "entry_id": entry_key,
        "case_no": 1,
        "interaction_no": 1,
        "relative_path": f"media/{file_key}.mp3",
        "probe_error": None,
        "category_key": category_key,
        "probe_status": "ok",
        "detected_format": (category.get("allowed_formats") or ["MP3"])[0],
        "recording_seconds": 300,
        "hash_copies": 1,
    } | measured


SALES, SERVICE, WELCOME = "PCCA-2026-SPRZEDAZ", "PCCA-2026-OBSLUGA", "PCCA-2026-WELCOME"
WRITTEN, ENGLISH, NEW, IBA = (
    "PCCA-2026-KANALY_PISANE",
    "PCCA-2024-OBSLUGA_EN",
    "PCCA-2028-NOWA",
    "IBA-2026-E01",
)

ENTRIES = [
    _entry("ok-pcca", SALES),
    _entry("ok-iba", IBA),
    _entry("unknown-category", None, category_as_written="Sprzedaż bezpośrednia"),
    _entry(
        "edition-without-catalog",
        None,
        contest_code="XYZ",
        catalog_status="missing",
        catalog_problem="edition XYZ 2026 is not in the rules catalog",
    ),
    _entry("dup-a", SALES, entry_id="P-1", entry_id_copies=2),
    _entry("dup-b", SALES, entry_id="P-1", entry_id_copies=2),
    _entry("cases-4", SALES, case_count=4),
    _entry("cases-2", SALES, case_count=2),
    _entry("new-2", NEW, case_count=2),
    _entry("new-3", NEW, case_count=3),
    _entry("essay-4900", IBA, essay_chars=4900),
    _entry("essay-4901", IBA, essay_chars=4901),
    _entry("video-5-00", IBA, essay_chars=0, video_seconds=300),
    _entry("video-5-01", IBA, essay_chars=0, video_seconds=301),
    _entry("no-essay-no-video", IBA, essay_chars=0, has_essay_or_video=False),
    _entry("summary-1150", IBA, summary_chars=1150),
    _entry("summary-1151", IBA, summary_chars=1151),
    _entry("summary-none", IBA, summary_chars=0),
    _entry("bullets-10", IBA, summary_bullets=10),
    _entry("bullets-11", IBA, summary_bullets=11),
    _entry("note-1500", IBA, attachments_note_chars=1500),
    _entry("note-1501", IBA, attachments_note_chars=1501),
    _entry("links-10", IBA, link_count=10),
    _entry("links-11", IBA, link_count=11),
    _entry("attachments-10", IBA, attachment_count=10),
    _entry("attachments-11", IBA, attachment_count=11),
    _entry("since-2024-01-01", IBA, achievements_from=dt.date(2024, 1, 1)),
    _entry("since-2023-12-31", IBA, achievements_from=dt.date(2023, 12, 31)),
    _entry("rewin-other-category", IBA, previous_win_category="E04"),
    _entry("rewin-same-category", IBA, previous_win_category="E01", reenters_won_category=True),
    _entry(
        "since-unreadable",
        IBA,
        achievements_from=None,
        achievements_from_as_written="od stycznia 2024",
        achievements_from_readable=False,
    ),
    _entry(
        "rewin-update-unclear",
        IBA,
        previous_win_category="E01",
        updated_since_win_as_written="chyba",
        reentry_update_unclear=True,
    ),
]
CASES = [
    _case("ok-pcca", 1, SALES),
    _case("interactions-3", 1, SALES, interaction_count=3),
    _case("interactions-4", 1, SALES, interaction_count=4),
    _case("service-1", 1, SERVICE, interaction_count=1),
    _case("service-2", 1, SERVICE, interaction_count=2),
    _case("no-files", 1, SALES, interaction_count=0),
    _case("welcome-out", 1, WELCOME, direction="OUT"),
    _case("welcome-in", 1, WELCOME, direction="IN"),
    _case("direction-empty", 1, SALES, direction=""),
    _case("client-external", 1, SALES, client_type="external"),
    _case("client-internal", 1, SALES, client_type="internal"),
    _case("language-en", 1, ENGLISH, language="EN"),
    _case("language-pl", 1, ENGLISH, language="PL"),
    _case("sequence-20-00", 1, SALES, case_seconds=1200),
    _case("sequence-20-01", 1, SALES, case_seconds=1201),
    _case("per-recording-category-long-case", 1, SERVICE, case_seconds=1900),
]
FILES = [
    _file("ok-pcca", "ok-mp3", SALES),
    _file("format", "mp3-named-mp4", SALES, relative_path="media/a.mp4", detected_format="MP3"),
    _file("format", "wav", SALES, relative_path="media/a.wav", detected_format="WAV"),
    _file("format", "pdf-in-written", WRITTEN, detected_format="PDF"),
    _file("format", "mp3-in-written", WRITTEN, detected_format="MP3"),
    _file("status", "missing", SALES, probe_status="missing", detected_format=None),
    _file("status", "escapes", SALES, probe_status="path_escapes", detected_format=None),
    _file("status", "empty", SALES, probe_status="empty", detected_format=None),
    _file("status", "truncated", SALES, probe_status="truncated", detected_format=None),
    _file("status", "corrupt", SALES, probe_status="corrupt", detected_format=None),
    _file("status", "new-status", SALES, probe_status="zipped", detected_format=None),
    _file("recording", "20-00", SERVICE, recording_seconds=1200),
    _file("recording", "20-01", SERVICE, recording_seconds=1201),
    _file("recording", "long-in-sequence-category", SALES, recording_seconds=1900),
    _file("new", "new-15-00", NEW, recording_seconds=900),
    _file("new", "new-15-01", NEW, recording_seconds=901),
    _file("hash", "unique", SALES, hash_copies=1),
    _file("hash", "copy-1", SALES, hash_copies=2),
    _file("hash", "copy-2", SALES, hash_copies=2),
    _file("hash", "iba-same-document", IBA, detected_format="PDF", hash_copies=2),
]

# rule: (compliant row, violating row); a row is its entry key, (entry, case) or file key.
BOUNDARIES = {
    "CATEGORY_UNKNOWN": ("ok-pcca", "unknown-category"),
    "EDITION_CATALOG_UNUSABLE": ("unknown-category", "edition-without-catalog"),
    "ENTRY_ID_DUPLICATE": ("ok-pcca", "dup-a"),
    "FILE_MISSING": ("ok-mp3", "missing"),
    "FILE_PATH_ESCAPES": ("ok-mp3", "escapes"),
    "FILE_EMPTY": ("ok-mp3", "empty"),
    "FILE_TRUNCATED": ("ok-mp3", "truncated"),
    "FILE_UNREADABLE": ("missing", "corrupt"),
    "PCCA_CASES_PER_ENTRY": ("ok-pcca", "cases-4"),
    "PCCA_CASE_WITHOUT_FILES": ("ok-pcca", "no-files"),
    "PCCA_INTERACTIONS_PER_CASE": ("interactions-3", "interactions-4"),
    "PCCA_CONTACT_DIRECTION": ("welcome-out", "welcome-in"),
    "PCCA_CLIENT_TYPE": ("client-external", "client-internal"),
    "PCCA_LANGUAGE": ("language-en", "language-pl"),
    "PCCA_FILE_FORMAT": ("mp3-named-mp4", "wav"),
    "PCCA_RECORDING_OVER_LIMIT": ("20-00", "20-01"),
    "PCCA_CASE_SEQUENCE_OVER_LIMIT": ("sequence-20-00", "sequence-20-01"),
    "PCCA_RECORDING_DUPLICATE": ("unique", "copy-1"),
    "IBA_ESSAY_OR_VIDEO": ("video-5-00", "no-essay-no-video"),
    "IBA_ESSAY_LENGTH": ("essay-4900", "essay-4901"),
    "IBA_VIDEO_LENGTH": ("video-5-00", "video-5-01"),
    "IBA_SUMMARY_MISSING": ("summary-1150", "summary-none"),
    "IBA_SUMMARY_LENGTH": ("summary-1150", "summary-1151"),
    "IBA_SUMMARY_BULLETS": ("bullets-10", "bullets-11"),
    "IBA_ATTACHMENTS_NOTE_LENGTH": ("note-1500", "note-1501"),
    "IBA_LINKS": ("links-10", "links-11"),
    "IBA_ATTACHMENTS": ("attachments-10", "attachments-11"),
    "IBA_ACHIEVEMENTS_SINCE": ("since-2024-01-01", "since-2023-12-31"),
    "IBA_REENTRY_WON_CATEGORY": ("rewin-other-category", "rewin-same-category"),
    "IBA_ACHIEVEMENTS_DATE_UNREADABLE": ("since-2024-01-01", "since-unreadable"),
    "IBA_REENTRY_UPDATE_UNCLEAR": ("rewin-same-category", "rewin-update-unclear"),
}


def _row_name(violation) -> str:
    if violation.measured_table == "files":
        return violation.file_row_key
    return violation.entry_row_key


def fixture_frames(rows: dict[str, list[dict]] | None = None) -> dict[str, pd.DataFrame]:
    """The fixture rows stored in an in-memory DuckDB and read back as the pipeline reads them."""
    rows = rows or {"entries": ENTRIES, "cases": CASES, "files": FILES}
    with duckdb.connect() as con:
        con.execute(f"create schema {MEASUREMENT_SCHEMA}")
        for name, table in BOOK.tables.items():
            con.register("fixture_rows", pd.DataFrame(rows[name]))
            con.execute(f"create table {MEASUREMENT_SCHEMA}.{table.model} as from fixture_rows")
            con.unregister("fixture_rows")
        return read_measurements(con, BOOK)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """One real GX validation of every fixture row, with its Data Docs."""
    docs = tmp_path_factory.mktemp("gx") / "data_docs"
    run = validate(BOOK, plan_expectations(BOOK, CATALOG), fixture_frames(), docs)
    failing = defaultdict(set)
    for violation in run.violations:
        failing[violation.rule_code].add(_row_name(violation))
    return run, failing


def test_every_rule_has_a_boundary_fixture():
    assert set(BOUNDARIES) == {rule.rule_code for rule in BOOK.rules}


@pytest.mark.parametrize("rule_code", sorted(BOUNDARIES))
def test_rule_passes_the_compliant_row_and_flags_the_violating_one(checked, rule_code):
    _, failing = checked
    compliant, violating = BOUNDARIES[rule_code]
    assert violating in failing[rule_code]
    assert compliant not in failing[rule_code]


def test_no_expectation_raised(checked):
    run, _ = checked
    assert run.outcomes
    assert [o for o in run.outcomes if o.exception] == []


def test_compliant_entries_have_no_violation_at_all(checked):
    run, _ = checked
    assert not {v for v in run.violations if v.entry_row_key in {"ok-pcca", "ok-iba"}}


def test_every_copy_of_a_duplicated_entry_id_is_flagged(checked):
    _, failing = checked
    assert {"dup-a", "dup-b"} <= failing["ENTRY_ID_DUPLICATE"]
    assert {"copy-1", "copy-2"} <= failing["PCCA_RECORDING_DUPLICATE"]


def test_duration_limits_follow_the_scope_the_category_gives(checked):
    _, failing = checked
    # Sales counts the call sequence, customer service each recording.
    assert "long-in-sequence-category" not in failing["PCCA_RECORDING_OVER_LIMIT"]
    assert "per-recording-category-long-case" not in failing["PCCA_CASE_SEQUENCE_OVER_LIMIT"]


def test_surcharge_is_a_warning_with_the_minutes_over(checked):
    run, _ = checked
    (over,) = [v for v in run.violations if v.file_row_key == "20-01"]
    assert over.severity == "warning"
    assert over.is_surcharge
    assert (over.observed_value, over.limit_value, over.minutes_over) == ("20:01", "20:00", 1)
    assert "20:01" in over.message_pl and "dopłata za 1 min" in over.message_pl
    assert "surcharge for 1 min" in over.message_en


def test_other_rules_keep_their_severity_without_surcharge(checked):
    run, _ = checked
    severity = {rule.rule_code: rule.severity for rule in BOOK.rules}
    others = [v for v in run.violations if not v.rule_code.endswith("_OVER_LIMIT")]
    assert {v.severity for v in others} == {"error", "warning"}
    assert all(v.severity == severity[v.rule_code] for v in others)
    assert not any(v.is_surcharge for v in others)


def test_a_new_catalog_row_is_enforced_without_code(checked):
    _, failing = checked
    assert "new-3" in failing["PCCA_CASES_PER_ENTRY"]
    assert "new-2" not in failing["PCCA_CASES_PER_ENTRY"]
    assert "new-15-01" in failing["PCCA_RECORDING_OVER_LIMIT"]
    assert "new-15-00" not in failing["PCCA_RECORDING_OVER_LIMIT"]


def test_a_new_catalog_row_gets_its_own_expectations():
    planned = plan_expectations(BOOK, CATALOG)
    new = {p.rule.rule_code: p.kwargs for p in planned if NEW in p.category_keys}
    assert new["PCCA_CASES_PER_ENTRY"] == {"min_value": 2, "max_value": 2}
    assert new["PCCA_RECORDING_OVER_LIMIT"] == {"max_value": 900}
    assert "PCCA_LANGUAGE" not in new  # the category sets no language


def test_messages_are_filled_in_both_languages(checked):
    run, _ = checked
    for violation in run.violations:
        for message in (violation.message_pl, violation.message_en):
            assert message and "{" not in message, violation
    (essay,) = [v for v in run.violations if v.entry_row_key == "essay-4901"]
    assert essay.message_pl == "Esej ma 4901 znaków; limit to 4900."
    assert essay.message_en == "The essay has 4901 characters; the limit is 4900."


def test_iba_documents_may_share_content(checked):
    _, failing = checked
    assert "iba-same-document" not in failing["PCCA_RECORDING_DUPLICATE"]


def test_data_docs_are_built(checked):
    run, _ = checked
    assert run.docs_index is not None and run.docs_index.is_file()
    pages = list(run.docs_index.parent.glob("validations/**/*.html"))
    assert pages


def test_an_unreadable_answer_is_shown_as_written(checked):
    run, _ = checked
    by_rule = {(v.rule_code, v.entry_row_key): v for v in run.violations}
    unread = by_rule["IBA_ACHIEVEMENTS_DATE_UNREADABLE", "since-unreadable"]
    unclear = by_rule["IBA_REENTRY_UPDATE_UNCLEAR", "rewin-update-unclear"]
    assert unread.severity == unclear.severity == "warning"
    assert "„od stycznia 2024”" in unread.message_pl and "2024-01-01" in unread.message_en
    assert "„chyba”" in unclear.message_pl and "“chyba”" in unclear.message_en


@pytest.mark.parametrize(
    ("count", "polish", "english"),
    [
        ("1", "1 sprawę", "1 case"),
        ("2", "2 sprawy", "2 cases"),
        ("4", "4 sprawy", "4 cases"),
        ("5", "5 spraw", "5 cases"),
        ("12", "12 spraw", "12 cases"),
        ("22", "22 sprawy", "22 cases"),
        ("25", "25 spraw", "25 cases"),
        ("—", "— spraw", "— cases"),
    ],
)
def test_counts_take_the_grammatical_number_they_need(count, polish, english):
    value = Counted(count)
    assert f"{value:sprawę|sprawy|spraw}" == polish
    assert f"{value:case|cases}" == english
    assert f"{value}" == count


def test_messages_inflect_the_counts_they_show(checked):
    run, _ = checked
    by_rule = {(v.rule_code, v.entry_row_key): v for v in run.violations}
    cases = by_rule["PCCA_CASES_PER_ENTRY", "cases-4"]
    assert "zawiera 4 sprawy klienckie" in cases.message_pl
    assert "holds 4 client cases" in cases.message_en
    essay = by_rule["IBA_ESSAY_LENGTH", "essay-4901"]
    assert "4901 znaków" in essay.message_pl and "4901 characters" in essay.message_en
