"""docs/analysts.md stays true: its queries run during a build, its schema is the dbt one."""

import subprocess
import sys

import duckdb
import pytest

from tests.reliability_scenario import GUIDE, PROJECT_ROOT, guide_queries, scenario_for


@pytest.fixture(scope="module")
def scenario(demo_warehouse, tmp_path_factory):
    return scenario_for(demo_warehouse, lambda: tmp_path_factory.mktemp("reliability"))


def test_the_guide_has_example_queries_on_marts_and_sponsor():
    sql = " ".join(query for _, query in guide_queries())
    assert len(guide_queries()) >= 3
    assert "marts." in sql
    assert "sponsor." in sql


@pytest.mark.parametrize("title", [title for title, _ in guide_queries()])
def test_example_query_ran_without_error_during_a_build(scenario, title):
    runs = [record for record in scenario.reads if record["query"] == title]
    during = [r for r in runs if scenario.started_at <= r["t"] < scenario.finished_at]
    assert during
    assert [r["error"] for r in runs if not r["ok"]] == []


@pytest.mark.parametrize(("title", "sql"), guide_queries())
def test_example_query_returns_rows_on_the_demo_warehouse(demo_warehouse, title, sql):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        rows = con.execute(sql).fetchall()
    assert rows, title


def test_schema_section_is_generated_from_the_current_dbt_models():
    check = subprocess.run(
        [sys.executable, "docs/generate_schema.py", "--check"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 0, check.stderr


def test_every_published_table_of_marts_and_sponsor_is_in_the_guide(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        tables = con.execute(
            "select schema_name || '.' || table_name from duckdb_tables() "
            "where schema_name in ('marts', 'sponsor') order by 1"
        ).fetchall()
    guide = GUIDE.read_text(encoding="utf-8")
    assert tables
    assert [name for (name,) in tables if f"### `{name}`" not in guide] == []


def test_the_guide_tells_how_to_connect_read_only():
    guide = GUIDE.read_text(encoding="utf-8")
    for instruction in ("duckdb -readonly ", "read_only=True", "duckdb.read_only", "make export"):
        assert instruction in guide
