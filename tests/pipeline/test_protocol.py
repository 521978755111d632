"""The jury protocol (`make protocol`, the Scores page's download) says what the marts say.

A small drop folder holds one fictional contest edition (PRT 2026) defined by its catalog:
two categories scored by a trimmed criterion panel in points, five jurors, a conflict the
pipeline detects (same organization), two the jurors declare (one entry; a whole category),
an off-scale score, a formal violation overturned on appeal, a disqualification, decisions
that cannot apply, an unknown category and an organization written like a formula. The
protocol is written in both languages, read back with openpyxl and pypdf, and every number
compared with the marts queried directly.
"""

import csv
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import openpyxl
import pypdf
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest

from protocol.document import shown as printed
from protocol.files import write_protocols
from protocol.gather import TABLE_COLUMNS
from protocol.labels import code, header, text
from settings.environment import PROJECT_ROOT
from spreadsheets.xlsx import SHEET_NAME_MAX
from tests.warehouse_builds import build_warehouse

CONTEST, YEAR = "PRT", 2026
EDITION = f"{CONTEST}-{YEAR}"
LANGUAGES = ("pl", "en")
JURORS = ["J1", "J2", "J3", "J4", "J5"]
# Jurors' scores of Q and R by entry, J1..J5 in order.
SCORES = {
    "A1": {"Q": [8, 7, 9, 6.5, 7.5], "R": [6, 7, 8, 5, 6.5]},
    "A2": {"Q": [6, 6.5, 5, 9.5, 7], "R": [5, 5.5, 6, 9, 4]},
    "A3": {"Q": [7, 8, 10, 7.5, 6], "R": [7, 6, 10, 6.5, 8]},
    "A4": {"Q": [9, 8.5, 8, 7, 9.5], "R": [8, 9, 7.5, 8, 8.5]},
    "B1": {"Q": [5, 6, 7, 8, 10], "R": [6, 6, 6, 6, 10]},
    "B2": {"Q": [9, 9, 9, 9, 9], "R": [9, 9, 9, 9, 9]},
    # 7.3 is off the 0.5 grid: J2's evaluation of B3 is incomplete and excluded.
    "B3": {"Q": [4, 7.3, 5, 6, 3], "R": [5, 6, 4.5, 5.5, 2]},
}
POLISH_CATEGORY = "Innowacja roku: zażółć gęślą jaźń"
FORMULA_ORGANIZATION = "=Org1+1"


