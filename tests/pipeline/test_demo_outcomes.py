"""Every demo entry gets the validity and surcharge its generator meant it to have.

The generator knows which rule each entry breaks, which of its files it damaged and how
long each call it wrote lasts; the warehouse knows only the files. The duration limit of
each category and its scope are read from the rules seed, which the source documents fix.
A few entries' validity is the organizer's decision instead (demo.judging: an overturned
violation, a disqualification), which the generator also knows.
"""

import csv
from collections import defaultdict

import duckdb
import pytest

from demo.judging import DISQUALIFIED_RULE, demo_decided_validity
from demo.limits import RULES_SEEDS
from demo.records import DemoDropFolder, DemoEntry

# The rule a deliberate break must raise; a tuple when either of them is right.
BREAK_RULES: dict[str, tuple[str, ...]] = {
    "missing_case": ("PCCA_CASES_PER_ENTRY",),
    "extra_case": ("PCCA_CASES_PER_ENTRY",),
    "too_many_interactions": ("PCCA_INTERACTIONS_PER_CASE",),
    "wrong_format": ("PCCA_FILE_FORMAT",),
    "unknown_category": ("CATEGORY_UNKNOWN",),
    "duplicate_entry": ("ENTRY_ID_DUPLICATE",),
    "wrong_direction": ("PCCA_CONTACT_DIRECTION", "PCCA_CLIENT_TYPE"),
    "missing_file": ("FILE_MISSING",),
    "essay_too_long": ("IBA_ESSAY_LENGTH",),
    "too_many_links": ("IBA_LINKS",),
    "summary_too_many_bullets": ("IBA_SUMMARY_BULLETS",),
    "video_too_long": ("IBA_VIDEO_LENGTH",),
    "too_many_attachments": ("IBA_ATTACHMENTS",),
    "achievements_before_2024": ("IBA_ACHIEVEMENTS_SINCE",),
    "rewin_not_updated": ("IBA_REENTRY_WON_CATEGORY",),
}
DEFECT_RULES: dict[str, tuple[str, ...]] = {
    "truncated": ("FILE_TRUNCATED",),
    "empty": ("FILE_EMPTY",),
    "mislabelled": (),
}
# Errors that follow from a break by the documents' own logic, allowed beside it.
CONSEQUENCES: dict[str, set[str]] = {
    "missing_file": {"PCCA_CASE_WITHOUT_FILES"},
    "empty": {"PCCA_CASE_WITHOUT_FILES"},
    "truncated": {"PCCA_CASE_WITHOUT_FILES"},
}


def _duration_limits() -> dict[tuple[int, str], tuple[str, int | None]]:
    """(edition year, official Polish category name) -> ('recording' or 'case', the limit in
    seconds); ('', None) where no recording is involved."""
    with (RULES_SEEDS / "categories.csv").open(encoding="utf-8") as handle:
        names = {
            (row["edition_year"], row["category_code"]): row["category_name_pl"]
            for row in csv.DictReader(handle)
            if row["contest_code"] == "PCCA"
        }
    with (RULES_SEEDS / "category_technical_limits.csv").open(encoding="utf-8") as handle:
        return {
            (int(row["edition_year"]), names[row["edition_year"], row["category_code"]]): (
                row["duration_limit_scope"],
                int(row["duration_limit_seconds"]) if row["duration_limit_seconds"] else None,
            )
            for row in csv.DictReader(handle)
            if row["contest_code"] == "PCCA"
        }


def _expected_surcharge(entry: DemoEntry, scope: str, limit: int | None) -> bool:
    if limit is None:
        return False
    if scope == "recording":
        return any(seconds > limit for _, seconds in entry.calls)
    per_case: dict[int, int] = defaultdict(int)
    for case_no, seconds in entry.calls:
        per_case[case_no] += seconds
    return any(total > limit for total in per_case.values())


