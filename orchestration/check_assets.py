"""The formal checks: Great Expectations suites from the rules catalog, run inside the build.

The GX asset reads the dbt measurement models (intermediate.int_*_measured) and the
categories catalog (intermediate.int_categories_usable) and writes every failing row to
checks.validation_results, a schema of its own (a dbt source, read back by the verdict
models: marts.fct_violations is built from them). Each rule's result is an asset check on
the measurement table it judges, with its counts. Great Expectations is imported only when
the asset runs.
"""

import shutil
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

import dagster as dg
import duckdb

from expectations.checks_schema import CATALOG_RELATION, MEASUREMENT_SCHEMA
from expectations.docs import publish_data_docs
from expectations.rules import Rule, load_rules
from expectations.runner import CheckRun, ExpectationOutcome
from orchestration import unchanged
from orchestration.ingest_assets import WRITER_POOL
from orchestration.publish_assets import published_warehouse
from orchestration.resources import PodiumWarehouse
from orchestration.table_metadata import table_metadata
from settings.environment import PROJECT_ROOT

RULES = load_rules()
CHECKS_GROUP = "checks"
RESULTS_KEY = dg.AssetKey([CHECKS_GROUP, "validation_results"])
OUTCOMES_KEY = dg.AssetKey([CHECKS_GROUP, "validation_outcomes"])
MEASUREMENT_KEYS = [
    dg.AssetKey([MEASUREMENT_SCHEMA, table.model]) for table in RULES.tables.values()
] + [dg.AssetKey(CATALOG_RELATION.split("."))]


CHECKS_STEP = "formal_checks"
MEASUREMENT_TABLES = [(key.path[0], key.path[1]) for key in MEASUREMENT_KEYS]
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"


def _check_name(rule_code: str) -> str:
    return rule_code.lower()


def _by_expectation(outcomes: Iterable[ExpectationOutcome]) -> dict[int, list[ExpectationOutcome]]:
    """Outcomes by the expectation that ran (one shared by categories has one per category)."""
    grouped: dict[int, list[ExpectationOutcome]] = defaultdict(list)
    for outcome in outcomes:
        grouped[outcome.expectation_no].append(outcome)
    return dict(grouped)


def _broken_detail(outcomes: list[ExpectationOutcome]) -> str:
    """An expectation that could not run: its rule, the categories it judged, the reason."""
    categories = " ".join(o.category_key for o in outcomes if o.category_key)
    return f"{outcomes[0].rule_code} {categories}: {outcomes[0].exception}"


def _definition() -> str:
    """A fingerprint of the rules and of the code that plans and runs their expectations."""
    return unchanged.files_fingerprint(
        EXPECTATIONS_DIR, [*EXPECTATIONS_DIR.glob("*.py"), *EXPECTATIONS_DIR.glob("*.yml")]
    )


def _validated_run(
    warehouse: PodiumWarehouse, docs_dir: Path, inputs: unchanged.StepInputs
) -> CheckRun:
    """Run Great Expectations on the measurement tables and store the results."""
    from expectations.checks_schema import check_warehouse

    with warehouse.connect() as con:
        shutil.rmtree(docs_dir, ignore_errors=True)
        run = check_warehouse(con, docs_dir, RULES)
        if not any(o.exception for o in run.outcomes):
            unchanged.remember(con, inputs)
    return run


def _reused_run(
    context: dg.AssetExecutionContext, con: duckdb.DuckDBPyConnection, docs_dir: Path
) -> CheckRun:
    from expectations.checks_schema import stored_run

    context.log.info(
        "the rules and every measurement table are unchanged since the last successful "
        "validation: its results and Data Docs stand, Great Expectations was not run again"
    )
    return stored_run(con, docs_dir)


