"""A contest that exists only as files in a drop folder builds, ranks and publishes.

The drop folder written here holds a fictional contest (TST) defined by its editions'
`catalog/` folders alone: 2023 and 2025 with published results only, 2026 scored with
`criterion_panel`, one highest and one lowest score trimmed per criterion, two decimals
rounded half up, in points. Beside it, a contest whose catalog is broken (BRK) and one with
no catalog at all (UNK): both are reported, and neither stops TST from publishing. Every
expected score below is computed by hand in the comments.
"""

import csv
from pathlib import Path

import duckdb
import pytest

from tests.warehouse_builds import build_warehouse

HEADER_ENTRIES = ["entry_id", "category", "participant_name", "organization", "submitted_at"]
SCORING = [
    "aggregation",
    "trim_highest",
    "trim_lowest",
    "decimals",
    "rounding",
    "total",
    "normalization",
    "conflict_policy",
    "min_evaluations",
]
AWARDS = [
    ["award_level", "award_name_pl", "award_name_en", "award_order", "max_rank", "min_score"],
    ["gold", "Złoto", "Gold", "1", "1", ""],
    ["silver", "Srebro", "Silver", "2", "2", ""],
]
CATEGORY_HEADER = [
    "category_code",
    "category_name_pl",
    "category_name_en",
    "family_code",
    "interaction_form",
]
JURORS = ["J1", "J2", "J3", "J4"]

# Scores of TST 2026 by entry and criterion, jurors J1..J4 in order. Q weighs 1.5 (2 in
# category B), R weighs 1 and applies to A2 only; the scale is 0-10 in steps of 0.25.
SCORES_2026 = {
    # Q: 9.5 (J1) and 3.0 (J4) trimmed, (8.0 + 8.25) / 2 = 8.125 -> 8.13; x 1.5 = 12.195 -> 12.20
    # R: all 7, ties trimmed by juror id (J1 highest, J4 lowest): 7 -> 7.00. Total 19.20.
    "U1": {"Q": [9.5, 8.0, 8.25, 3.0], "R": [7, 7, 7, 7]},
    # Q: 10 and 9 trimmed, (9.75 + 9.5) / 2 = 9.625 -> 9.63; x 1.5 = 14.445 -> 14.45
    # R: 5 and 4 trimmed, (4.75 + 4.5) / 2 = 4.625 -> 4.63. Total 19.08.
    "U2": {"Q": [10, 9, 9.75, 9.5], "R": [5, 4.75, 4.5, 4]},
    # J4 is of U3's organization and is excluded; of 6.25, 6.5, 6.0 the 6.5 and 6.0 are
    # trimmed: 6.25 x 2 (the category's own weight) = 12.50.
    "U3": {"Q": [6.25, 6.5, 6.0, 6.75]},
    # 7.3 is off the 0.25 grid: J1's evaluation is incomplete and excluded; J2..J4 give
    # Q 5 -> 7.50 and R 6 -> 6.00. Total 13.50.
    "U4": {"Q": [5, 5, 5, 5], "R": [7.3, 6, 6, 6]},
}
EXPECTED_OFFICIAL = {"U1": 19.20, "U2": 19.08, "U3": 12.50, "U4": 13.50}


