"""Run the planned expectations with Great Expectations on pandas frames, and read the results.

One suite per measurement table (`podium_entries`, `podium_cases`, `podium_files`), its
expectations generated from rules.yml and the categories catalog, and one validation of the
table's frame against it: every rule and category of a table in one GX run. A category rule's
expectation carries a row condition on `category_key` (`==` one category, `is_in` the
categories sharing its limits; beyond LISTED_CATEGORIES of them, `==` its number in a group
column added to the frame), so its limits apply to those categories' rows only. Its results
are read back per category: each failing row names its own category (its messages use that
category's names), and each category gets its own outcome row, as if it had been judged alone.
GX validates pandas frames read from DuckDB (its SQL datasource fails on DuckDB here); every
failing row comes back through `unexpected_index_list`, which, unlike `unexpected_list`, is
never cut at 200. GX names each failing row by its index in the frame only: the row's key and
context columns are then read from the frame in one step, as naming them to GX costs a
lookup per failing row and column (3.5x the validation time at 34,000 rows). Great
Expectations is imported inside the functions: it takes seconds.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from expectations.messages import read_failure
from expectations.rules import CATEGORY_COLUMN, PlannedExpectation, RuleBook, TableSpec, plain

if TYPE_CHECKING:
    import pandas as pd

SUITE_PREFIX = "podium_"
DOCS_SITE = "podium"
# An expectation judging more categories than this names its rows by a group column (its
# number in the plan, per rule) instead of listing their keys: GX serializes a row condition
# some 270 times per expectation and pandas parses it again for each metric, so a list of
# 2,500 keys cost three quarters of the validation time on a century of editions.
LISTED_CATEGORIES = 50


@dataclass(frozen=True)
class Violation:
    """One failing row of one expectation, as checks.validation_results stores it."""

    rule_code: str
    severity: str
    is_surcharge: bool
    measured_table: str
    category_key: str | None
    entry_row_key: str | None
    case_no: int | None
    file_row_key: str | None
    observed_value: str
    limit_value: str
    observed_number: float | None
    limit_number: float | None
    minutes_over: int | None
    message_pl: str
    message_en: str
    suite_name: str


@dataclass(frozen=True)
class ExpectationOutcome:
    """What one expectation found for one category: rows judged and rows failing.

    A rule of every row has one outcome (no category); an expectation shared by several
    categories has one per category, with that category's rows only. `expectation_no` names
    the expectation that ran (outcomes sharing it share its parameters and any exception).
    """

    suite_name: str
    rule_code: str
    severity: str
    category_key: str | None
    expectation_type: str
    column: str
    parameters: str
    element_count: int
    unexpected_count: int
    success: bool
    exception: str | None
    expectation_no: int


@dataclass
class CheckRun:
    """Everything one validation produced."""

    violations: list[Violation] = field(default_factory=list)
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    docs_index: Path | None = None


def _expectation(planned: PlannedExpectation, index: int, group_column: str | None) -> Any:
    import great_expectations.expectations as gxe
    from great_expectations.expectations.row_conditions import Column

    rule = planned.rule
    classes = {
        "between": gxe.ExpectColumnValuesToBeBetween,
        "in_set": gxe.ExpectColumnValuesToBeInSet,
        "not_in_set": gxe.ExpectColumnValuesToNotBeInSet,
        "not_null": gxe.ExpectColumnValuesToNotBeNull,
    }
    row_condition = None
    keys = list(planned.category_keys)
    if group_column is not None:
        row_condition = Column(name=group_column) == index
    elif len(keys) == 1:
        row_condition = Column(name=CATEGORY_COLUMN) == keys[0]
    elif keys:
        row_condition = Column(name=CATEGORY_COLUMN).is_in(keys)
    elif rule.contest_code is not None:
        row_condition = Column(name="contest_code") == rule.contest_code
    meta = {
        "plan_index": index,
        "rule_code": rule.rule_code,
        "severity": rule.severity,
        # How many categories share it, not their keys: GX copies the meta many times per
        # expectation, and the row condition already names them.
        "categories": len(keys),
        "notes": f"{rule.rule_code} ({rule.severity}): {rule.message_en}",
    }
    extra = {"row_condition": row_condition} if row_condition is not None else {}
    kwargs = {name: _limit(name, value) for name, value in planned.kwargs.items()}
    return classes[rule.expectation](column=rule.column, meta=meta, **kwargs, **extra)


def _limit(name: str, value: Any) -> Any:
    """A between limit as GX compares it: a date (ISO text in the plan) as a datetime.

    GX would read the text as a date, which pandas no longer compares with a datetime column.
    """
    if name in ("min_value", "max_value") and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def _context(docs_dir: Path | None) -> Any:
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}
    if docs_dir is not None:
        context.add_data_docs_site(
            DOCS_SITE,
            {
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    return context


def validate(
    book: RuleBook,
    planned: Sequence[PlannedExpectation],
    frames: Mapping[str, pd.DataFrame],
    docs_dir: Path | None = None,
) -> CheckRun:
    """Validate each measurement table's frame against its generated suite.

    With docs_dir, the Data Docs of this run are written there (a fresh folder).
    """
    import great_expectations as gx

    context = _context(docs_dir)
    source = context.data_sources.add_pandas("podium")
    run = CheckRun()
    for table_name, table in book.tables.items():
        indexed = [(i, p) for i, p in enumerate(planned) if p.rule.table == table_name]
        if not indexed:
            continue
        # GX names a failing row by its index label: a fresh index makes each label one row.
        frame = frames[table_name].reset_index(drop=True)
        by_category = any(p.categories for _, p in indexed)
        rows_per_category = frame[CATEGORY_COLUMN].value_counts() if by_category else None
        group_columns = _group_columns(indexed)
        suite = gx.ExpectationSuite(name=f"{SUITE_PREFIX}{table_name}")
        for index, item in indexed:
            suite.add_expectation(_expectation(item, index, group_columns.get(index)))
        suite = context.suites.add(suite)
        batch = source.add_dataframe_asset(table.model).add_batch_definition_whole_dataframe(
            "every_row"
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{table.model}_check", data=batch, suite=suite)
        )
        result = definition.run(
            batch_parameters={"dataframe": _with_groups(frame, indexed, group_columns)},
            result_format={"result_format": "COMPLETE"},
        )
        _collect(run, suite.name, table, planned, result, frame, rows_per_category)
    if docs_dir is not None:
        context.build_data_docs(site_names=[DOCS_SITE])
        run.docs_index = docs_dir / "index.html"
    return run


def _group_columns(indexed: Sequence[tuple[int, PlannedExpectation]]) -> dict[int, str]:
    """The group column of each expectation judging too many categories to list them."""
    return {
        index: f"{plan.rule.rule_code.lower()}__group"
        for index, plan in indexed
        if len(plan.categories) > LISTED_CATEGORIES
    }


def _with_groups(
    frame: pd.DataFrame,
    indexed: Sequence[tuple[int, PlannedExpectation]],
    group_columns: Mapping[int, str],
) -> pd.DataFrame:
    """The frame with each group column: on a row, the number of the rule's expectation that
    judges the row's category (a category is judged by one expectation of a rule at most)."""
    groups: dict[str, dict[str, int]] = {}
    for index, plan in indexed:
        if index in group_columns:
            groups.setdefault(group_columns[index], {}).update(
                dict.fromkeys(plan.category_keys, index)
            )
    if not groups:
        return frame
    return frame.assign(
        **{name: frame[CATEGORY_COLUMN].map(numbers) for name, numbers in groups.items()}
    )