@pytest.fixture(scope="module")
def outcomes(demo_warehouse) -> dict[tuple[str, str], dict]:
    """(edition folder, entry id) -> validity, surcharge and error rule codes in the warehouse."""
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        entries = con.execute(
            "select contest_code || '-' || edition_year as edition, entry_id, "
            "bool_and(is_formally_valid) as valid, bool_or(surcharge_due) as surcharge "
            "from marts.fct_entries group by all"
        ).fetchall()
        errors = con.execute(
            "select contest_code || '-' || edition_year as edition, entry_id, rule_code "
            "from marts.fct_violations where severity = 'error'"
        ).fetchall()
    found = {
        (edition, entry_id): {"valid": valid, "surcharge": surcharge, "errors": set()}
        for edition, entry_id, valid, surcharge in entries
    }
    for edition, entry_id, rule_code in errors:
        found[edition, entry_id]["errors"].add(rule_code)
    return found


def _demo_entries(demo_generated: DemoDropFolder) -> list[DemoEntry]:
    return [entry for entries in demo_generated.entries.values() for entry in entries]


def test_every_demo_entry_reaches_the_warehouse(demo_generated, outcomes):
    meant = {(entry.edition, entry.entry_id) for entry in _demo_entries(demo_generated)}
    assert meant == set(outcomes)


def test_validity_is_what_the_generator_meant(demo_generated, outcomes):
    wrong = []
    decided = demo_decided_validity(demo_generated)
    for entry in _demo_entries(demo_generated):
        got = outcomes[entry.edition, entry.entry_id]
        reasons = [*entry.rule_breaks, *entry.file_defects]
        required = [BREAK_RULES.get(r) or DEFECT_RULES[r] for r in reasons]
        required = [rules for rules in required if rules]
        allowed = set().union(*(CONSEQUENCES.get(r, set()) for r in reasons), *required)
        # A waived violation stays on record; a disqualification adds one.
        expected_valid = decided.get((entry.edition, entry.entry_id), not required)
        if not expected_valid and not required:
            allowed.add(DISQUALIFIED_RULE)
        if (
            got["valid"] != expected_valid
            or any(not got["errors"] & set(rules) for rules in required)
            or got["errors"] - allowed
        ):
            wrong.append((entry.edition, entry.entry_id, reasons, sorted(got["errors"])))
    assert not wrong, f"entries whose errors differ from the generator's intent: {wrong}"


def test_a_deliberate_break_of_every_kind_is_exercised(demo_generated):
    """The demo is the acceptance fixture: it must break rules, not just pass them."""
    kinds = {r for entry in _demo_entries(demo_generated) for r in entry.rule_breaks}
    defects = {d for entry in _demo_entries(demo_generated) for d in entry.file_defects}
    assert len(kinds) >= 8
    assert {"truncated", "empty", "mislabelled"} <= defects


def test_surcharge_is_due_exactly_for_calls_over_the_duration_limit(demo_generated, outcomes):
    limits = _duration_limits()
    checked, wrong, case_surcharges = 0, [], 0
    for entry in _demo_entries(demo_generated):
        scope_and_limit = limits.get((int(entry.edition[-4:]), entry.category))
        # A damaged file's measured length is not the length written; nothing to compare.
        if scope_and_limit is None or entry.file_defects:
            continue
        checked += 1
        expected = _expected_surcharge(entry, *scope_and_limit)
        case_surcharges += expected and scope_and_limit[0] == "case"
        if outcomes[entry.edition, entry.entry_id]["surcharge"] != expected:
            wrong.append((entry.edition, entry.entry_id, scope_and_limit, entry.calls))
    assert checked > 40
    assert case_surcharges > 0, "the demo must hold a call sequence over its limit"
    assert not wrong, f"surcharge differs from the calls written: {wrong}"


def test_files_of_a_withdrawn_entry_are_reported_not_dropped(demo_generated, demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        reported = con.execute(
            "select contest_code || '-' || edition_year, entry_id, message "
            "from marts.fct_ingest_issues where status = 'unknown_entry'"
        ).fetchall()
    meant = {(edition, entry_id) for edition, ids in demo_generated.unattributed.items()
             for entry_id in ids}  # fmt: skip
    assert meant and {(edition, entry_id) for edition, entry_id, _ in reported} == meant
    assert all(entry_id in message for _, entry_id, message in reported)