def _csv(path: Path, rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _tst(root: Path) -> None:
    _csv(
        root / "TST-2023" / "catalog" / "categories.csv",
        [CATEGORY_HEADER, ["C", "Kultura obsługi", "Service culture", "", ""]],
    )
    _csv(
        root / "TST-2023" / "entries.csv",
        [HEADER_ENTRIES, ["S1", "Kultura obsługi", "Ola", "Org5", "2023-02-01"]],
    )
    _csv(root / "TST-2023" / "results.csv", [["entry_id", "rank", "award_level"], ["S1", "1", ""]])

    edition_2025 = root / "TST-2025"
    _csv(
        edition_2025 / "catalog" / "categories.csv",
        [
            CATEGORY_HEADER,
            ["A", "Obsługa roku", "Service of the year", "", ""],
            ["B", "Innowacja", "Innovation", "", ""],
        ],
    )
    _csv(edition_2025 / "catalog" / "award_levels.csv", AWARDS)
    _csv(
        edition_2025 / "entries.csv",
        [
            HEADER_ENTRIES,
            ["T1", "Obsługa roku", "Anna", "Org1", "2025-01-10"],
            ["T2", "obsluga roku", "Ben", "Org2", "2025-01-11"],
            ["T3", "Innovation", "Cezary", "Org3", "2025-01-12"],
            ["T4", "B", "Dorota", "Org4", "2025-01-13"],
        ],
    )
    _csv(
        edition_2025 / "results.csv",
        [
            ["entry_id", "rank", "award_level"],
            ["T1", "1", "gold"],
            ["T2", "2", "silver"],
            ["T3", "1", "gold"],
            ["T9", "1", "gold"],
            ["T3", "2", "silver"],
            ["T4", "first", ""],
        ],
    )

    edition_2026 = root / "TST-2026"
    catalog = edition_2026 / "catalog"
    _csv(
        catalog / "edition.csv",
        [["contest_name_pl", "contest_name_en"], ["Konkurs Testowy", "Test Contest"]],
    )
    _csv(
        catalog / "categories.csv",
        [
            CATEGORY_HEADER,
            ["A2", "Obsługa klienta roku", "Customer service of the year", "", ""],
            ["B", "Innowacja", "Innovation", "INNOWACJA", ""],
            ["C2", "Kultura obsługi klienta", "Customer service culture", "", ""],
        ],
    )
    _csv(catalog / "category_aliases.csv", [["alias", "category_code"], ["Obsługa roku", "A2"]])
    _csv(
        catalog / "lineage.csv",
        [
            [
                "from_contest_code",
                "from_edition_year",
                "from_category_code",
                "to_category_code",
                "relation",
            ],
            ["TST", "2025", "A", "A2", "renamed"],
            ["TST", "2025", "B", "B", "same"],
            # Across a gap: C skipped 2025.
            ["TST", "2023", "C", "C2", "renamed"],
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
                "categories",
            ],
            ["Q", "Jakość", "Quality", "0", "10", "0.25", "1.5", ""],
            ["R", "Rezultaty", "Results", "0", "10", "0.25", "1", "A2"],
        ],
    )
    _csv(
        catalog / "criterion_weights.csv",
        [["category_code", "criterion_code", "weight"], ["B", "Q", "2"]],
    )
    _csv(
        catalog / "scoring.csv",
        [SCORING, ["criterion_panel", "1", "1", "2", "half_up", "points", "none", "exclude", "3"]],
    )
    _csv(catalog / "award_levels.csv", AWARDS)
    _csv(
        edition_2026 / "entries.csv",
        [
            HEADER_ENTRIES,
            ["U1", "Obsługa klienta roku", "Anna", "Org1", "2026-01-10"],
            ["U2", "Obsługa roku", "Ben", "Org2", "2026-01-11"],
            ["U3", "Innowacja", "Cezary", "Org3", "2026-01-12"],
            ["U4", "A2", "Dorota", "Org4", "2026-01-13"],
        ],
    )
    _csv(
        edition_2026 / "jurors.csv",
        [
            ["juror_id", "juror_name", "organization"],
            ["J1", "Juror Jeden", "Jury 1"],
            ["J2", "Juror Dwa", "Jury 2"],
            ["J3", "Juror Trzy", "Jury 3"],
            ["J4", "Juror Cztery", "Org3"],
        ],
    )
    scores = [["entry_id", "juror_id", "criterion_code", "score"]]
    for entry, criteria in SCORES_2026.items():
        for criterion, values in criteria.items():
            scores += [
                [entry, juror, criterion, value]
                for juror, value in zip(JURORS, values, strict=True)
            ]
    _csv(edition_2026 / "scores.csv", scores)
    _csv(
        edition_2026 / "results.csv",
        [["entry_id", "rank", "award_level"], ["U1", "1", "gold"], ["U2", "1", "gold"]],
    )


