"""How a failing row reads: observed and limit values as text, and the two messages."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from expectations.rules import CATEGORY_COLUMN, PlannedExpectation, plain

MISSING_VALUE = "—"


@dataclass(frozen=True)
class Reading:
    """A failing row in words and numbers."""

    observed_value: str
    limit_value: str
    observed_number: float | None
    limit_number: float | None
    minutes_over: int | None
    message_pl: str
    message_en: str


def clock(seconds: float) -> str:
    """Whole seconds as m:ss (1201 -> '20:01'), as a player shows a recording's length."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def _text(value: Any, as_duration: bool) -> str:
    value = plain(value)
    if value is None or value == "":
        return MISSING_VALUE
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if as_duration and isinstance(value, int | float):
        return clock(value)
    return str(value)


def _number(value: Any) -> float | None:
    value = plain(value)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def read_failure(planned: PlannedExpectation, row: Mapping[str, Any]) -> Reading:
    """Render one failing row (the GX unexpected index entry) with its rule's templates.

    The category's names and limits in the message are those of the row's own category
    (its `category_key`), whichever categories share the expectation.
    """
    rule = planned.rule
    category = planned.category_of(row.get(CATEGORY_COLUMN))
    raw_observed = row.get(rule.observed) if rule.observed else row.get(rule.column)
    as_duration = rule.format == "duration"
    observed_number, limit_number = _number(raw_observed), _number(planned.limit)
    over = minutes_over = None
    if as_duration and observed_number is not None and limit_number is not None:
        excess = observed_number - limit_number
        over, minutes_over = clock(excess), math.ceil(excess / 60)
    context = {
        **{k: _text(v, False) for k, v in category.items()},
        **{k: _text(v, False) for k, v in row.items()},
        "observed": Counted(_text(raw_observed, as_duration)),
        "limit": Counted(_text(planned.limit, as_duration)),
        "over": over or MISSING_VALUE,
        "minutes_over": MISSING_VALUE if minutes_over is None else str(minutes_over),
    }
    return Reading(
        observed_value=str(context["observed"]),
        limit_value=str(context["limit"]),
        observed_number=observed_number,
        limit_number=limit_number,
        minutes_over=minutes_over,
        message_pl=rule.message_pl.format_map(_Defaulting(context)),
        message_en=rule.message_en.format_map(_Defaulting(context)),
    )


class Counted(str):
    """A value that can name what it counts in the grammatical number it needs.

    In a template, `{observed:sprawę|sprawy|spraw}` reads '1 sprawę', '3 sprawy', '5 spraw',
    '22 sprawy' (Polish: one, few, many) and `{observed:case|cases}` reads '1 case', '2 cases'.
    Without a spec, or for a value that is not a whole number, it reads as itself (a
    non-number takes the last form).
    """

    def __format__(self, spec: str) -> str:
        if not spec:
            return str(self)
        forms = spec.split("|")
        return f"{self} {forms[_form_index(str(self), len(forms))]}"


def _form_index(text: str, forms: int) -> int:
    if not text.isdigit():
        return forms - 1
    n = int(text)
    if n == 1:
        return 0
    if forms == 2:
        return 1
    few = n % 10 in (2, 3, 4) and n % 100 not in (12, 13, 14)
    return 1 if few else 2


class _Defaulting(dict):
    """A template field with no value reads as a dash instead of failing the run."""

    def __missing__(self, key: str) -> str:
        return MISSING_VALUE
