"""The rules file (rules.yml) and the expectations it plans from the categories catalog.

Nothing here imports Great Expectations: planning is plain data, so it is cheap to load
(Dagster reads the rule codes at import time) and easy to inspect.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

RULES_FILE = Path(__file__).with_name("rules.yml")

SEVERITIES = ("error", "warning")
EXPECTATIONS = ("between", "in_set", "not_in_set", "not_null")
SCOPES = ("all", "category")
# The column of every measurement table naming the row's category (marts.dim_category key).
CATEGORY_COLUMN = "category_key"
# Expectation kinds that judge each row on its own (GX column map expectations): one such
# expectation over the rows of several categories fails on the union of their failing rows.
ROW_WISE = frozenset(EXPECTATIONS)


@dataclass(frozen=True)
class TableSpec:
    """A measurement table: the dbt model, the columns that key a row, the message context."""

    name: str
    model: str
    key: tuple[str, ...]
    context: tuple[str, ...]

    @property
    def index_columns(self) -> list[str]:
        """Every column GX returns for each failing row (key first, then context)."""
        return list(dict.fromkeys([*self.key, *self.context]))


@dataclass(frozen=True)
class Rule:
    """One kind of formal rule: a GX expectation on one column of one measurement table."""

    rule_code: str
    severity: str
    scope: str
    table: str
    column: str
    expectation: str
    message_pl: str
    message_en: str
    title_pl: str
    title_en: str
    params: Mapping[str, Any] = field(default_factory=dict)
    catalog: Mapping[str, str] = field(default_factory=dict)
    requires: tuple[str, ...] = ()
    when: Mapping[str, Any] = field(default_factory=dict)
    contest_code: str | None = None
    observed: str | None = None
    format: str | None = None
    surcharge: bool = False


@dataclass(frozen=True)
class RuleBook:
    """Every table and rule of rules.yml."""

    tables: Mapping[str, TableSpec]
    rules: tuple[Rule, ...]

    def rule(self, rule_code: str) -> Rule:
        return next(r for r in self.rules if r.rule_code == rule_code)


@dataclass(frozen=True)
class PlannedExpectation:
    """One expectation to run: a rule with its parameters, on all rows or some categories' rows.

    A category rule's expectation judges the rows of every category in `categories` (keyed by
    category_key, in catalog order): categories whose parameters are identical share one.
    A rule of every category (scope: all) has no categories.
    """

    rule: Rule
    kwargs: Mapping[str, Any]
    categories: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def category_keys(self) -> tuple[str, ...]:
        """The categories whose rows the expectation judges (none for a rule of every row)."""
        return tuple(self.categories)

    def category_of(self, category_key: Any) -> Mapping[str, Any]:
        """The catalog row of a judged category (a failing row's own), empty if not judged."""
        if not self.categories or is_null(category_key):
            return {}
        return self.categories.get(category_key, {})

    @property
    def limit(self) -> Any:
        """The limit a failing row is measured against, as the messages show it."""
        kwargs = self.kwargs
        if "value_set" in kwargs:
            return list(kwargs["value_set"])
        low, high = kwargs.get("min_value"), kwargs.get("max_value")
        if high is None:
            return low
        return high


def load_rules(path: Path = RULES_FILE) -> RuleBook:
    """Read and check rules.yml; a malformed rule fails loudly here, not mid-run."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    tables = {
        name: TableSpec(name, spec["model"], tuple(spec["key"]), tuple(spec.get("context", ())))
        for name, spec in document["tables"].items()
    }
    rules = tuple(_rule(entry, tables) for entry in document["rules"])
    codes = [r.rule_code for r in rules]
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise ValueError(f"rules.yml: rule_code used more than once: {', '.join(duplicated)}")
    return RuleBook(tables, rules)


def _rule(entry: Mapping[str, Any], tables: Mapping[str, TableSpec]) -> Rule:
    rule = Rule(
        rule_code=entry["rule_code"],
        severity=entry["severity"],
        scope=entry["scope"],
        table=entry["table"],
        column=entry["column"],
        expectation=entry["expectation"],
        message_pl=entry["message_pl"],
        message_en=entry["message_en"],
        title_pl=entry["title_pl"],
        title_en=entry["title_en"],
        params=_params(entry),
        catalog=dict(entry.get("catalog", {})),
        requires=tuple(entry.get("requires", ())),
        when=dict(entry.get("when", {})),
        contest_code=entry.get("contest_code"),
        observed=entry.get("observed"),
        format=entry.get("format"),
        surcharge=bool(entry.get("surcharge", False)),
    )
    problems = []
    if rule.severity not in SEVERITIES:
        problems.append(f"severity {rule.severity!r} is not one of {SEVERITIES}")
    if rule.expectation not in EXPECTATIONS:
        problems.append(f"expectation {rule.expectation!r} is not one of {EXPECTATIONS}")
    if rule.scope not in SCOPES:
        problems.append(f"scope {rule.scope!r} is not one of {SCOPES}")
    if rule.surcharge and rule.severity != "warning":
        problems.append("a surcharge rule is a warning, never a disqualification")
    if rule.table not in tables:
        problems.append(f"table {rule.table!r} is not declared under tables")
    if rule.scope == "all" and (rule.catalog or rule.requires or rule.when):
        problems.append("catalog, requires and when need scope: category")
    if rule.observed and rule.table in tables and rule.observed not in tables[rule.table].context:
        problems.append(f"observed column {rule.observed!r} is not a context column")
    if problems:
        raise ValueError(f"rules.yml, rule {rule.rule_code}: " + "; ".join(problems))
    return rule


def _params(entry: Mapping[str, Any]) -> dict[str, Any]:
    """The rule's parameters; `value_set_from: probe_statuses` becomes the value set that
    the statuses' file gives the rule (ingest/media/statuses.py)."""
    params = dict(entry.get("params", {}))
    source = params.pop("value_set_from", None)
    if source is None:
        return params
    if source != "probe_statuses":
        raise ValueError(f"rules.yml, rule {entry['rule_code']}: unknown value_set_from {source!r}")
    # Imported here: only the file rules need it, and the probe package is not small.
    from ingest.media.statuses import rule_value_set

    return {**params, "value_set": rule_value_set(entry["rule_code"], entry["expectation"])}


def is_null(value: Any) -> bool:
    """True for None, NaN, NaT and pandas' NA, as values read from DuckDB come."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


def plain(value: Any) -> Any:
    """A catalog value as plain Python: lists, ISO dates, whole floats as int."""
    if is_null(value):
        return None
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def plan_expectations(
    book: RuleBook, catalog: Iterable[Mapping[str, Any]], grouped: bool = True
) -> list[PlannedExpectation]:
    """Every expectation the rules give for this catalog (rows of marts.dim_category).

    A category rule gives one expectation per distinct set of parameters: the categories whose
    parameters are identical share it (grouped=False: one per category, the same checks run
    one by one). Sharing is sound because every expectation kind judges each row alone, so one
    expectation over several categories' rows fails on exactly the rows that the per-category
    expectations fail on; an expectation with a `mostly` share is never shared.
    """
    categories = [{name: plain(value) for name, value in row.items()} for row in catalog]
    planned: list[PlannedExpectation] = []
    for rule in book.rules:
        if rule.scope == "all":
            planned.append(PlannedExpectation(rule, dict(rule.params)))
            continue
        shareable = grouped and rule.expectation in ROW_WISE
        groups: dict[Any, tuple[dict[str, Any], dict[str, Mapping[str, Any]]]] = {}
        for category in categories:
            kwargs = _category_kwargs(rule, category)
            if kwargs is None:
                continue
            if shareable and "mostly" not in kwargs:
                key: Any = _parameters_key(kwargs)
            else:
                key = ("category", category["category_key"])
            groups.setdefault(key, (kwargs, {}))[1][category["category_key"]] = category
        planned.extend(
            PlannedExpectation(rule, kwargs, members) for kwargs, members in groups.values()
        )
    return planned


def _parameters_key(kwargs: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """Parameters as a key, equal only for identical values.

    1 and True differ, and so do lists in another order: the messages would show them
    differently (whole floats were already read as int by `plain`, so 2.0 is 2).
    """
    return tuple(sorted((name, repr(value)) for name, value in kwargs.items()))


def _category_kwargs(rule: Rule, category: Mapping[str, Any]) -> dict[str, Any] | None:
    """The rule's parameters for one category, or None when the category does not set them."""
    if any(category.get(column) is None for column in rule.requires):
        return None
    if any(category.get(column) != value for column, value in rule.when.items()):
        return None
    kwargs = dict(rule.params)
    for parameter, column in rule.catalog.items():
        value = category.get(column)
        if value is None:
            return None
        kwargs[parameter] = value
    return kwargs


def rule_codes(book: RuleBook | None = None) -> Sequence[str]:
    """Every rule code of rules.yml, in file order."""
    return [r.rule_code for r in (book or load_rules()).rules]