def _exception_message(info: Mapping[str, Any] | None) -> str | None:
    """What made an expectation fail to run: GX reports it flat or keyed by metric."""
    if not info:
        return None
    reports = [info] if "raised_exception" in info else list(info.values())
    messages = [
        str(report.get("exception_message") or "unknown error")
        for report in reports
        if isinstance(report, Mapping) and report.get("raised_exception")
    ]
    return "; ".join(messages) or None


def _collect(
    run: CheckRun,
    suite_name: str,
    table: TableSpec,
    planned: Sequence[PlannedExpectation],
    result: Any,
    frame: pd.DataFrame,
    rows_per_category: pd.Series | None,
) -> None:
    for item in result.results:
        number = item.expectation_config.meta["plan_index"]
        plan = planned[number]
        failing = _failing_rows(plan, table, frame, item.result.get("unexpected_index_list"))
        run.outcomes.extend(_outcomes(plan, number, suite_name, item, failing, rows_per_category))
        for row in failing:
            run.violations.append(_violation(plan, table, suite_name, row))


def _outcomes(
    plan: PlannedExpectation,
    number: int,
    suite_name: str,
    item: Any,
    failing: Sequence[Mapping[str, Any]],
    rows_per_category: pd.Series | None,
) -> list[ExpectationOutcome]:
    """One outcome for a rule of every row; one per category for a category rule.

    A category's share of a shared expectation is what the expectation would have reported
    for that category alone: its rows of the table, its failing rows, success when none fails.
    """
    judged = item.result.get("element_count")
    exception = _exception_message(item.exception_info)

    def outcome(category_key: str | None, rows: int, unexpected: int, success: bool):
        return ExpectationOutcome(
            suite_name=suite_name,
            rule_code=plan.rule.rule_code,
            severity=plan.rule.severity,
            category_key=category_key,
            expectation_type=item.expectation_config.type,
            column=plan.rule.column,
            parameters=_describe(plan.kwargs),
            element_count=rows,
            unexpected_count=unexpected,
            success=success,
            exception=exception,
            expectation_no=number,
        )

    if not plan.categories:
        return [outcome(None, int(judged or 0), len(failing), bool(item.success))]
    failing_per_category = Counter(row.get(CATEGORY_COLUMN) for row in failing)
    outcomes = []
    for key in plan.category_keys:
        rows = 0
        if judged is not None and rows_per_category is not None:
            rows = int(rows_per_category.get(key, 0))
        unexpected = failing_per_category[key]
        success = bool(item.success) or (exception is None and unexpected == 0)
        outcomes.append(outcome(key, rows, unexpected, success))
    return outcomes


