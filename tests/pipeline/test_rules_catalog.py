"""The rules catalog (dbt seeds in dbt_project/seeds/rules) against the source documents.

The documents are not in the repository: what the seeds take from them is quoted in
docs/sources/excerpts.csv, with the document and the lines it is on. These tests compare every
category name, definition and limit of the seeds with those words, so a bare clone checks them
too; tests/unit/test_source_documents.py checks every excerpt against the documents themselves
where they are present. The document is the authority: a seed value that is not what the
document writes fails here. The built warehouse's `marts.dim_category` is compared with the
seeds.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from settings.environment import PROJECT_ROOT
from tests.source_excerpts import collapse, excerpts_of, read_excerpts, the_excerpt

SEEDS = PROJECT_ROOT / "dbt_project" / "seeds" / "rules"

# The documents' words for the technical table's values, as the seeds README glosses them;
# 2024's table writes 'zewnątrzny' for zewnętrzny (external).
CLIENT_TYPES = {"zewnętrzny": "external", "zewnątrzny": "external", "wewnętrzny": "internal"}
INTERACTION_FORMS = {"głos": "voice", "tekst": "text"}
TWENTY_MINUTES = 20 * 60
PCCA_EDITIONS = [("PCCA", "2024"), ("PCCA", "2026")]
# The categories' columns quoted from the documents; each is also the excerpts' fact name.
QUOTED_COLUMNS = ["category_name_pl", "definition_pl", "formal_condition_pl", "comments_pl"]
NEW_IN_2026 = "nowość w 2026 r."


def read_seed(name: str) -> list[dict[str, str]]:
    with (SEEDS / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def split_list(value: str) -> list[str] | None:
    return value.split("|") if value else None


@pytest.fixture(scope="module")
def categories() -> list[dict[str, str]]:
    return read_seed("categories")


def _edition_categories(
    categories: list[dict[str, str]], contest_code: str, edition_year: str
) -> list[dict[str, str]]:
    """The edition's categories in the seed's order (sort_order)."""
    rows = [
        row
        for row in categories
        if (row["contest_code"], row["edition_year"]) == (contest_code, edition_year)
    ]
    return sorted(rows, key=lambda row: int(row["sort_order"]))


def test_every_edition_excerpt_quotes_the_editions_source_document():
    documents = {
        (row["contest_code"], row["edition_year"]): row["source_document"]
        for row in read_seed("contest_editions")
    }
    quoted = [excerpt for excerpt in read_excerpts() if excerpt.contest_code]
    assert {(e.contest_code, e.edition_year) for e in quoted} == set(documents)
    for excerpt in quoted:
        edition = (excerpt.contest_code, excerpt.edition_year)
        assert excerpt.source_document == documents[edition], excerpt


def test_each_edition_document_is_titled_with_its_contest_and_year():
    for row in read_seed("contest_editions"):
        # The title is the document's opening line (tests/unit/test_source_documents.py).
        title = the_excerpt("edition_title", row["contest_code"], row["edition_year"]).text
        assert row["contest_name_pl"] in title
        assert row["section_name_pl"] in title
        if row["contest_code"] == "PCCA":
            assert row["edition_year"] in title


def test_catalog_holds_every_category_of_the_documents(categories):
    per_edition = defaultdict(list)
    for row in categories:
        per_edition[(row["contest_code"], int(row["edition_year"]))].append(row["category_code"])
    assert {edition: len(codes) for edition, codes in per_edition.items()} == {
        ("PCCA", 2024): 11,
        ("PCCA", 2026): 9,
        ("IBA", 2026): 8,
    }
    assert per_edition[("IBA", 2026)] == [f"E0{n}" for n in range(1, 9)]


def test_pcca_category_names_are_the_technical_tables_names_in_order(categories):
    """The technical table lists every category once, in the order of the seed."""
    for edition in PCCA_EDITIONS:
        header = the_excerpt("technical_table_header", *edition)
        rows = _edition_categories(categories, *edition)
        quoted = [the_excerpt("technical_row", *edition, row["category_code"]) for row in rows]
        # The table quoted has no row beyond the seed's categories.
        table = [
            excerpt
            for excerpt in read_excerpts()
            if (excerpt.fact, excerpt.contest_code, excerpt.edition_year)
            == ("technical_row", *edition)
        ]
        assert len(table) == len(rows), edition
        for row, excerpt in zip(rows, quoted, strict=True):
            name = row["category_name_pl"]
            assert excerpt.text.startswith((f"{name} IN ", f"{name} OUT ")), name
        starts = [excerpt.line_start for excerpt in quoted]
        assert header.line_end < starts[0], edition
        assert starts == sorted(set(starts)), edition


def test_iba_names_follow_their_codes_as_written(categories):
    for row in _edition_categories(categories, "IBA", "2026"):
        code, name = row["category_code"], row["category_name_pl"]
        heading = the_excerpt("category_name_pl", "IBA", "2026", code).text
        if code == "E03":
            # The page runs E02 and E03 together: E03's name follows E02's description, and
            # the code E03 is written nowhere (tests/unit/test_source_documents.py).
            written = f"satysfakcji. {name}"
            assert the_excerpt("definition_pl", "IBA", "2026", "E02").text.endswith("satysfakcji.")
        else:
            written = f"{code}. {name}"
        # Quoted to the end of its line, so the mark of a new category is in it when written.
        assert heading in {written, f"{written} ({NEW_IN_2026})"}, code
        is_new = heading.endswith(f"{name} ({NEW_IN_2026})")
        assert (row["comments_pl"] == NEW_IN_2026) == is_new, code


def test_definitions_conditions_and_comments_are_quoted_from_the_document(categories):
    for row in categories:
        key = (row["contest_code"], row["edition_year"], row["category_code"])
        for column in QUOTED_COLUMNS:
            quoted = excerpts_of(column, *key)
            if not row[column]:
                assert quoted == [], (key, column)
                continue
            assert len(quoted) == 1, (key, column)
            if column == "category_name_pl":
                # A name is quoted with what heads it in the document (IBA: its code).
                assert collapse(row[column]) in quoted[0].text, (key, column)
            else:
                assert collapse(row[column]) == quoted[0].text, (key, column)


def test_each_categorys_quotes_are_in_its_own_row(categories):
    """A quote is on the lines of its own category, between its name and the next one's.

    Several categories share words (the First Contact Resolution condition, IBA's mark of a new
    category), so the document test's "these words are on these lines" alone would accept the
    lines of another category's row.
    """
    for edition in [*PCCA_EDITIONS, ("IBA", "2026")]:
        names = [
            the_excerpt("category_name_pl", *edition, row["category_code"])
            for row in _edition_categories(categories, *edition)
        ]
        starts = [name.line_start for name in names]
        assert starts == sorted(set(starts)), edition
        if edition[0] == "PCCA":
            # The definitions table ends where the technical table's header begins.
            ends = [*starts[1:], the_excerpt("technical_table_header", *edition).line_start]
        else:
            # The page runs E02's description into E03's name: a description may end on the
            # next name's line, never below it.
            ends = [start + 1 for start in starts[1:]] + [None]
        for name, end in zip(names, ends, strict=True):
            for column in QUOTED_COLUMNS:
                for quote in excerpts_of(column, *edition, name.category_code):
                    assert quote.line_start >= name.line_start, (name.category_code, column)
                    assert end is None or quote.line_end < end, (name.category_code, column)


def test_jury_award_is_the_nagroda_kapituly(categories):
    jury = {
        (r["edition_year"], r["category_code"]) for r in categories if r["is_jury_award"] == "true"
    }
    assert jury == {("2024", "WOW"), ("2026", "WOW")}
    assert all(
        "Nagroda Kapituły" in r["category_name_pl"]
        for r in categories
        if r["is_jury_award"] == "true"
    )


def _technical_row_text(limits: dict[str, str], name: str) -> str:
    cells = [
        name,
        limits["direction_as_written"],
        limits["client_type_as_written"],
        limits["interaction_form_as_written"],
        limits["language_as_written"],
        limits["cases_per_entry"],
        limits["interactions_as_written"],
        limits["formats_as_written"],
        limits["file_comment_pl"],
    ]
    return " ".join(cell for cell in cells if cell)


def test_technical_table_rows_are_in_the_document_and_normalised_faithfully(categories):
    names = {(r["contest_code"], r["edition_year"], r["category_code"]): r for r in categories}
    limits_rows = read_seed("category_technical_limits")
    assert len(limits_rows) == 20
    for limits in limits_rows:
        key = (limits["contest_code"], limits["edition_year"], limits["category_code"])
        written = the_excerpt("technical_row", *key).text
        assert _technical_row_text(limits, names[key]["category_name_pl"]) == written

        assert split_list(limits["directions"]) == limits["direction_as_written"].split(" lub ")
        assert split_list(limits["client_types"]) == [
            CLIENT_TYPES[word] for word in limits["client_type_as_written"].split(" lub ")
        ]
        assert (
            limits["interaction_form"] == INTERACTION_FORMS[limits["interaction_form_as_written"]]
        )
        assert limits["languages"] == limits["language_as_written"]
        assert split_list(limits["allowed_formats"]) == limits["formats_as_written"].split(", ")
        written = limits["interactions_as_written"]
        expected_max = "" if written == "n/d" else str(max(map(int, re.findall(r"\d+", written))))
        assert limits["max_interactions_per_case"] == expected_max


def test_language_column_only_in_2024():
    # The headers are quoted whole; that 2026 writes "Język" nowhere at all is checked
    # against the document in tests/unit/test_source_documents.py.
    assert "Język" in the_excerpt("technical_table_header", "PCCA", "2024").text
    assert "Język" not in the_excerpt("technical_table_header", "PCCA", "2026").text
    for limits in read_seed("category_technical_limits"):
        assert bool(limits["languages"]) == (limits["edition_year"] == "2024")


def test_twenty_minute_limit_and_what_it_counts(categories):
    names = {(r["contest_code"], r["edition_year"], r["category_code"]): r for r in categories}
    for edition in PCCA_EDITIONS:
        # The footnote from "Limit czasu trwania nagrań" to its last bullet.
        text = the_excerpt("duration_limit", *edition).text
        minutes = re.search(r"Limit czasu trwania nagrań \((\d+) min", text)
        assert minutes and int(minutes[1]) * 60 == TWENTY_MINUTES
        footnote = text[minutes.end() :]
        # Bullets name the categories whose limit counts the whole sequence of a case.
        case_bullets = re.findall(
            r"Dla kategorii (.+?) \u2013 ciągu rozmów \(tj\. ([\d, lub]+) nagrań", footnote
        )
        sequence_names = {
            name: max(map(int, re.findall(r"\d+", counts)))
            for quoted, counts in case_bullets
            for name in re.findall(r"[„“\"]([^”\"]+)[”\"]", quoted)
        }
        assert sequence_names
        others = "Dla pozostałych kategorii \u2013 rozmowy (tj. 1 nagrania stanowiącego sprawę)"
        assert others in footnote
        for limits in read_seed("category_technical_limits"):
            if (limits["contest_code"], limits["edition_year"]) != edition:
                continue
            name = names[(limits["contest_code"], limits["edition_year"], limits["category_code"])][
                "category_name_pl"
            ]
            if limits["interaction_form"] == "text":
                assert (limits["duration_limit_seconds"], limits["duration_limit_scope"]) == (
                    "",
                    "",
                )
                continue
            assert int(limits["duration_limit_seconds"]) == TWENTY_MINUTES
            assert collapse(limits["duration_limit_as_written"]) in footnote
            if name in sequence_names:
                assert limits["duration_limit_scope"] == "case", name
                assert int(limits["max_interactions_per_case"]) == sequence_names[name]
            else:
                assert limits["duration_limit_scope"] == "recording", name


def test_iba_entry_requirements_are_the_documents_numbers():
    # The numbered list "Informacje, które należy przesłać online…", item by item.
    text = " ".join(excerpt.text for excerpt in excerpts_of("entry_requirement", "IBA", "2026"))
    (rules,) = read_seed("nomination_limits")
    number = {
        "essay_max_chars": r"Esej o długości do (\d+) znaków",
        "summary_max_chars": r"Krótkie podsumowanie \(maksymalnie (\d+) znaków\)",
        "summary_max_bullets": r"zawierające maksymalnie \w+ \((\d+)\) głównych osiągnięć",
        "attachments_note_max_chars": r"w nominacji \(maksymalnie (\d+) znaków\)",
        "max_links": r"maksymalnie (\d+) linków",
        "max_attachments": r"maksymalnie (\d+) załączonych dokumentów",
    }
    for column, pattern in number.items():
        found = re.search(pattern, text)
        assert found, column
        assert int(rules[column]) == int(found[1]), column
    assert "(maksymalnie 4900 znaków) Wymagane" in text
    video = re.search(r"film o długości do \w+ \((\d+)\) minut", text)
    assert video and int(rules["video_max_seconds"]) == int(video[1]) * 60
    assert rules["summary_required"] == "true" and "1150 znaków) w formie listy punktowanej" in text
    assert rules["attachments_note_required"] == "false"
    assert re.search(r"\(maksymalnie 1500 znaków\)\. Opcjonalne", text)
    assert rules["achievements_since"] == "2024-01-01"
    assert text.count("od 1 stycznia 2024 r.") >= 3
    reentry = the_excerpt("reentry_rule_pl", "IBA", "2026").text
    assert rules["previous_win_edition_year"] == "2025"
    assert "zwyciężyły w konkursie International Business Awards® 2025" in reentry
    assert collapse(rules["reentry_rule_pl"]) == reentry
    assert "Jeśli nie zostały zaktualizowane, muszą zostać zgłoszone do kategorii innych" in reentry


def test_every_2024_category_has_a_successor_or_is_dropped(categories):
    links = read_seed("category_lineage_links")
    codes_2024 = {r["category_code"] for r in categories if r["edition_year"] == "2024"}
    linked = defaultdict(set)
    for link in links:
        if link["from_edition_year"] == "2024":
            linked[link["from_category_code"]].add((link["relation"], link["to_category_code"]))
    assert set(linked) == codes_2024
    assert linked["SPRZEDAZ_RETENCJA"] == {("split_into", "SPRZEDAZ"), ("split_into", "UTRZYMANIE")}
    dropped = {code for code, targets in linked.items() if ("dropped", "") in targets}
    assert dropped == {"REKLAMACJA", "OBSLUGA_EN", "OBSLUGA_UA"}
    renamed = {code for code, targets in linked.items() if any(r == "renamed" for r, _ in targets)}
    assert renamed == {"WELCOME", "HELPDESK", "KANALY_PISANE"}


def test_linked_categories_share_a_family(categories):
    family = {
        (r["contest_code"], r["edition_year"], r["category_code"]): r["family_code"]
        for r in categories
    }
    for link in read_seed("category_lineage_links"):
        if link["relation"] in {"same", "renamed", "split_into", "merged_into"}:
            source = (
                link["from_contest_code"],
                link["from_edition_year"],
                link["from_category_code"],
            )
            target = (link["to_contest_code"], link["to_edition_year"], link["to_category_code"])
            assert family[source] == family[target], link
        if link["relation"] == "renamed":
            names = {
                (r["contest_code"], r["edition_year"], r["category_code"]): r["category_name_pl"]
                for r in categories
            }
            assert names[source] != names[target]


def _expected_dim_rows() -> dict[str, dict]:
    """What marts.dim_category must hold for each category_key, from the seeds."""
    limits = {
        (r["contest_code"], r["edition_year"], r["category_code"]): r
        for r in read_seed("category_technical_limits")
    }
    nominations = {
        (r["contest_code"], r["edition_year"]): r for r in read_seed("nomination_limits")
    }
    expected = {}
    for row in read_seed("categories"):
        key = (row["contest_code"], row["edition_year"], row["category_code"])
        technical = limits.get(key, {})
        nomination = nominations.get(key[:2], {})

        def number(source: dict, column: str) -> int | None:
            return int(source[column]) if source.get(column) else None

        expected["-".join(key)] = {
            "category_name_pl": row["category_name_pl"],
            "family_code": row["family_code"],
            "interaction_form": technical.get("interaction_form")
            or nomination.get("interaction_form"),
            "directions": split_list(technical.get("directions", "")),
            "client_types": split_list(technical.get("client_types", "")),
            "languages": split_list(technical.get("languages", "")),
            "cases_per_entry": number(technical, "cases_per_entry"),
            "max_interactions_per_case": number(technical, "max_interactions_per_case"),
            "allowed_formats": split_list(technical.get("allowed_formats", "")),
            "duration_limit_seconds": number(technical, "duration_limit_seconds"),
            "duration_limit_scope": technical.get("duration_limit_scope") or None,
            "essay_max_chars": number(nomination, "essay_max_chars"),
            "video_max_seconds": number(nomination, "video_max_seconds"),
            "summary_max_chars": number(nomination, "summary_max_chars"),
            "summary_max_bullets": number(nomination, "summary_max_bullets"),
            "attachments_note_max_chars": number(nomination, "attachments_note_max_chars"),
            "max_links": number(nomination, "max_links"),
            "max_attachments": number(nomination, "max_attachments"),
            "achievements_since": nomination.get("achievements_since"),
            "reentry_rule": nomination.get("reentry_rule"),
            "previous_win_edition_year": number(nomination, "previous_win_edition_year"),
        }
    return expected


def _dim_category_rows(database: Path) -> dict[str, dict]:
    columns = [
        f"cast({column} as varchar) as {column}" if column == "achievements_since" else column
        for column in next(iter(_expected_dim_rows().values()))
    ]
    with duckdb.connect(str(database), read_only=True) as con:
        # The built-in catalog's rows; a drop-folder catalog's are tested in test_catalog_contests.
        frame = con.sql(
            f"select category_key, {', '.join(columns)} from marts.dim_category "
            "where catalog_source = 'built_in'"
        ).pl()
    return {row.pop("category_key"): row for row in frame.to_dicts()}


def test_warehouse_dim_category_holds_every_category_with_its_limits(demo_warehouse):
    rows = _dim_category_rows(demo_warehouse.warehouse)
    per_contest = defaultdict(int)
    for key in rows:
        per_contest[key.split("-")[0]] += 1
    assert per_contest == {"PCCA": 20, "IBA": 8}
    assert rows == _expected_dim_rows()
    assert rows["PCCA-2024-KANALY_PISANE"]["max_interactions_per_case"] is None
    assert rows["PCCA-2026-SPRZEDAZ"]["duration_limit_scope"] == "case"
    assert rows["PCCA-2024-OBSLUGA_UA"]["languages"] == ["UA"]
    assert rows["IBA-2026-E04"]["essay_max_chars"] == 4900


def test_every_alias_names_a_category_of_its_own_edition(categories):
    known = {(r["contest_code"], r["edition_year"], r["category_code"]) for r in categories}
    for alias in read_seed("category_aliases"):
        assert (alias["contest_code"], alias["edition_year"], alias["category_code"]) in known


def test_warehouse_names_are_ambiguous_only_where_declared(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        ambiguous = con.execute(
            "select contest_code, edition_year, name_normalized,"
            " list(distinct category_code order by category_code)"
            " from intermediate.int_category_names_normalized"
            " group by all having count(distinct category_code) > 1 order by all"
        ).fetchall()
    # Only 2024's split category, written in 2026, names two categories.
    assert ambiguous == [
        ("PCCA", 2026, "sales or retention", ["SPRZEDAZ", "UTRZYMANIE"]),
        ("PCCA", 2026, "sprzedaz lub retencja", ["SPRZEDAZ", "UTRZYMANIE"]),
    ]


def test_warehouse_categorizes_every_entry_row(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        received = con.execute("select count(*) from staging.stg_raw__entries").fetchone()[0]
        resolved = con.execute(
            "select category_resolution, count(*) from intermediate.int_entries_categorized"
            " group by all"
        ).fetchall()
        mismatched = con.execute(
            "select count(*) from intermediate.int_entries_categorized as entries"
            " join marts.dim_category as categories using (category_key)"
            " where categories.contest_code <> entries.contest_code"
            " or categories.edition_year <> entries.edition_year"
        ).fetchone()[0]
        listed = con.execute(
            "select sum(entry_rows) from marts.fct_category_names_written"
        ).fetchone()[0]
    assert received > 0
    assert sum(count for _, count in resolved) == received
    assert listed == received
    assert mismatched == 0


def test_warehouse_lineage_links_every_2024_category(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        unlinked = con.execute(
            "select category_key from marts.dim_category"
            " where contest_code = 'PCCA' and edition_year = 2024"
            " and category_key not in (select from_category_key from marts.category_lineage"
            " where from_category_key is not null)"
        ).fetchall()
        split = con.execute(
            "select list(to_category_name_pl order by to_category_name_pl)"
            " from marts.category_lineage where from_category_key = 'PCCA-2024-SPRZEDAZ_RETENCJA'"
        ).fetchone()[0]
        families = con.execute(
            "select family_code, family_name_pl from marts.dim_category_family"
            " where family_code = 'SPRZEDAZ_RETENCJA'"
        ).fetchall()
    assert unlinked == []
    assert split == ["Sprzedaż", "Utrzymanie i lojalizacja"]
    assert families == [("SPRZEDAZ_RETENCJA", "Sprzedaż lub retencja")]


def test_vocabulary_words_are_the_documents_and_the_glossarys():
    # Every PCCA excerpt: definitions, technical tables and the footnote on the 20-minute limit.
    tables = " ".join(e.text for e in read_excerpts() if e.contest_code == "PCCA")
    # Entry headings of the contact-center glossary (004_), quoted as whole lines.
    headings = {excerpt.text for excerpt in excerpts_of("glossary_term")}
    for term in read_seed("rule_terms"):
        assert term["term_as_written"] in tables, term
        if term["glossary_term"]:
            assert term["glossary_term"] in headings, term
    # The test's own reading of the words agrees with the vocabulary's codes.
    own = {**CLIENT_TYPES, **INTERACTION_FORMS}
    for term in read_seed("rule_terms"):
        if term["term_as_written"] in own:
            assert own[term["term_as_written"]] == term["code"]
