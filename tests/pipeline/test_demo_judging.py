"""The demo's declared conflicts, former employers and organizer decisions do what the
generator meant them to (demo.judging plans them; its plan is the expectation).

The first tests read the generated drop folder only; the rest read the demo warehouse:
each declared conflict removes exactly its evaluations (category scope included), a recent
former employer is a conflict and an old one is not, each overturned or excepted violation
validates its entry unless another error remains, the disqualification invalidates with
DECISION_DISQUALIFIED and its reason, and the invalid rows are ingest issues, not applied.
"""

import csv
import re
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from demo.generate import generate
from demo.judging import (
    DISQUALIFIED_RULE,
    JUDGED_EDITION,
    WAIVING,
    JudgingPlan,
    demo_judging_plan,
)
from demo.records import DemoDropFolder
from ingest.contract import CONFLICTS, DECISIONS, JURORS

SEEDS = Path(__file__).parents[2] / "dbt_project" / "seeds"
CONTEST, YEAR = JUDGED_EDITION.split("-")[0], int(JUDGED_EDITION.split("-")[1])
Pair = tuple[str, str]


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _allowed(file_name: str, column: str) -> set[str]:
    return {
        row["value"]
        for row in _read_csv(SEEDS / "rules" / "catalog_allowed_values.csv")
        if row["file_name"] == file_name and row["column_name"] == column
    }


def _former_employer_years() -> int:
    (row,) = [
        row
        for row in _read_csv(SEEDS / "scoring" / "scoring_methods.csv")
        if row["contest_code"] == CONTEST and row["edition_year"] == str(YEAR)
    ]
    return int(row["former_employer_years"])


@pytest.fixture(scope="module")
def plan(demo_generated: DemoDropFolder) -> JudgingPlan:
    return demo_judging_plan(demo_generated)


@pytest.fixture(scope="module")
def edition_folder(demo_generated: DemoDropFolder) -> Path:
    return demo_generated.target / JUDGED_EDITION


def test_every_kind_scope_target_and_decision_is_exercised(plan):
    valid = [c for c in plan.conflicts if not c.problem]
    assert {c.kind for c in valid} == _allowed("conflicts.csv", "kind")
    assert {c.scope for c in valid} == _allowed("conflicts.csv", "scope")
    for target in ("entry_id", "organization", "participant_name"):
        assert [c for c in valid if getattr(c, target)], target
    assert all(c.removes for c in valid)
    applied = [d for d in plan.decisions if d.is_applied]
    assert {d.decision for d in applied} == _allowed("decisions.csv", "decision")
    assert len([c for c in plan.conflicts if c.problem]) == 2
    assert len([d for d in plan.decisions if d.problem]) == 3


def test_the_judging_guide_lists_exactly_the_allowed_values():
    guide = (Path(__file__).parents[2] / "docs" / "judging.md").read_text(encoding="utf-8")
    listed = set(re.findall(r"^\| `([a-z_]+\.csv)` \| `(\w+)` \| `(\w+)` \|", guide, re.M))
    seeded = {
        (row["file_name"], row["column_name"], row["value"])
        for row in _read_csv(SEEDS / "rules" / "catalog_allowed_values.csv")
        if row["file_name"] in (*CONFLICTS.file_names, *DECISIONS.file_names)
    }
    assert seeded and listed == seeded


def test_judging_files_hold_the_plan(plan, edition_folder):
    conflicts = _read_csv(edition_folder / "conflicts.csv")
    assert list(conflicts[0]) == list(CONFLICTS.columns)
    assert [list(row.values()) for row in conflicts] == [c.row() for c in plan.conflicts]
    assert [c.line for c in plan.conflicts] == list(range(2, len(conflicts) + 2))
    decisions = _read_csv(edition_folder / "decisions.csv")
    assert list(decisions[0]) == list(DECISIONS.columns)
    assert [list(row.values()) for row in decisions] == [d.row() for d in plan.decisions]
    assert [d.line for d in plan.decisions] == list(range(2, len(decisions) + 2))
    jurors = _read_csv(edition_folder / "jurors.csv")
    assert list(jurors[0]) == list(JURORS.columns)


