"""Conflicts of interest end to end: declared, former employers, same organization, and bias.

The drop folder written here holds a fictional contest, KON 2026, defined by its catalog:
categories A and B, one criterion Q (0-10, weight 2), scored in points (a juror's total for
an entry is 2 x Q) without normalization or trimming, conflicted jurors excluded, at least 2
counted evaluations, and a former employer that conflicts a juror for 2 years (not the
default 3). KOF 2026 is the same edition, file for file, under `count_and_flag`. Every
expected conflict, issue and deviation below is worked out by hand in the comments.
"""

import csv
from pathlib import Path

import duckdb
import pytest

from ingest.contract import CATALOG_CRITERIA, CATALOG_SCORING, CONFLICTS
from tests.warehouse_builds import build_warehouse

POLICIES = {"KON": "exclude", "KOF": "count_and_flag"}

ENTRIES = [
    ["entry_id", "category", "participant_name", "organization", "submitted_at"],
    ["A1", "Obsługa A", "Anna Nowak", "Alfa Sp. z o.o.", "2026-01-10"],
    ["A2", "Obsługa A", "Bartek Lis", "Beta SA", "2026-01-10"],
    ["A3", "Obsługa A", "Celina Wrona", "Gamma", "2026-01-10"],
    ["B1", "Obsługa B", "Dawid Sowa", "Delta", "2026-01-10"],
    ["B2", "Obsługa B", "Ewa Kos", "Epsilon", "2026-01-10"],
    ["B3", "Obsługa B", "Filip Zięba", "Zeta", "2026-01-10"],
]
JURORS = [
    ["juror_id", "juror_name", "organization", "former_organizations"],
    # Alfa until 2024: 2026 - 2024 = 2, inside the 2-year window (A1). Delta until 2023:
    # 3 years, outside it (B1 stays a plain evaluation), though inside the default 3.
    ["J1", "Jan Jeden", "Jury Org", "ALFA sp. z o.o.:2024|Delta:2023"],
    # BETA S.A. is Beta SA once legal forms are cut: same organization as A2.
    ["J2", "Jan Dwa", "BETA S.A.", ""],
    # Gamma until 2025 (A3); 'Epsilon 2020' has no colon, so no year: reported, ignored.
    ["J3", "Jan Trzy", "Jury Org", "Gamma:2025|Epsilon 2020"],
    ["J4", "Jan Cztery", "Jury Org", ""],
    ["J5", "Jan Pięć", "Jury Org", ""],
]
DECLARED = [
    list(CONFLICTS.columns),
    # line 2: an entry, scope entry.
    ["J4", "B2", "", "", "trainer", "entry", "trained her in 2025", "2026-01-05"],
    # line 3: a participant (Anna Nowak, A1), scope category: every entry of A.
    ["J5", "", "", "anna NOWAK", "personal", "category", "", ""],
    # line 4: an organization (Zeta, B3); scope left empty means entry.
    ["J4", "", "Zeta", "", "financial", "", "", ""],
    # lines 5-8 are not applied: no note for an opt_out, an unknown juror, two targets, and
    # a kind that is not one.
    ["J2", "A2", "", "", "opt_out", "entry", "", ""],
    ["J9", "B1", "", "", "professional", "entry", "", ""],
    ["J3", "B1", "Delta", "", "professional", "entry", "", ""],
    ["J3", "B1", "", "", "friendship", "entry", "", ""],
    # line 9: valid, but Omega has no entry: reported, harmless.
    ["J1", "", "Omega", "", "other", "entry", "board member", ""],
    # line 10: J1 and A1 are also former-employer conflicted; the declaration names it.
    ["J1", "A1", "", "", "professional", "entry", "", "2026-02-01"],
]
# Q by entry and juror; a juror missing from an entry did not score it.
SCORES = {
    "A1": {"J1": 9, "J2": 6, "J3": 5, "J4": 7, "J5": 8},
    "A2": {"J1": 5, "J2": 9, "J3": 6, "J4": 7, "J5": 4},
    "A3": {"J1": 6, "J3": 10, "J5": 7},
    "B1": {"J1": 5, "J2": 5, "J3": 5, "J4": 5, "J5": 5},
    "B2": {"J1": 6, "J2": 6, "J3": 6, "J4": 9, "J5": 6},
    "B3": {"J1": 6, "J2": 6, "J3": 6, "J4": 10, "J5": 6},
}
# (juror, entry) -> (conflict_source, conflict_kind).
EXPECTED_CONFLICTS = {
    ("J1", "A1"): ("declared", "professional"),
    ("J2", "A2"): ("detected", "same_organization"),
    ("J3", "A3"): ("detected", "former_employer"),
    ("J4", "B2"): ("declared", "trainer"),
    ("J4", "B3"): ("declared", "financial"),
    ("J5", "A1"): ("declared", "personal"),
    ("J5", "A2"): ("declared", "personal"),
    ("J5", "A3"): ("declared", "personal"),
}