def _broken_and_unknown(root: Path) -> None:
    catalog = root / "BRK-2026" / "catalog"
    _csv(
        catalog / "categories.csv",
        [CATEGORY_HEADER, ["X", "Iks", "Ex", "", ""], ["X", "Iks bis", "Ex bis", "", ""]],
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
                "weight",
            ],
            ["K", "Kryterium", "Criterion", "10", "1", "0"],
        ],
    )
    _csv(
        catalog / "lineage.csv",
        [
            [
                "from_contest_code",
                "from_edition_year",
                "from_category_code",
                "to_category_code",
                "relation",
            ],
            ["BRK", "2020", "NOPE", "X", "renamed"],
        ],
    )
    _csv(catalog / "scoring.csv", [SCORING[:1], ["median"]])
    _csv(
        root / "BRK-2026" / "entries.csv",
        [HEADER_ENTRIES, ["B1", "Iks", "Ewa", "Org6", "2026-01-01"]],
    )
    _csv(
        root / "UNK-2026" / "entries.csv",
        [HEADER_ENTRIES, ["K1", "Cokolwiek", "Filip", "Org7", "2026-01-01"]],
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("catalog_drop")
    _tst(root)
    _broken_and_unknown(root)
    result = build_warehouse(root, tmp_path_factory.mktemp("catalog_warehouse"))
    assert result.result.success
    with duckdb.connect(str(result.warehouse), read_only=True) as con:
        yield con


def _rows(con, sql: str) -> list[tuple]:
    return con.execute(sql).fetchall()


def test_each_edition_says_where_its_catalog_comes_from_and_whether_it_holds(built):
    editions = dict(
        (key, (source, status))
        for key, source, status in _rows(
            built,
            "select contest_edition_key, catalog_source, catalog_status "
            "from marts.dim_contest_edition",
        )
    )
    assert editions["TST-2023"] == ("drop_folder", "ok")
    assert editions["TST-2026"] == ("drop_folder", "ok")
    assert editions["BRK-2026"][1] == "broken"
    assert editions["UNK-2026"] == ("none", "missing")
    (name,) = _rows(
        built,
        "select contest_name_en from marts.dim_contest_edition where edition_year = 2026 "
        "and contest_code = 'TST'",
    )[0]
    assert name == "Test Contest"


def test_a_broken_catalog_is_reported_file_line_and_reason(built):
    findings = _rows(
        built,
        "select source_file, source_row, status from marts.fct_ingest_issues "
        "where source_table = 'catalog' and contest_code = 'BRK'",
    )
    assert ("BRK-2026/catalog/categories.csv", 3, "duplicate_id") in findings
    assert ("BRK-2026/catalog/criteria.csv", 2, "invalid_scale") in findings
    assert ("BRK-2026/catalog/criteria.csv", 2, "invalid_weight") in findings
    assert ("BRK-2026/catalog/lineage.csv", 2, "lineage_target_missing") in findings
    assert ("BRK-2026/catalog/scoring.csv", 2, "invalid_value") in findings
    assert not _rows(built, "select 1 from marts.dim_category where contest_code = 'BRK'")


def test_entries_of_a_broken_or_unknown_edition_say_why_they_were_not_checked(built):
    reasons = dict(
        _rows(
            built,
            "select entry_id, category_resolution_reason from marts.fct_entries "
            "where contest_code in ('BRK', 'UNK')",
        )
    )
    assert "catalog of BRK 2026 is broken" in reasons["B1"]
    assert "UNK 2026 is not in the rules catalog" in reasons["K1"]
    invalid = _rows(
        built,
        "select entry_id from marts.fct_entries where contest_code in ('BRK', 'UNK') "
        "and not is_formally_valid",
    )
    assert sorted(invalid) == [("B1",), ("K1",)]
    unusable = dict(
        _rows(
            built,
            "select entry_id, message_en from marts.fct_violations "
            "where rule_code = 'EDITION_CATALOG_UNUSABLE'",
        )
    )
    assert set(unusable) == {"B1", "K1"}
    assert "(broken)" in unusable["B1"]
    assert "(missing)" in unusable["K1"]


def test_panel_scores_are_trimmed_weighted_and_rounded_half_up(built):
    official = dict(
        _rows(
            built,
            "select entry_id, official_score from marts.fct_results "
            "where contest_code = 'TST' and edition_year = 2026",
        )
    )
    assert official == pytest.approx(EXPECTED_OFFICIAL, abs=1e-9)
    panels = {
        (entry, criterion): (counted, trimmed, panel, weighted)
        for entry, criterion, counted, trimmed, panel, weighted in _rows(
            built,
            "select entry_id, criterion_code, jurors_counted, trimmed_juror_ids, panel_score, "
            "weighted_score from marts.fct_panel_scores where contest_code = 'TST'",
        )
    }
    assert panels[("U1", "Q")] == (2, ["J1", "J4"], pytest.approx(8.13), pytest.approx(12.20))
    assert panels[("U1", "R")][1] == ["J1", "J4"]
    assert panels[("U3", "Q")] == (1, ["J2", "J3"], pytest.approx(6.25), pytest.approx(12.50))
    excluded = _rows(
        built,
        "select juror_id, exclusion_reason from marts.fct_scores where contest_code = 'TST' "
        "and entry_id = 'U4' and criterion_code = 'R' and is_excluded",
    )
    assert excluded == [("J1", "score_off_scale_step")]


def test_computed_results_rank_and_disagreements_with_published_ones_are_listed(built):
    ranks = dict(
        _rows(
            built,
            "select entry_id, (rank_in_category, award_level, result_source) "
            "from marts.fct_results where contest_code = 'TST' and edition_year = 2026",
        )
    )
    assert ranks["U1"] == (1, "gold", "computed")
    assert ranks["U2"] == (2, "silver", "computed")
    assert ranks["U4"] == (3, None, "computed")
    discrepancies = dict(
        _rows(
            built,
            "select entry_id, discrepancy from marts.fct_result_discrepancies "
            "where contest_code = 'TST'",
        )
    )
    assert discrepancies == {"U2": "rank_and_award", "U3": "not_published"}


def test_an_edition_without_scores_publishes_its_results_and_bad_rows_are_issues(built):
    published = dict(
        _rows(
            built,
            "select entry_id, (rank_in_category, award_level, result_source, not_ranked_reason) "
            "from marts.fct_results where contest_code = 'TST' and edition_year = 2025",
        )
    )
    assert published["T1"] == (1, "gold", "published", None)
    assert published["T3"] == (1, "gold", "published", None)
    assert published["T4"] == (None, None, "published", "not_in_published_results")
    issues = _rows(
        built,
        "select source_row, status from marts.fct_ingest_issues "
        "where source_table = 'results' and contest_code = 'TST' and edition_year = 2025",
    )
    assert sorted(issues) == [(5, "unknown_entry"), (6, "duplicate_id"), (7, "invalid_rank")]


def test_families_follow_lineage_back_through_gaps(built):
    families = dict(
        _rows(
            built,
            "select category_key, (family_code, family_source) from marts.dim_category "
            "where contest_code = 'TST'",
        )
    )
    assert families["TST-2026-A2"] == ("TST_A", "lineage")
    assert families["TST-2025-A"] == ("TST_A", "own")
    assert families["TST-2026-C2"] == ("TST_C", "lineage")
    assert families["TST-2026-B"] == ("INNOWACJA", "catalog")
    by_family = _rows(
        built,
        "select family_code, list(distinct edition_year order by edition_year) "
        "from marts.participation_by_family where contest_code = 'TST' group by all "
        "order by family_code",
    )
    assert ("TST_A", [2025, 2026]) in by_family
