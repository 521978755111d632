"""Categories with identical limits share one expectation, and find exactly what one each would.

Planning is checked without Great Expectations. The results are checked with the real GX on
the fixture tables of test_expectations_rules (every rule, stored in an in-memory DuckDB),
plus three categories of their own: two with the same limits under different names, one
with other limits. The same frames are validated twice, with the shared expectations and
with one expectation per category, and the two runs must agree row for row.
"""

import dataclasses
from collections import Counter

import pytest

from expectations.rules import plan_expectations
from expectations.runner import validate
from tests.unit.test_expectations_rules import (
    BOOK,
    CASES,
    CATALOG,
    ENTRIES,
    FILES,
    PCCA_2026_SALES,
    fixture_frames,
)

INTERACTIONS = "PCCA_INTERACTIONS_PER_CASE"
DIRECTION = "PCCA_CONTACT_DIRECTION"


def _category(code: str, name_pl: str, name_en: str, **limits) -> dict:
    return {
        **PCCA_2026_SALES,
        "category_key": f"PCCA-2026-{code}",
        "category_code": code,
        "category_name_pl": name_pl,
        "category_name_en": name_en,
        **limits,
    }


# ALPHA and BETA set the same limits; GAMMA allows one more interaction per case.
ALPHA = _category("ALFA", "Alfa", "Alpha", max_interactions_per_case=2)
BETA = _category("BETA", "Beta", "Beta in English", max_interactions_per_case=2)
GAMMA = _category("GAMMA", "Gamma", "Gamma in English", max_interactions_per_case=3)
OWN = (ALPHA, BETA, GAMMA)
OWN_CASES = [
    {
        **CASES[0],
        "entry_row_key": f"{category['category_code'].lower()}-{count}",
        "entry_id": f"{category['category_code'].lower()}-{count}",
        "category_key": category["category_key"],
        "interaction_count": count,
        "direction": direction,
    }
    for category in OWN
    for count, direction in ((2, "IN"), (3, "OUT"), (1, "BOTH"))
]


def _planned(rule_code: str, catalog: list[dict], grouped: bool = True) -> list:
    return [p for p in plan_expectations(BOOK, catalog, grouped) if p.rule.rule_code == rule_code]


def _keys(*categories: dict) -> tuple[str, ...]:
    return tuple(c["category_key"] for c in categories)


def test_categories_with_the_same_limits_share_one_expectation():
    (shared,) = _planned(INTERACTIONS, [ALPHA, BETA])
    assert shared.category_keys == _keys(ALPHA, BETA)
    assert shared.kwargs == {"max_value": 2}


def test_categories_with_other_limits_get_an_expectation_each():
    planned = _planned(INTERACTIONS, [ALPHA, GAMMA, BETA])
    assert [(p.category_keys, dict(p.kwargs)) for p in planned] == [
        (_keys(ALPHA, BETA), {"max_value": 2}),
        (_keys(GAMMA), {"max_value": 3}),
    ]


def test_limits_are_shared_only_when_they_read_the_same():
    # The same directions in another order would be listed differently in the messages.
    in_out = _category("IN_OUT", "A", "A", directions=["IN", "OUT"])
    out_in = _category("OUT_IN", "B", "B", directions=["OUT", "IN"])
    assert len(_planned(DIRECTION, [in_out, out_in])) == 2
    # 2 and 2.0 are one limit (whole floats are read as int), True and 1 are not.
    two = _category("TWO", "C", "C", max_interactions_per_case=2.0)
    true = _category("TRUE", "D", "D", max_interactions_per_case=True)
    assert [p.category_keys for p in _planned(INTERACTIONS, [ALPHA, two, true])] == [
        _keys(ALPHA, two),
        _keys(true),
    ]


def test_ungrouped_planning_gives_one_expectation_per_category():
    planned = _planned(INTERACTIONS, [ALPHA, BETA], grouped=False)
    assert [p.category_keys for p in planned] == [_keys(ALPHA), _keys(BETA)]


def test_the_fixture_catalog_shares_expectations():
    catalog = [*CATALOG, *OWN]
    assert len(plan_expectations(BOOK, catalog)) < len(plan_expectations(BOOK, catalog, False))


@pytest.fixture(scope="module")
def runs():
    """The fixture tables validated with shared expectations, then with one per category."""
    catalog = [*CATALOG, *OWN]
    frames = fixture_frames({"entries": ENTRIES, "cases": [*CASES, *OWN_CASES], "files": FILES})
    grouped = validate(BOOK, plan_expectations(BOOK, catalog), frames)
    ungrouped = validate(BOOK, plan_expectations(BOOK, catalog, grouped=False), frames)
    return grouped, ungrouped


def test_shared_expectations_find_exactly_the_violations_of_one_per_category(runs):
    grouped, ungrouped = runs
    assert ungrouped.violations
    assert Counter(grouped.violations) == Counter(ungrouped.violations)


def test_outcomes_per_category_are_those_of_one_expectation_per_category(runs):
    grouped, ungrouped = runs

    def comparable(run):
        return Counter(dataclasses.replace(o, expectation_no=0) for o in run.outcomes)

    assert comparable(grouped) == comparable(ungrouped)
    assert len({o.expectation_no for o in grouped.outcomes}) < len(grouped.outcomes)
    assert not any(o.exception for o in grouped.outcomes)


def test_a_shared_expectation_reads_each_row_with_its_own_category(runs):
    grouped, _ = runs
    failing = {v.entry_row_key: v for v in grouped.violations if v.rule_code == INTERACTIONS}
    assert {"alfa-3", "beta-3"} <= set(failing)
    assert not {"alfa-2", "beta-2", "gamma-3"} & set(failing)
    alpha, beta = failing["alfa-3"], failing["beta-3"]
    assert (alpha.category_key, beta.category_key) == _keys(ALPHA, BETA)
    assert "kategoria „Alfa” dopuszcza najwyżej 2" in alpha.message_pl
    assert "category “Alpha” allows at most 2" in alpha.message_en
    assert "kategoria „Beta” dopuszcza najwyżej 2" in beta.message_pl
    assert "category “Beta in English” allows at most 2" in beta.message_en
    (shared,) = {
        o.expectation_no
        for o in grouped.outcomes
        if o.rule_code == INTERACTIONS and o.category_key in _keys(ALPHA, BETA)
    }
    counts = {
        o.category_key: (o.element_count, o.unexpected_count, o.success)
        for o in grouped.outcomes
        if o.expectation_no == shared
    }
    assert counts[ALPHA["category_key"]] == counts[BETA["category_key"]] == (3, 1, False)
