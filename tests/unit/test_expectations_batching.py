"""Each measurement table is validated once, with every rule and category it has.

Checked with the real GX on the fixture tables of test_expectations_rules: the run makes one
validation per table; a rule shared by more categories than the row condition lists (a group
column names them) finds exactly the rows one expectation per category finds, with the same
outcomes; and a failing row's columns are those of the row GX judged, whatever the frame's
index was.
"""

import dataclasses
from collections import Counter

import pytest

from expectations import runner
from expectations.rules import plan_expectations
from expectations.runner import validate
from tests.unit.test_expectations_grouping import INTERACTIONS, OWN, OWN_CASES, _category
from tests.unit.test_expectations_rules import BOOK, CASES, CATALOG, ENTRIES, FILES, fixture_frames

# A row condition lists at most LISTED categories here (runner.LISTED_CATEGORIES in production):
# a group column is then needed with a handful of categories, and the comparison with one
# expectation per category costs seconds where fifty categories cost a minute.
LISTED = 4
# More categories with the same limit (at most 2 interactions per case) than a row condition
# lists, each with a case of 2 interactions (passes) and one of 3 (fails).
MANY = [
    _category(f"MANY{n:03d}", f"Wiele {n}", f"Many {n}", max_interactions_per_case=2)
    for n in range(LISTED + 3)
]
MANY_CASES = [
    {
        **CASES[0],
        "entry_row_key": f"{category['category_code'].lower()}-{count}",
        "entry_id": f"{category['category_code'].lower()}-{count}",
        "category_key": category["category_key"],
        "interaction_count": count,
    }
    for category in MANY
    for count in (2, 3)
]
CATALOG_WITH_MANY = [*CATALOG, *OWN, *MANY]
ROWS = {"entries": ENTRIES, "cases": [*CASES, *OWN_CASES, *MANY_CASES], "files": FILES}


def _shared(planned):
    (shared,) = [
        p
        for p in planned
        if p.rule.rule_code == INTERACTIONS and MANY[0]["category_key"] in p.category_keys
    ]
    return shared


@pytest.fixture(scope="module", autouse=True)
def short_category_lists():
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "LISTED_CATEGORIES", LISTED)
        yield


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The tables validated with shared expectations (and Data Docs), then one per category."""
    docs = tmp_path_factory.mktemp("gx") / "data_docs"
    frames = fixture_frames(ROWS)
    grouped = validate(BOOK, plan_expectations(BOOK, CATALOG_WITH_MANY), frames, docs)
    ungrouped = validate(BOOK, plan_expectations(BOOK, CATALOG_WITH_MANY, grouped=False), frames)
    return grouped, ungrouped


def test_the_many_categories_share_one_expectation_too_long_to_list():
    shared = _shared(plan_expectations(BOOK, CATALOG_WITH_MANY))
    assert len(shared.category_keys) > LISTED
    assert {c["category_key"] for c in MANY} <= set(shared.category_keys)


def test_each_measurement_table_is_one_validation(runs):
    grouped, _ = runs
    pages = sorted(grouped.docs_index.parent.glob("validations/**/*.html"))
    assert [page.parent.parent.parent.name for page in pages] == [
        "podium_cases",
        "podium_entries",
        "podium_files",
    ]


def test_data_docs_name_the_group_column_of_a_long_category_list(runs):
    grouped, _ = runs
    (page,) = grouped.docs_index.parent.glob("validations/podium_cases/**/*.html")
    text = page.read_text()
    assert f"{INTERACTIONS.lower()}__group" in text
    # A short list is still written out: GAMMA, alone with its limits, by its key.
    assert OWN[2]["category_key"] in text


def test_a_group_column_finds_exactly_the_rows_of_one_expectation_per_category(runs):
    grouped, ungrouped = runs
    failing = {v.entry_row_key for v in grouped.violations if v.rule_code == INTERACTIONS} & {
        case["entry_row_key"] for case in MANY_CASES
    }
    assert failing == {f"{c['category_code'].lower()}-3" for c in MANY}
    assert Counter(grouped.violations) == Counter(ungrouped.violations)


def test_a_group_column_gives_the_outcomes_of_one_expectation_per_category(runs):
    grouped, ungrouped = runs

    def comparable(run):
        return Counter(dataclasses.replace(o, expectation_no=0) for o in run.outcomes)

    assert comparable(grouped) == comparable(ungrouped)
    assert not any(o.exception for o in grouped.outcomes)
    many = {c["category_key"] for c in MANY}
    counts = {
        (o.element_count, o.unexpected_count, o.success)
        for o in grouped.outcomes
        if o.rule_code == INTERACTIONS and o.category_key in many
    }
    assert counts == {(2, 1, False)}


def test_a_message_reads_the_failing_row_whatever_the_frame_index(runs):
    grouped, _ = runs
    # Rows reversed, every one labelled 0: a failing row is still the row GX judged, read once.
    frames = {
        name: frame.iloc[::-1].set_axis([0] * len(frame))
        for name, frame in fixture_frames(ROWS).items()
    }
    reindexed = validate(BOOK, plan_expectations(BOOK, CATALOG_WITH_MANY), frames)
    assert Counter(reindexed.violations) == Counter(grouped.violations)