def test_planned_conflicts_are_scored_and_apart(plan, edition_folder):
    scored = {(r["entry_id"], r["juror_id"]) for r in _read_csv(edition_folder / "scores.csv")}
    sets = [c.removes for c in plan.conflicts if not c.problem]
    sets += [plan.same_organization, plan.former_employer, plan.old_employer]
    assert all(pairs and pairs <= scored for pairs in sets)
    every = [pair for pairs in sets for pair in pairs]
    assert len(every) == len(set(every)), "an evaluation planned twice"
    assert not set(every) & plan.spoiled
    assert not {entry_id for entry_id, _ in every} & plan.unscored_entries
    category_rows = [c for c in plan.conflicts if c.scope == "category" and not c.problem]
    assert any(len({entry for entry, _ in c.removes}) > 1 for c in category_rows)


def test_the_former_employers_lie_either_side_of_the_window(edition_folder):
    window = _former_employer_years()
    years = [
        int(part.rsplit(":", 1)[1])
        for row in _read_csv(edition_folder / "jurors.csv")
        for part in filter(None, row["former_organizations"].split("|"))
        if part.rsplit(":", 1)[1].isdigit()
    ]
    assert sorted(YEAR - year <= window for year in years) == [False, True]


def test_decisions_validate_and_invalidate_as_planned(plan):
    changed = {(d.decision, d.valid_before, d.valid_after) for d in plan.decisions if d.is_applied}
    assert ("overturned", False, True) in changed
    assert ("overturned", False, False) in changed, "an overturned error with another left"
    assert ("exception_granted", False, True) in changed
    assert ("disqualified", True, False) in changed
    assert {d.problem for d in plan.decisions if d.problem} == {
        "a decision without a reason",
        "an entry the edition does not have",
        "a rule the entry does not break",
    }


def test_judging_files_are_the_same_for_the_same_seed(tmp_path, edition_folder):
    again = generate(tmp_path / "demo", seed=7, scale=1, short_media=True).target
    for name in ("conflicts.csv", "decisions.csv", "jurors.csv"):
        assert (again / JUDGED_EDITION / name).read_bytes() == (edition_folder / name).read_bytes()


# --- the warehouse -----------------------------------------------------------------------


