"""The one configuration module (settings/environment.py): every environment variable is read
through it, its defaults are written nowhere else, and the README's table is generated from it."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docs.readme_sections import README
from settings import environment, readme
from settings.environment import PROJECT_ROOT, VARIABLES

# The code that runs: every Python file of the project but the settings module itself.
CODE = [
    path
    for folder in (
        "benchmarks",
        "cli",
        "dashboards",
        "demo",
        "docs",
        "expectations",
        "ingest",
        "orchestration",
        "protocol",
        "spreadsheets",
        "tests",
    )
    for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))
]
ENV_READERS = ("os.environ.get", "os.getenv", "environ.get", "getenv")
NAMES = {variable.name for variable in VARIABLES}


def _environment_reads(path: Path) -> list[tuple[int, ast.expr]]:
    """Every read of one environment variable in a file: (line, the name read)."""
    reads = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ENV_READERS and node.args:
            reads.append((node.lineno, node.args[0]))
        elif (
            isinstance(node, ast.Subscript)
            and isinstance(node.ctx, ast.Load)
            and ast.unparse(node.value) in ("os.environ", "environ")
        ):
            reads.append((node.lineno, node.slice))
    return reads


def test_every_podium_variable_is_read_through_the_settings_module():
    # A name held in a variable could be a PODIUM_* one, so only literals of other names pass.
    offending = [
        f"{path.relative_to(PROJECT_ROOT)}:{line}: {ast.unparse(name)}"
        for path in CODE
        for line, name in _environment_reads(path)
        if not (
            isinstance(name, ast.Constant)
            and isinstance(name.value, str)
            and not name.value.startswith("PODIUM_")
            and name.value not in NAMES
        )
    ]
    assert CODE and not offending, offending


def test_the_scan_sees_a_read_of_each_kind(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "a = os.environ.get('PODIUM_PORT')\n"
        "b = os.environ['DAGSTER_HOME']\n"
        "c = os.getenv(NAME)\n"
        "os.environ['PODIUM_BUILD_DB'] = 'written, not read'\n",
        encoding="utf-8",
    )
    assert [line for line, _ in _environment_reads(sample)] == [2, 3, 4]


def test_the_dashboards_and_the_protocol_do_not_import_orchestration():
    importers = [
        path.relative_to(PROJECT_ROOT).as_posix()
        for folder in ("dashboards", "protocol")
        for path in (PROJECT_ROOT / folder).rglob("*.py")
        if re.search(r"^\s*(from|import) orchestration\b", path.read_text(), re.M)
    ]
    assert not importers


def test_the_makefile_restates_no_default():
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    # Make's own assignments start a line; a recipe's `NAME=value command` starts with a tab.
    assignments = re.findall(r"^(?:export\s+)?(\w+)\s*[:?+]?=", makefile, re.M)
    assert "include $(SETTINGS_MK)" in makefile
    assert not NAMES & set(assignments)


def test_the_make_fragment_sets_each_user_default_and_needs_only_the_standard_library():
    # -S: no site-packages, as for the system python3 before .venv exists.
    made = subprocess.run(
        [sys.executable, "-S", "-m", "settings.environment", "--make"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert made == environment.make_fragment()
    assert "export PODIUM_DATA_DIR ?= data/demo\n" in made
    assert "export DAGSTER_HOME ?= $(CURDIR)/.dagster\n" in made
    exported = set(re.findall(r"^export (\w+) \?= ", made, re.M))
    assert exported == {
        variable.name
        for variable in VARIABLES
        if variable.default is not None and not variable.internal
    }


def test_the_dbt_profile_reads_what_the_pipeline_exports_with_no_default_of_its_own():
    profile = (PROJECT_ROOT / "dbt_project" / "profiles.yml").read_text(encoding="utf-8")
    calls = re.findall(r"env_var\(([^)]*)\)", profile)
    assert sorted(call.strip("'\"") for call in calls) == sorted(
        environment.dbt_profile_env(Path("/build.duckdb"))
    )


def test_the_readme_table_is_the_generated_one():
    current = README.read_text(encoding="utf-8")
    assert readme.with_table(current) == current, "run make analyst-docs"
    for variable in VARIABLES:
        assert f"| `{variable.name}` |" in current


def test_paths_are_taken_from_the_project_root_and_an_empty_value_is_unset(monkeypatch):
    monkeypatch.setenv("PODIUM_WAREHOUSE", "elsewhere/w.duckdb")
    monkeypatch.setenv("PODIUM_DATA_DIR", "")
    monkeypatch.setenv("PODIUM_EXPORT_DIR", "/abs/export")
    paths = environment.podium_paths()
    assert paths.warehouse == PROJECT_ROOT / "elsewhere" / "w.duckdb"
    assert paths.build_db == PROJECT_ROOT / "elsewhere" / ".build" / "podium.duckdb"
    assert paths.data_dir == PROJECT_ROOT / "data" / "demo"
    assert environment.export_dir() == Path("/abs/export")


def test_dagster_home_has_its_default_under_make_only(monkeypatch):
    monkeypatch.delenv("DAGSTER_HOME", raising=False)
    assert environment.dagster_home() is None
    monkeypatch.setenv("DAGSTER_HOME", "/tmp/home")
    assert environment.dagster_home() == Path("/tmp/home")


@pytest.mark.parametrize(("value", "port"), [("", 8501), ("9000", 9000)])
def test_a_port_is_a_number(monkeypatch, value, port):
    monkeypatch.setenv("PODIUM_PORT", value)
    assert environment.port(environment.PORT) == port


def test_a_port_that_is_no_number_is_refused_with_its_name(monkeypatch):
    monkeypatch.setenv("PODIUM_SPONSOR_PORT", "eighty")
    with pytest.raises(ValueError, match="PODIUM_SPONSOR_PORT"):
        environment.port(environment.SPONSOR_PORT)


def test_the_dbt_profile_env_carries_the_memory_limit(monkeypatch):
    monkeypatch.delenv("PODIUM_DUCKDB_MEMORY_LIMIT", raising=False)
    assert environment.dbt_profile_env(Path("/b.duckdb")) == {
        "PODIUM_BUILD_DB": "/b.duckdb",
        "PODIUM_DUCKDB_MEMORY_LIMIT": "1GB",
    }
    monkeypatch.setenv("PODIUM_DUCKDB_MEMORY_LIMIT", "300MB")
    assert environment.dbt_profile_env(Path("/b.duckdb"))["PODIUM_DUCKDB_MEMORY_LIMIT"] == "300MB"