@dg.multi_asset(
    specs=[
        dg.AssetSpec(
            RESULTS_KEY,
            group_name=CHECKS_GROUP,
            kinds={"great_expectations", "duckdb"},
            deps=MEASUREMENT_KEYS,
            description="Every row that fails a formal rule, with observed value, limit and "
            "messages in Polish and English, from the Great Expectations results.",
        ),
        dg.AssetSpec(
            OUTCOMES_KEY,
            group_name=CHECKS_GROUP,
            kinds={"great_expectations", "duckdb"},
            deps=MEASUREMENT_KEYS,
            description="Every expectation run, one row per category it judged: rule, "
            "category, rows judged and rows failing.",
        ),
    ],
    pool=WRITER_POOL,
)
def formal_checks(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """Validate every measurement table with the suites generated from the rules catalog."""
    docs_dir = warehouse.paths.build_dir / "data_docs"
    with warehouse.connect() as con:
        inputs = unchanged.step_inputs(con, CHECKS_STEP, MEASUREMENT_TABLES, _definition())
        reuse = unchanged.begin(con, inputs, reusable=(docs_dir / "index.html").is_file())
        run = _reused_run(context, con, docs_dir) if reuse else None
    if run is None:
        run = _validated_run(warehouse, docs_dir, inputs)
    broken = _by_expectation(o for o in run.outcomes if o.exception)
    if broken:
        details = "; ".join(_broken_detail(outcomes) for outcomes in broken.values())
        raise dg.Failure(f"{len(broken)} expectations could not run: {details}")
    expectations = _by_expectation(run.outcomes)
    context.log.info(
        f"{len(expectations)} expectations ({len(run.outcomes)} rule and category outcomes), "
        f"{len(run.violations)} failing rows, "
        f"Data Docs at {run.docs_index}"
    )
    with warehouse.connect() as con:
        tables = table_metadata(con, [RESULTS_KEY, OUTCOMES_KEY])
    yield dg.MaterializeResult(
        asset_key=RESULTS_KEY,
        metadata={
            **tables.get(RESULTS_KEY, {}),
            "violations": len(run.violations),
            "errors": sum(1 for v in run.violations if v.severity == "error"),
            "warnings": sum(1 for v in run.violations if v.severity == "warning"),
            "entries_with_violations": len({v.entry_row_key for v in run.violations}),
            "data_docs": dg.MetadataValue.path(str(run.docs_index)),
        },
    )
    yield dg.MaterializeResult(
        asset_key=OUTCOMES_KEY,
        metadata={
            **tables.get(OUTCOMES_KEY, {}),
            "expectations": len(expectations),
            "failed_expectations": sum(
                1 for outcomes in expectations.values() if not all(o.success for o in outcomes)
            ),
            "outcomes": len(run.outcomes),
        },
    )


def _measured_key(rule: Rule) -> dg.AssetKey:
    """The measurement table a rule judges."""
    return dg.AssetKey([MEASUREMENT_SCHEMA, RULES.tables[rule.table].model])


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            _check_name(rule.rule_code),
            asset=_measured_key(rule),
            additional_deps=[RESULTS_KEY, OUTCOMES_KEY],
            description=f"{rule.rule_code} ({rule.severity}): {rule.message_en}",
        )
        for rule in RULES.rules
    ],
)
def formal_rules(warehouse: PodiumWarehouse):
    """Each formal rule's result on the table it judges, read from this build's check results."""
    from expectations.checks_schema import stored_run

    with warehouse.connect() as con:
        run = stored_run(con)
    violations = Counter(v.rule_code for v in run.violations)
    for rule in RULES.rules:
        judged = [o for o in run.outcomes if o.rule_code == rule.rule_code]
        yield dg.AssetCheckResult(
            asset_key=_measured_key(rule),
            check_name=_check_name(rule.rule_code),
            passed=violations[rule.rule_code] == 0,
            # An entrant breaking a rule is a finding about the data, not a broken build.
            severity=dg.AssetCheckSeverity.WARN,
            metadata={
                "failing_rows": violations[rule.rule_code],
                "entries": len(
                    {v.entry_row_key for v in run.violations if v.rule_code == rule.rule_code}
                ),
                "rows_judged": sum(o.element_count for o in judged),
                "expectations": len(_by_expectation(judged)),
                "categories": len({o.category_key for o in judged if o.category_key}),
                "severity": rule.severity,
            },
        )


@dg.asset(
    key=["published", "data_docs"],
    group_name="published",
    kinds={"great_expectations"},
    deps=[published_warehouse, RESULTS_KEY],
)
def published_data_docs(context: dg.AssetExecutionContext, warehouse: PodiumWarehouse):
    """This run's Great Expectations Data Docs, swapped in beside the published warehouse."""
    paths = warehouse.paths
    index = publish_data_docs(paths.build_dir / "data_docs", paths.gx_docs_dir)
    context.log.info(f"published Data Docs at {index}")
    return dg.MaterializeResult(metadata={"index": dg.MetadataValue.path(str(index))})