# Deviations in points (2 x Q): the juror's total minus the mean total of the entry's other
# counted jurors without a conflict.
# A1: unconflicted J2, J3, J4 give 12, 10, 14 (mean 12). A2: J1, J3, J4 give 10, 12, 14
# (mean 12). A3: only J1 (12), who has no one to compare with. B2 and B3: everyone but J4
# gives 12.
CONFLICTED_DEVIATIONS = {
    ("J1", "A1"): 2 * 9 - (12 + 10 + 14) / 3,  # 6
    ("J5", "A1"): 2 * 8 - (12 + 10 + 14) / 3,  # 4
    ("J2", "A2"): 2 * 9 - (10 + 12 + 14) / 3,  # 6
    ("J5", "A2"): 2 * 4 - (10 + 12 + 14) / 3,  # -4
    ("J3", "A3"): 2 * 10 - 12,  # 8
    ("J5", "A3"): 2 * 7 - 12,  # 2
    ("J4", "B2"): 2 * 9 - 12,  # 6
    ("J4", "B3"): 2 * 10 - 12,  # 8
}
OTHER_DEVIATIONS = [
    12 - (10 + 14) / 2,  # A1 J2: 0
    10 - (12 + 14) / 2,  # A1 J3: -3
    14 - (12 + 10) / 2,  # A1 J4: 3
    10 - (12 + 14) / 2,  # A2 J1: -3
    12 - (10 + 14) / 2,  # A2 J3: 0
    14 - (10 + 12) / 2,  # A2 J4: 3
    *[0.0] * 5,  # B1: all five alike
    *[0.0] * 4,  # B2: J1, J2, J3, J5 alike
    *[0.0] * 4,  # B3: J1, J2, J3, J5 alike
]