def _csv(path: Path, rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def make_drop_folder(root: Path) -> None:
    edition = root / EDITION
    catalog = edition / "catalog"
    _csv(
        catalog / "edition.csv",
        [["contest_name_pl", "contest_name_en"], ["Konkurs Łódzki", "Lodz Contest"]],
    )
    _csv(
        catalog / "categories.csv",
        [
            ["category_code", "category_name_pl", "category_name_en", "essay_max_chars"],
            ["A", "Obsługa klienta roku", "Customer service of the year", "40"],
            ["B", POLISH_CATEGORY, "Innovation of the year", ""],
        ],
    )
    _csv(
        catalog / "criteria.csv",
        [
            [
                "criterion_code",
                "criterion_name_pl",
                "criterion_name_en",
                "scale_min",
                "scale_max",
                "scale_step",
                "weight",
            ],
            ["Q", "Jakość", "Quality", "0", "10", "0.5", "1.5"],
            ["R", "Rezultaty", "Results", "0", "10", "0.5", "1"],
        ],
    )
    _csv(
        catalog / "scoring.csv",
        [
            [
                "aggregation",
                "trim_highest",
                "trim_lowest",
                "decimals",
                "rounding",
                "total",
                "normalization",
                "conflict_policy",
                "min_evaluations",
            ],
            ["criterion_panel", "1", "1", "2", "half_up", "points", "none", "exclude", "3"],
        ],
    )
    _csv(
        catalog / "award_levels.csv",
        [
            ["award_level", "award_name_pl", "award_name_en", "award_order", "max_rank"],
            ["gold", "Złoto", "Gold", "1", "1"],
            ["silver", "Srebro", "Silver", "2", "2"],
        ],
    )
    short = "Krótki esej."
    _csv(
        edition / "entries.csv",
        [
            ["entry_id", "category", "participant_name", "organization", "essay", "submitted_at"],
            ["A1", "A", "Anna", FORMULA_ORGANIZATION, short, "2026-01-10"],
            ["A2", "A", "Bartosz", "Org2", short, "2026-01-11"],
            ["A3", "A", "Celina", "Org3", short, "2026-01-12"],
            ["A4", "A", "Dawid", "Org4", "Esej, który jest o wiele za długi jak na limit.", ""],
            ["B1", "B", "Ewa", "Org5", "", "2026-01-13"],
            ["B2", "B", "Filip", "Org6", "", "2026-01-14"],
            ["B3", "B", "Grażyna", "Org7", "", "2026-01-15"],
            ["X1", "Nieznana", "Henryk", "Org8", "", "2026-01-16"],
        ],
    )
    _csv(
        edition / "jurors.csv",
        [
            ["juror_id", "juror_name", "organization"],
            ["J1", "Juror Jeden", "Jury 1"],
            ["J2", "Żaneta Łęcka", "Jury 2"],
            ["J3", "Juror Trzy", "Org3"],
            ["J4", "Juror Cztery", "Jury 4"],
            ["J5", "Juror Pięć", "Jury 5"],
        ],
    )
    _csv(
        edition / "conflicts.csv",
        [
            ["juror_id", "entry_id", "kind", "scope", "note", "declared_at"],
            ["J4", "A2", "personal", "entry", "", "2026-01-20"],
            ["J5", "B1", "opt_out", "category", "Doradzam jednemu z uczestników.", "2026-01-20"],
        ],
    )
    _csv(
        edition / "decisions.csv",
        [
            [
                "decision_id",
                "entry_id",
                "subject",
                "decision",
                "reason",
                "decided_by",
                "decided_at",
            ],
            [
                "D1",
                "A4",
                "IBA_ESSAY_LENGTH",
                "overturned",
                "Esej liczony bez spacji mieści się w limicie.",
                "Komisja odwoławcza",
                "2026-02-01",
            ],
            ["D2", "B2", "result", "disqualified", "Plagiat opisu.", "Organizator", "2026-02-02"],
            ["D3", "A1", "result", "upheld", "=SUM(1) wynik bez zmian", "Komisja", "2026-02-03"],
            ["D4", "A2", "IBA_ESSAY_LENGTH", "overturned", "Brak naruszenia.", "Komisja", ""],
            ["D5", "A3", "result", "upheld", "", "Komisja", "2026-02-04"],
        ],
    )
    scores = [["entry_id", "juror_id", "criterion_code", "score"]]
    for entry, criteria in SCORES.items():
        for criterion, values in criteria.items():
            scores += [
                [entry, juror, criterion, value]
                for juror, value in zip(JURORS, values, strict=True)
            ]
    _csv(edition / "scores.csv", scores)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The warehouse published from the drop folder above."""
    root = tmp_path_factory.mktemp("protocol_drop")
    make_drop_folder(root)
    result = build_warehouse(root, tmp_path_factory.mktemp("protocol_warehouse"))
    assert result.result.success
    return result.warehouse


@pytest.fixture(scope="module")
def written(built: Path, tmp_path_factory) -> dict[str, Path]:
    """The protocols of every edition in each language: the folder they were written to."""
    folders = {}
    for language in LANGUAGES:
        folder = tmp_path_factory.mktemp(f"protocol_{language}")
        write_protocols(built, folder, language)
        folders[language] = folder
    return folders


def fetch(warehouse: Path, sql: str, params: tuple = ()) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def workbook(written: dict[str, Path], language: str) -> openpyxl.Workbook:
    return openpyxl.load_workbook(written[language] / f"{EDITION}-protocol.xlsx")


def pdf_lines(written: dict[str, Path], language: str) -> list[str]:
    reader = pypdf.PdfReader(written[language] / f"{EDITION}-protocol.pdf")
    return [line for page in reader.pages for line in page.extract_text().splitlines()]


def blocks(sheet: Worksheet, language: str) -> list[list[dict[str, object]]]:
    """The tables of a category sheet, in order (ranking, panel, violations, decisions):
    each a list of rows keyed by mart column name, once its headers are the columns'."""
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    tables: list[list[dict[str, object]]] = []
    number = 0
    for name in ("ranking", "panel", "violations", "decisions"):
        # A title, a header, then rows up to an empty one ("None." when there are none).
        columns = TABLE_COLUMNS[name]
        assert rows[number + 1][: len(columns)] == [header(c, language) for c in columns]
        table = []
        number += 2
        while number < len(rows) and any(value is not None for value in rows[number]):
            if rows[number][0] != text("none", language):
                table.append(dict(zip(columns, rows[number], strict=False)))
            number += 1
        tables.append(table)
        number += 1
    return tables


def rounded(rows: list[tuple]) -> list[tuple]:
    """Rows with their floats to 10 decimals: an XLSX cell keeps 16 significant digits, a
    DuckDB double up to 17."""
    return [
        tuple(round(value, 10) if isinstance(value, float) else value for value in row)
        for row in rows
    ]


def category_sheets(book: openpyxl.Workbook) -> dict[str, Worksheet]:
    """Category code (None for the entries of no known category) to its sheet."""
    return {
        sheet.title if sheet.title in ("A", "B") else None: sheet for sheet in book.worksheets[1:]
    }


def summary(book: openpyxl.Workbook) -> dict[str, object]:
    sheet = book.worksheets[0]
    values = {}
    for label, value, *_ in sheet.iter_rows(min_row=2, values_only=True):
        if label is None:
            break
        values[label] = value
    return values


def expected_summary(warehouse: Path) -> dict[str, int]:
    edition = (CONTEST, YEAR)
    [(entries, valid, invalid, evaluated, ranked, awarded)] = fetch(
        warehouse,
        "select count(*), count(*) filter (where e.is_formally_valid), "
        "count(*) filter (where not e.is_formally_valid), "
        "count(*) filter (where r.jurors_counted > 0), count(r.rank_in_category), "
        "count(r.award_level) filter (where r.rank_in_category is not null) "
        "from marts.fct_results as r join marts.fct_entries as e using (entry_row_key) "
        "where r.contest_code = ? and r.edition_year = ?",
        edition,
    )
    [(jurors,)] = fetch(
        warehouse,
        "select count(*) from marts.dim_juror where contest_code = ? and edition_year = ?",
        edition,
    )
    [(conflicts,)] = fetch(
        warehouse,
        "select count(*) from (select distinct entry_id, juror_id from marts.fct_scores "
        "where contest_code = ? and edition_year = ? and conflict_source is not null)",
        edition,
    )
    [(violations,)] = fetch(
        warehouse,
        "select count(*) from marts.fct_violations where contest_code = ? and edition_year = ?",
        edition,
    )
    [(decisions, applied)] = fetch(
        warehouse,
        "select count(*), count(*) filter (where is_applied) from marts.fct_decisions "
        "where contest_code = ? and edition_year = ?",
        edition,
    )
    return {
        "entries": entries,
        "valid": valid,
        "invalid": invalid,
        "evaluated": evaluated,
        "ranked": ranked,
        "awarded": awarded,
        "jurors": jurors,
        "conflicts": conflicts,
        "violations": violations,
        "decisions": decisions,
        "decisions_applied": applied,
    }


def expected_ranking(warehouse: Path, language: str) -> dict[str | None, list[tuple]]:
    rows = fetch(
        warehouse,
        "select r.category_code, r.rank_in_category, r.entry_id, r.official_score, "
        f"r.raw_score, r.normalized_score, r.jurors_counted, a.award_name_{language} "
        "from marts.fct_results as r left join marts.dim_award_level as a "
        "on a.contest_code = r.contest_code and a.edition_year = r.edition_year "
        "and a.award_level = r.award_level where r.contest_code = ? and r.edition_year = ? "
        "order by r.rank_in_category nulls last, r.entry_id",
        (CONTEST, YEAR),
    )
    by_category: dict[str | None, list[tuple]] = {}
    for category, *row in rows:
        by_category.setdefault(category, []).append(tuple(row))
    return by_category


def expected_panel(warehouse: Path, language: str) -> dict[tuple[str, str], tuple]:
    """(entry, juror) -> (status, conflict source, conflict kind, trimmed criteria) in words,
    from fct_scores and fct_panel_scores."""
    scores = fetch(
        warehouse,
        "select entry_id, juror_id, bool_and(is_excluded), "
        "bool_or(exclusion_reason = 'conflict_of_interest'), any_value(conflict_source), "
        "any_value(conflict_kind) from marts.fct_scores "
        "where contest_code = ? and edition_year = ? group by all",
        (CONTEST, YEAR),
    )
    panels = fetch(
        warehouse,
        "select entry_id, criterion_code, trimmed_juror_ids from marts.fct_panel_scores "
        "where contest_code = ? and edition_year = ?",
        (CONTEST, YEAR),
    )
    criteria: dict[str, int] = {}
    trimmed: dict[tuple[str, str], list[str]] = {}
    for entry, criterion, jurors in sorted(panels):
        criteria[entry] = criteria.get(entry, 0) + 1
        for juror in jurors:
            trimmed.setdefault((entry, juror), []).append(criterion)
    expected = {}
    for entry, juror, all_excluded, recused, source, kind in scores:
        left_out = trimmed.get((entry, juror), [])
        if recused:
            status = "recused"
        elif all_excluded:
            status = "excluded"
        elif left_out and len(left_out) == criteria[entry]:
            status = "trimmed"
        else:
            status = "counted"
        expected[(entry, juror)] = (
            code(status, language),
            code(source, language),
            code(kind, language),
            ", ".join(left_out) or None,
        )
    return expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_edition_gets_an_xlsx_and_a_pdf(built, written, language):
    editions = fetch(built, "select contest_edition_key from marts.dim_contest_edition")
    assert (EDITION,) in editions
    names = sorted(path.name for path in written[language].iterdir())
    assert names == sorted(
        f"{edition}-protocol.{suffix}" for (edition,) in editions for suffix in ("pdf", "xlsx")
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_counts_what_the_marts_hold(built, written, language):
    shown = summary(workbook(written, language))
    expected = expected_summary(built)
    # The fixture's own story: B2 disqualified and X1 of no category are invalid, A4 valid
    # again on appeal; five conflicted evaluations; three of five decisions applied.
    assert (expected["invalid"], expected["conflicts"], expected["decisions_applied"]) == (2, 5, 3)
    for key, value in expected.items():
        assert shown[text(key, language)] == value, key
    assert shown[text("edition", language)] == EDITION
    assert shown[text("contest", language)] == (
        "Konkurs Łódzki" if language == "pl" else "Lodz Contest"
    )
    assert shown[f"{text('scoring_method', language)}: {header('aggregation', language)}"] == (
        "criterion_panel"
    )
    assert shown[text("categories", language)] == 2
    assert isinstance(shown[text("generated_at", language)], dt.datetime)
    lines = pdf_lines(written, language)
    for key, value in expected.items():
        assert f"{text(key, language)} {value}" in lines, key


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_category_ranks_scores_and_awards_as_fct_results(built, written, language):
    expected = expected_ranking(built, language)
    sheets = category_sheets(workbook(written, language))
    assert set(sheets) == set(expected) == {"A", "B", None}
    lines = pdf_lines(written, language)
    for category, sheet in sheets.items():
        ranking = blocks(sheet, language)[0]
        shown = [
            tuple(
                row[column]
                for column in (
                    "rank_in_category",
                    "entry_id",
                    "official_score",
                    "raw_score",
                    "normalized_score",
                    "jurors_counted",
                    "award_level",
                )
            )
            for row in ranking
        ]
        assert rounded(shown) == rounded(expected[category]), category
        for rank, entry, official, raw, normalized, _, award in expected[category]:
            if rank is None:
                continue
            numbers = " ".join(printed(v, language) for v in (official, raw, normalized))
            assert any(
                line.startswith(f"{rank} {entry} ") and numbers in line and (award or "") in line
                for line in lines
            ), (entry, numbers)
    a_ranking = blocks(sheets["A"], language)[0]
    assert [row["entry_id"] for row in a_ranking][:1] == ["A4"], "A4 wins once valid again"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_panel_says_who_was_counted_trimmed_excluded_or_recused(built, written, language):
    expected = expected_panel(built, language)
    shown = {}
    for category, sheet in category_sheets(workbook(written, language)).items():
        for row in blocks(sheet, language)[1]:
            shown[(row["entry_id"], row["juror_id"])] = (
                row["panel_status"],
                row["conflict_source"],
                row["conflict_kind"],
                row["trimmed_criteria"],
            )
            assert category is not None, "every scored entry of the fixture has a category"
    assert shown == expected
    # What the drop folder meant, in words.
    assert shown[("A3", "J3")][:3] == tuple(
        code(value, language) for value in ("recused", "detected", "same_organization")
    )
    assert shown[("A2", "J4")][:3] == tuple(
        code(value, language) for value in ("recused", "declared", "personal")
    )
    for entry in ("B1", "B2", "B3"):
        assert shown[(entry, "J5")][2] == code("opt_out", language)
    assert shown[("B3", "J2")][0] == code("excluded", language)
    assert code("trimmed", language) in {status for status, *_ in shown.values()}


@pytest.mark.parametrize("language", LANGUAGES)
def test_violations_and_decisions_stand_beside_their_entries(built, written, language):
    sheets = category_sheets(workbook(written, language))
    violations = fetch(
        built,
        "select coalesce(category_code, '-'), entry_id, rule_code, decision, is_waived, "
        f"message_{language} from marts.fct_violations "
        "where contest_code = ? and edition_year = ?",
        (CONTEST, YEAR),
    )
    decisions = fetch(
        built,
        "select coalesce(r.category_code, '-'), d.decision_id, d.entry_id, d.decision, "
        "d.reason, d.is_applied, d.rank_before, d.rank_after from marts.fct_decisions as d "
        "left join marts.fct_results as r using (contest_code, edition_year, entry_id) "
        "where d.contest_code = ? and d.edition_year = ?",
        (CONTEST, YEAR),
    )
    shown_violations, shown_decisions = [], []
    for category, sheet in sheets.items():
        _, _, formal, decided = blocks(sheet, language)
        shown_violations += [
            (
                category or "-",
                row["entry_id"],
                row["rule_code"],
                row["decision"],
                row["is_waived"],
                row["message"],
            )
            for row in formal
        ]
        shown_decisions += [
            (
                category or "-",
                row["decision_id"],
                row["entry_id"],
                row["decision"],
                row["reason"],
                row["is_applied"],
                row["rank_before"],
                row["rank_after"],
            )
            for row in decided
        ]
    assert sorted(shown_violations) == sorted(
        (category, entry, rule, code(decision, language), waived, message)
        for category, entry, rule, decision, waived, message in violations
    )
    assert sorted(shown_decisions) == sorted(
        (category, decision_id, entry, code(decision, language), *rest)
        for category, decision_id, entry, decision, *rest in decisions
    )
    assert {row[2] for row in shown_violations if row[3] == code("overturned", language)} == {
        "IBA_ESSAY_LENGTH"
    }
    assert ("B", "B2", "DECISION_DISQUALIFIED") in {row[:3] for row in shown_violations}
    lines = "\n".join(pdf_lines(written, language))
    assert "Esej liczony bez spacji mieści się w" in lines
    assert "Plagiat opisu." in lines


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_workbook_is_typed_frozen_and_never_a_formula(written, language):
    book = workbook(written, language)
    titles = book.sheetnames
    assert len(titles) == len({title.lower() for title in titles})
    for sheet in book.worksheets:
        assert len(sheet.title) <= SHEET_NAME_MAX
        assert not set(sheet.title) & set("[]:*?/\\")
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    assert book.worksheets[0].freeze_panes == "A2"
    assert book.worksheets[0]["A1"].font.b
    sheet = category_sheets(book)["A"]
    assert sheet.freeze_panes == "A3"
    assert all(cell.font.b for cell in sheet[2] if cell.value is not None)
    assert sheet.column_dimensions["C"].width >= len(FORMULA_ORGANIZATION)
    ranking, _, formal, decided = blocks(sheet, language)
    first = next(row for row in ranking if row["entry_id"] == "A1")
    assert first["organization_name"] == FORMULA_ORGANIZATION
    assert isinstance(first["official_score"], float)
    assert isinstance(first["rank_in_category"], int)
    assert isinstance(formal[0]["decided_at"], dt.datetime)
    upheld = next(row for row in decided if row["decision_id"] == "D3")
    assert upheld["reason"].startswith("=SUM(")
    assert upheld["decided_at"] == dt.datetime(2026, 2, 3)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_pdf_prints_polish_letters_and_a_signature_block(built, written, language):
    lines = pdf_lines(written, language)
    joined = "\n".join(lines)
    assert text("title", language) in lines[0]
    if language == "pl":
        assert f"B — {POLISH_CATEGORY}" in lines
    jurors = [
        name
        for (name,) in fetch(
            built, "select juror_name from marts.dim_juror where contest_code = ?", (CONTEST,)
        )
    ]
    assert "Żaneta Łęcka" in jurors
    signatures = joined[joined.rindex(text("signatures", language)) :]
    assert text("chair", language) in signatures
    for name in jurors:
        assert name in signatures
    reader = pypdf.PdfReader(written[language] / f"{EDITION}-protocol.pdf")
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSans" in font for font in fonts)


def test_the_command_line_writes_one_edition_in_the_language_of_podium_lang(built, tmp_path):
    environment = {**os.environ, "PODIUM_WAREHOUSE": str(built), "PODIUM_LANG": "en"}
    run = subprocess.run(
        [sys.executable, "-m", "protocol", "--edition", EDITION, "--out", str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert EDITION in run.stdout
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        f"{EDITION}-protocol.pdf",
        f"{EDITION}-protocol.xlsx",
    ]
    book = openpyxl.load_workbook(tmp_path / f"{EDITION}-protocol.xlsx")
    assert book.sheetnames[0] == text("summary", "en")
    polish = subprocess.run(
        [
            sys.executable,
            "-m",
            "protocol",
            "--edition",
            EDITION,
            "--lang",
            "pl",
            "--out",
            str(tmp_path),
        ],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    assert polish.returncode == 0
    assert openpyxl.load_workbook(tmp_path / f"{EDITION}-protocol.xlsx").sheetnames[0] == (
        text("summary", "pl")
    )
    unknown = subprocess.run(
        [sys.executable, "-m", "protocol", "--edition", "NOPE-1999", "--out", str(tmp_path)],
        cwd=PROJECT_ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert unknown.returncode != 0
    assert "NOPE-1999" in unknown.stderr


@pytest.fixture
def downloads(monkeypatch) -> dict:
    """The downloads a page offers, by file name, made when called as a click would."""
    made: dict = {}
    add_deferred = MediaFileManager.add_deferred

    def recording(self, data, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data
        return add_deferred(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return made


def test_the_scores_page_shows_conflict_bias_and_downloads_the_protocol(
    built, written, downloads, monkeypatch
):
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(built))
    monkeypatch.delenv("PODIUM_ORGANIZER_PASSWORD", raising=False)
    app = AppTest.from_file(
        str(PROJECT_ROOT / "dashboards" / "organizer_app.py"), default_timeout=60
    )
    app.session_state["language"] = "en"
    app.session_state["filter_contest"] = CONTEST
    app.session_state["filter_edition"] = YEAR
    app.run()
    app.switch_page("views/scores.py").run()
    assert not app.exception, [exception.value for exception in app.exception]
    assert "Conflict bias" in [subheader.value for subheader in app.subheader]
    [(conflicted, mean, others, other_mean)] = fetch(
        built,
        "select conflicted_evaluations, round(mean_deviation, 2), other_evaluations, "
        "round(other_mean_deviation, 2) from marts.fct_conflict_bias "
        "where contest_code = ? and edition_year = ?",
        (CONTEST, YEAR),
    )
    bias = next(
        frame.value for frame in app.dataframe if "conflicted evaluations" in frame.value.columns
    )
    [row] = bias.to_dict("records")
    assert (
        row["conflicted evaluations"],
        row["other evaluations"],
    ) == (conflicted, others)
    assert conflicted == 5
    assert row["mean deviation, conflicted"] == pytest.approx(mean)
    assert row["mean deviation, others"] == pytest.approx(other_mean)
    jurors = next(
        frame.value for frame in app.dataframe if "conflict deviation" in frame.value.columns
    )
    expected = fetch(
        built,
        "select juror_id, round(conflict_deviation, 2) from marts.fct_juror_severity "
        "where contest_code = ? and edition_year = ? and conflicted_evaluations > 0",
        (CONTEST, YEAR),
    )
    assert dict(
        zip(jurors["juror id"], jurors["conflict deviation"], strict=True)
    ) == pytest.approx(dict(expected))
    assert {juror for juror, _ in expected} == {"J3", "J4", "J5"}
    download = downloads[f"{EDITION}-protocol.xlsx"]
    book = openpyxl.load_workbook(io.BytesIO(download()))
    written_book = workbook(written, "en")
    assert book.sheetnames == written_book.sheetnames
    generated = text("generated_at", "en")
    assert {k: v for k, v in summary(book).items() if k != generated} == {
        k: v for k, v in summary(written_book).items() if k != generated
    }
    pdf = downloads[f"{EDITION}-protocol.pdf"]()
    on_page = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    # The download is made later than the written file: only its time may differ.
    assert [line for line in on_page.splitlines() if generated not in line] == [
        line for line in pdf_lines(written, "en") if generated not in line
    ]