def _failing_rows(
    plan: PlannedExpectation,
    table: TableSpec,
    frame: pd.DataFrame,
    indices: Sequence[Any] | None,
) -> list[dict[str, Any]]:
    """The failing rows GX named by index: the checked column, the key and context columns,
    and the category column where the plan judges categories."""
    if not indices:
        return []
    columns = [plan.rule.column, *table.index_columns]
    if plan.categories:
        columns.append(CATEGORY_COLUMN)
    return frame.loc[list(indices), list(dict.fromkeys(columns))].to_dict("records")


def _describe(kwargs: Mapping[str, Any]) -> str:
    return ", ".join(f"{name}={plain(value)}" for name, value in sorted(kwargs.items()))


def _violation(
    plan: PlannedExpectation, table: TableSpec, suite_name: str, row: Mapping[str, Any]
) -> Violation:
    reading = read_failure(plan, row)
    case_no = plain(row.get("case_no")) if table.name != "entries" else None
    return Violation(
        rule_code=plan.rule.rule_code,
        severity=plan.rule.severity,
        is_surcharge=plan.rule.surcharge,
        measured_table=table.name,
        category_key=plain(row.get(CATEGORY_COLUMN)) if plan.categories else None,
        entry_row_key=plain(row.get("entry_row_key")),
        case_no=int(case_no) if isinstance(case_no, int | float) else None,
        file_row_key=plain(row.get("file_row_key")),
        observed_value=reading.observed_value,
        limit_value=reading.limit_value,
        observed_number=reading.observed_number,
        limit_number=reading.limit_number,
        minutes_over=reading.minutes_over,
        message_pl=reading.message_pl,
        message_en=reading.message_en,
        suite_name=suite_name,
    )


def validated_at() -> dt.datetime:
    """The time stamp a run's rows carry (UTC)."""
    return dt.datetime.now(dt.UTC)
