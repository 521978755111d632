"""Run the planned expectations with Great Expectations on pandas frames, and read the results.

One suite per measurement table (`podium_entries`, `podium_cases`, `podium_files`), its
expectations generated from rules.yml and the categories catalog: a category's expectation
carries a row condition on `category_key`, so its limits apply to that category's rows only.
GX validates pandas frames read from DuckDB (its SQL datasource fails on DuckDB here); every
failing row comes back through `unexpected_index_list`, which, unlike `unexpected_list`, is
never cut at 200. Great Expectations is imported inside the functions: it takes seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from expectations.messages import read_failure
from expectations.rules import PlannedExpectation, RuleBook, TableSpec, plain

if TYPE_CHECKING:
    import pandas as pd

SUITE_PREFIX = "podium_"
DOCS_SITE = "podium"


@dataclass(frozen=True)
class Violation:
    """One failing row of one expectation, as raw.validation_results stores it."""

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
    """What one expectation found: how many rows it judged and how many failed."""

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


@dataclass
class CheckRun:
    """Everything one validation produced."""

    violations: list[Violation] = field(default_factory=list)
    outcomes: list[ExpectationOutcome] = field(default_factory=list)
    docs_index: Path | None = None


def _expectation(planned: PlannedExpectation, index: int) -> Any:
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
    if planned.category_key is not None:
        row_condition = Column(name="category_key") == planned.category_key
    elif rule.contest_code is not None:
        row_condition = Column(name="contest_code") == rule.contest_code
    meta = {
        "plan_index": index,
        "rule_code": rule.rule_code,
        "severity": rule.severity,
        "category_key": planned.category_key,
        "notes": f"{rule.rule_code} ({rule.severity}): {rule.message_en}",
    }
    extra = {"row_condition": row_condition} if row_condition is not None else {}
    return classes[rule.expectation](column=rule.column, meta=meta, **planned.kwargs, **extra)


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
        frame = frames[table_name]
        suite = gx.ExpectationSuite(name=f"{SUITE_PREFIX}{table_name}")
        for index, item in indexed:
            suite.add_expectation(_expectation(item, index))
        suite = context.suites.add(suite)
        batch = source.add_dataframe_asset(table.model).add_batch_definition_whole_dataframe(
            "every_row"
        )
        definition = context.validation_definitions.add(
            gx.ValidationDefinition(name=f"{table.model}_check", data=batch, suite=suite)
        )
        result = definition.run(
            batch_parameters={"dataframe": frame},
            result_format={
                "result_format": "COMPLETE",
                "unexpected_index_column_names": table.index_columns,
            },
        )
        _collect(run, suite.name, table, planned, result)
    if docs_dir is not None:
        context.build_data_docs(site_names=[DOCS_SITE])
        run.docs_index = docs_dir / "index.html"
    return run


def _collect(
    run: CheckRun,
    suite_name: str,
    table: TableSpec,
    planned: Sequence[PlannedExpectation],
    result: Any,
) -> None:
    for item in result.results:
        config = item.expectation_config
        plan = planned[config.meta["plan_index"]]
        failing = item.result.get("unexpected_index_list") or []
        exception = item.exception_info or {}
        run.outcomes.append(
            ExpectationOutcome(
                suite_name=suite_name,
                rule_code=plan.rule.rule_code,
                severity=plan.rule.severity,
                category_key=plan.category_key,
                expectation_type=config.type,
                column=plan.rule.column,
                parameters=_describe(plan.kwargs),
                element_count=int(item.result.get("element_count") or 0),
                unexpected_count=len(failing),
                success=bool(item.success),
                exception=exception.get("exception_message")
                if exception.get("raised_exception")
                else None,
            )
        )
        for row in failing:
            run.violations.append(_violation(plan, table, suite_name, row))


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
        category_key=plan.category_key,
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
