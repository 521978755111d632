"""The not_null_columns test (one per model, in place of one not_null per column) fails on
every null cell of its columns and names the column: real dbt on a small DuckDB file holding
one seed, before and after nulls are planted in two of its columns."""

import json
import os
import subprocess
from collections import Counter
from pathlib import Path

import duckdb
import pytest

from orchestration.dbt_project import DBT_EXECUTABLE
from settings.environment import PROJECT_ROOT, dbt_profile_env

SEED = "contest_editions"
TABLE = f"rules.{SEED}"
# Three null cells on two rows: a row with two null columns counts twice.
PLANTED = {"contest_code": 2, "source_document": 1}
PLANT = (
    f"update {TABLE} set contest_code = null where edition_year = 2026;"
    f" update {TABLE} set source_document = null where contest_code is null"
    " and source_document like '000%'"
)


def _dbt(tmp: Path, *args: str) -> list[dict]:
    env = {
        **os.environ,
        **dbt_profile_env(tmp / "tiny.duckdb"),
        "DBT_PROFILES_DIR": str(PROJECT_ROOT / "dbt_project"),
        "DBT_TARGET_PATH": str(tmp / "target"),
        "DBT_LOG_PATH": str(tmp / "logs"),
    }
    subprocess.run(
        [DBT_EXECUTABLE, *args],
        cwd=PROJECT_ROOT / "dbt_project",
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads((tmp / "target" / "run_results.json").read_text())["results"]


def _not_null_columns(results: list[dict]) -> dict:
    (result,) = [r for r in results if r["unique_id"].startswith("test.podium.not_null_columns_")]
    return result


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp = tmp_path_factory.mktemp("not_null_columns")
    # cautious: not the tests of other models that merely read the seed
    clean = _dbt(tmp, "build", "--select", SEED, "--indirect-selection", "cautious")
    with duckdb.connect(str(tmp / "tiny.duckdb")) as con:
        con.execute(PLANT)
    planted = _dbt(tmp, "test", "--select", f"{SEED},test_name:not_null_columns")
    return {"tmp": tmp, "clean": clean, "planted": planted}


def test_the_seed_without_nulls_passes(runs):
    result = _not_null_columns(runs["clean"])
    assert (result["status"], result["failures"]) == ("pass", 0)


def test_every_planted_null_cell_is_a_failure(runs):
    result = _not_null_columns(runs["planted"])
    assert (result["status"], result["failures"]) == ("fail", sum(PLANTED.values()))


def test_each_failing_row_names_its_null_column(runs):
    compiled = _not_null_columns(runs["planted"])["compiled_code"]
    with duckdb.connect(str(runs["tmp"] / "tiny.duckdb"), read_only=True) as con:
        named = con.execute(f"select null_column, edition_year from ({compiled})").fetchall()
    assert Counter(column for column, _ in named) == PLANTED
    assert sorted(year for _, year in named) == [2026, 2026, 2026]