def _csv(path: Path, rows: list[list]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _edition(root: Path, contest: str, policy: str) -> None:
    folder = root / f"{contest}-2026"
    catalog = folder / "catalog"
    _csv(
        catalog / "edition.csv",
        [["contest_name_pl", "contest_name_en"], ["Konkurs Konfliktów", "Conflict Contest"]],
    )
    _csv(
        catalog / "categories.csv",
        [
            ["category_code", "category_name_pl", "category_name_en"],
            ["A", "Obsługa A", "Service A"],
            ["B", "Obsługa B", "Service B"],
        ],
    )
    criterion = {
        "criterion_code": "Q",
        "criterion_name_pl": "Jakość",
        "criterion_name_en": "Quality",
    }
    criterion |= {"scale_min": "0", "scale_max": "10", "weight": "2"}
    _csv(
        catalog / "criteria.csv",
        [CATALOG_CRITERIA.columns, [criterion.get(c, "") for c in CATALOG_CRITERIA.columns]],
    )
    method = {"aggregation": "juror_totals", "total": "points", "normalization": "none"}
    method |= {"conflict_policy": policy, "min_evaluations": "2", "former_employer_years": "2"}
    _csv(
        catalog / "scoring.csv",
        [CATALOG_SCORING.columns, [method.get(c, "") for c in CATALOG_SCORING.columns]],
    )
    _csv(folder / "entries.csv", ENTRIES)
    _csv(folder / "jurors.csv", JURORS)
    _csv(folder / "conflicts.csv", DECLARED)
    scores = [["entry_id", "juror_id", "criterion_code", "score"]]
    for entry, by_juror in SCORES.items():
        scores += [[entry, juror, "Q", value] for juror, value in by_juror.items()]
    _csv(folder / "scores.csv", scores)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("conflicts_drop")
    for contest, policy in POLICIES.items():
        _edition(root, contest, policy)
    result = build_warehouse(root, tmp_path_factory.mktemp("conflicts_warehouse"))
    assert result.result.success
    with duckdb.connect(str(result.warehouse), read_only=True) as con:
        yield con


def _rows(con, sql: str, params=None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


@pytest.mark.parametrize("contest", POLICIES)
def test_each_score_row_carries_its_pairs_conflict(built, contest):
    rows = _rows(
        built,
        "select juror_id, entry_id, conflict_source, conflict_kind, is_excluded, exclusion_reason "
        "from marts.fct_scores where contest_code = ?",
        [contest],
    )
    assert len(rows) == sum(len(by_juror) for by_juror in SCORES.values())
    excluded = POLICIES[contest] == "exclude"
    for juror, entry, source, kind, is_excluded, reason in rows:
        conflict = EXPECTED_CONFLICTS.get((juror, entry))
        assert (source, kind) == (conflict or (None, None)), (juror, entry)
        if conflict and excluded:
            assert (is_excluded, reason) == (True, "conflict_of_interest"), (juror, entry)
        else:
            assert (is_excluded, reason) == (False, None), (juror, entry)


def test_jury_violations_name_source_kind_and_every_reason(built):
    violations = {
        (juror, entry): (source, kind, reason)
        for juror, entry, source, kind, reason in _rows(
            built,
            "select juror_id, entry_id, conflict_source, conflict_kind, reason "
            "from marts.fct_jury_violations "
            "where contest_code = 'KON' and rule_code = 'conflict_of_interest'",
        )
    }
    assert {pair: v[:2] for pair, v in violations.items()} == EXPECTED_CONFLICTS
    # The declaration names J1's conflict with A1; the former employer stays visible.
    reason = violations[("J1", "A1")][2]
    assert "declared professional about entry A1 (conflicts.csv line 10)" in reason
    assert "worked for ALFA sp. z o.o., the entrant's organization, until 2024" in reason
    assert reason.index("declared") < reason.index("worked for")
    assert "trained her in 2025" in violations[("J4", "B2")][2]
    assert "scope category A" in violations[("J5", "A3")][2]
    assert "until 2025" in violations[("J3", "A3")][2]
    assert "BETA S.A." in violations[("J2", "A2")][2]
    flagged = _rows(
        built,
        "select juror_id, entry_id, conflict_source, conflict_kind from marts.fct_jury_violations "
        "where contest_code = 'KOF' and rule_code like 'conflict_of_interest%'",
    )
    assert {(j, e): (s, k) for j, e, s, k in flagged} == EXPECTED_CONFLICTS
    assert not _rows(
        built,
        "select 1 from marts.fct_jury_violations "
        "where contest_code = 'KOF' and rule_code = 'conflict_of_interest'",
    )


def test_the_minimum_panel_is_checked_after_the_recusals(built):
    # A3 was scored by J1, J3 and J5; J3 (former employer) and J5 (category A) leave it.
    too_few = _rows(
        built,
        "select contest_code, entry_id from marts.fct_jury_violations "
        "where rule_code = 'too_few_jurors' order by all",
    )
    assert too_few == [("KON", "A3")]


def test_invalid_declarations_and_former_employers_are_reported(built):
    issues = {
        (table, row): (status, message)
        for table, row, status, message in _rows(
            built,
            "select source_table, source_row, status, message from marts.fct_ingest_issues "
            "where contest_code = 'KON' and source_table in ('jurors', 'conflicts')",
        )
    }
    assert {key: status for key, (status, _) in issues.items()} == {
        ("jurors", 4): "former_organization_malformed",
        ("conflicts", 5): "conflict_note_missing",
        ("conflicts", 6): "conflict_juror_unknown",
        ("conflicts", 7): "conflict_targets_several",
        ("conflicts", 8): "conflict_kind_unknown",
        ("conflicts", 9): "conflict_matches_no_entry",
    }
    assert "'Epsilon 2020'" in issues[("jurors", 4)][1]
    assert "no year" in issues[("jurors", 4)][1]
    assert "opt_out declaration needs a note" in issues[("conflicts", 5)][1]
    assert "juror J9 is not a juror of KON 2026" in issues[("conflicts", 6)][1]
    assert "more than one of entry_id, organization" in issues[("conflicts", 7)][1]
    assert "kind 'friendship' is not one of:" in issues[("conflicts", 8)][1]
    assert "trainer" in issues[("conflicts", 8)][1]
    assert "not applied" in issues[("conflicts", 8)][1]
    assert "organization 'Omega' has no entry in KON 2026" in issues[("conflicts", 9)][1]


@pytest.mark.parametrize("contest", POLICIES)
def test_conflict_bias_matches_the_hand_computed_deviations(built, contest):
    (row,) = _rows(
        built,
        "select conflict_policy, score_unit, conflicted_evaluations, mean_deviation, "
        "other_evaluations, other_mean_deviation from marts.fct_conflict_bias "
        "where contest_code = ? and edition_year = 2026",
        [contest],
    )
    policy, unit, conflicted, mean, others, other_mean = row
    assert (policy, unit) == (POLICIES[contest], "points")
    assert conflicted == len(CONFLICTED_DEVIATIONS) == 8
    assert mean == pytest.approx(sum(CONFLICTED_DEVIATIONS.values()) / 8)  # 36 / 8 = 4.5
    assert others == len(OTHER_DEVIATIONS) == 19
    assert other_mean == pytest.approx(sum(OTHER_DEVIATIONS) / 19, abs=1e-9)  # 0


def test_each_juror_has_their_own_conflict_deviation(built):
    severity = {
        juror: (count, deviation)
        for juror, count, deviation in _rows(
            built,
            "select juror_id, conflicted_evaluations, conflict_deviation "
            "from marts.fct_juror_severity where contest_code = 'KON'",
        )
    }
    for juror in ("J1", "J2", "J3", "J4", "J5"):
        own = [d for (j, _), d in CONFLICTED_DEVIATIONS.items() if j == juror]
        count, deviation = severity[juror]
        assert count == len(own), juror
        assert deviation == pytest.approx(sum(own) / len(own)), juror  # J5: (4 - 4 + 2) / 3