def _fetch(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return con.execute(sql, params or []).fetchall()


def _edition_rows(warehouse: Path, sql: str) -> list[tuple]:
    """Rows of a query whose `{edition}` stands for the judged edition's condition."""
    condition = "contest_code = ? and edition_year = ?"
    return _fetch(warehouse, sql.format(edition=condition), [CONTEST, YEAR])


def _counted(plan: JudgingPlan, pair: Pair) -> bool:
    """Whether a conflict decides this evaluation's fate (not a spoiled or unscored one)."""
    return pair not in plan.spoiled and pair[0] not in plan.unscored_entries


@pytest.fixture(scope="module")
def conflicted_scores(demo_warehouse, plan) -> dict[Pair, set[tuple]]:
    """(entry, juror) -> the set of (source, kind, is_excluded, exclusion_reason) of its
    score rows, for every evaluation fct_scores marks as conflicted."""
    found: dict[Pair, set[tuple]] = defaultdict(set)
    for entry_id, juror_id, *rest in _edition_rows(
        demo_warehouse.warehouse,
        "select entry_id, juror_id, conflict_source, conflict_kind, is_excluded, "
        "exclusion_reason from marts.fct_scores where conflict_source is not null and {edition}",
    ):
        if _counted(plan, (entry_id, juror_id)):
            found[entry_id, juror_id].add(tuple(rest))
    return found


def test_each_declared_conflict_removes_exactly_its_scores(plan, conflicted_scores):
    expected = {
        pair: {("declared", conflict.kind, True, "conflict_of_interest")}
        for conflict in plan.conflicts
        for pair in conflict.removes
    }
    declared = {
        pair: rows
        for pair, rows in conflicted_scores.items()
        if ("declared" in {r[0] for r in rows})
    }
    assert declared == expected


def test_detected_conflicts_name_their_kind(plan, conflicted_scores):
    detected = {
        pair: rows for pair, rows in conflicted_scores.items() if pair not in plan.declared_removals
    }
    expected = {pair: {("detected", "same_organization", True, "conflict_of_interest")}
                for pair in plan.same_organization}  # fmt: skip
    expected |= {pair: {("detected", "former_employer", True, "conflict_of_interest")}
                 for pair in plan.former_employer}  # fmt: skip
    assert detected == expected
    assert not plan.old_employer & set(conflicted_scores), "a former employer left long ago"


def test_jury_violations_name_source_and_kind(demo_warehouse, plan):
    found = {
        (entry_id, juror_id): (source, kind)
        for entry_id, juror_id, source, kind in _edition_rows(
            demo_warehouse.warehouse,
            "select entry_id, juror_id, conflict_source, conflict_kind "
            "from marts.fct_jury_violations where rule_code = 'conflict_of_interest' and {edition}",
        )
        if _counted(plan, (entry_id, juror_id))
    }
    expected = {pair: ("declared", c.kind) for c in plan.conflicts for pair in c.removes}
    expected |= {pair: ("detected", "same_organization") for pair in plan.same_organization}
    expected |= {pair: ("detected", "former_employer") for pair in plan.former_employer}
    assert found == expected


def test_decisions_set_validity_and_are_kept_with_it(demo_warehouse, plan):
    warehouse = demo_warehouse.warehouse
    validity = dict(
        _edition_rows(
            warehouse,
            "select entry_id, bool_and(is_formally_valid) from marts.fct_entries "
            "where {edition} group by entry_id",
        )
    )
    kept = {
        row[0]: row[1:]
        for row in _edition_rows(
            warehouse,
            "select decision_id, entry_id, is_applied, not_applied_reason, "
            "was_formally_valid, is_formally_valid from marts.fct_decisions where {edition}",
        )
    }
    assert set(kept) == {d.decision_id for d in plan.decisions}
    for decision in plan.decisions:
        entry_id, applied, why_not, before, after = kept[decision.decision_id]
        assert entry_id == decision.entry_id
        assert applied is decision.is_applied, decision
        assert (why_not is None) is decision.is_applied, decision
        if decision.valid_before is not None:
            assert (before, after) == (decision.valid_before, decision.valid_after), decision
            assert validity[decision.entry_id] is decision.valid_after, decision


def test_waived_violations_stay_on_record_with_their_decision(demo_warehouse, plan):
    rows = _edition_rows(
        demo_warehouse.warehouse,
        "select entry_id, rule_code, decision_id, decision, decision_reason, is_waived "
        "from marts.fct_violations where {edition}",
    )
    by_subject: dict[tuple[str, str], set[tuple]] = defaultdict(set)
    for entry_id, rule_code, *rest in rows:
        by_subject[entry_id, rule_code].add(tuple(rest))
    for d in plan.decisions:
        if d.subject == "result" or d.valid_before is None or d.problem:
            continue
        waived = d.decision in WAIVING
        assert by_subject[d.entry_id, d.subject] == {
            (d.decision_id, d.decision, d.reason, waived)
        }, d
    unapplied = [d for d in plan.decisions if d.problem and (d.entry_id, d.subject) in by_subject]
    assert unapplied, "an unapplied decision about a real violation"
    for d in unapplied:
        assert all(not waived for *_, waived in by_subject[d.entry_id, d.subject]), d
        assert d.decision_id not in {r[0] for r in by_subject[d.entry_id, d.subject]}, d


def test_the_disqualification_invalidates_with_its_reason(demo_warehouse, plan):
    (disqualified,) = [d for d in plan.decisions if d.decision == "disqualified"]
    rows = _edition_rows(
        demo_warehouse.warehouse,
        "select entry_id, severity, message_pl, message_en from marts.fct_violations "
        f"where rule_code = '{DISQUALIFIED_RULE}' and {{edition}}",
    )
    assert rows == [(disqualified.entry_id, "error", disqualified.reason, disqualified.reason)]
    ((rank_before, rank_after),) = _edition_rows(
        demo_warehouse.warehouse,
        "select rank_before, rank_after from marts.fct_decisions "
        f"where decision_id = '{disqualified.decision_id}' and {{edition}}",
    )
    assert rank_before is not None and rank_after is None


def test_invalid_rows_are_ingest_issues(demo_warehouse, plan):
    issues = defaultdict(set)
    for table, source_file, line, message in _edition_rows(
        demo_warehouse.warehouse,
        "select source_table, source_file, source_row, message from marts.fct_ingest_issues "
        "where source_table in ('conflicts', 'decisions', 'jurors') and {edition}",
    ):
        assert message
        issues[table].add((source_file, line))
    folder = JUDGED_EDITION
    assert issues["conflicts"] == {
        (f"{folder}/conflicts.csv", c.line) for c in plan.conflicts if c.problem
    }
    assert issues["decisions"] == {
        (f"{folder}/decisions.csv", d.line) for d in plan.decisions if d.problem
    }
    assert issues["jurors"] == {
        (f"{folder}/jurors.csv", line) for line in plan.malformed_former_lines
    }
