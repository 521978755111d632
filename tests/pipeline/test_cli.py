"""The `podium` command: its help, its exit codes, and `podium check` on a drop folder."""

import csv
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from settings.environment import PROJECT_ROOT

PODIUM = str(Path(sys.executable).with_name("podium"))
COMMANDS = ("build", "serve", "export", "check", "protocol")


def _podium(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [PODIUM, *args],
        cwd=PROJECT_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=600,
    )


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_command_has_help(command):
    run = _podium(*([command] if command else []), "--help")
    assert run.returncode == 0, run.stderr
    assert "usage: podium" in run.stdout


@pytest.mark.parametrize(
    "args", [[], ["publish"], ["export", "--format", "docx"], ["serve", "jury"]]
)
def test_bad_usage_exits_2(args):
    run = _podium(*args)
    assert run.returncode == 2
    assert "usage: podium" in run.stderr


def test_check_of_a_missing_folder_is_bad_usage(tmp_path):
    run = _podium("check", str(tmp_path / "absent"))
    assert run.returncode == 2
    assert "is not a folder" in run.stderr


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    """podium check on a one-edition drop folder whose entry names no category of it."""
    root = tmp_path_factory.mktemp("check") / "drop"
    edition = root / "TST-2026"
    _csv(
        edition / "catalog" / "categories.csv",
        [["category_code", "category_name_pl", "category_name_en"], ["C", "Kultura", "Culture"]],
    )
    _csv(
        edition / "entries.csv",
        [
            ["entry_id", "category", "organization"],
            ["T1", "Kultura", "Org1"],
            ["T2", "Nieznana kategoria", "Org2"],
        ],
    )
    published = tmp_path_factory.mktemp("published") / "podium.duckdb"
    run = _podium("check", str(root), env={"PODIUM_WAREHOUSE": str(published)})
    return run, published


def test_check_prints_each_finding_and_exits_1(checked):
    run, _ = checked
    assert run.returncode == 1, run.stdout + run.stderr
    assert "TST-2026" in run.stdout
    lines = [line for line in run.stdout.splitlines() if "CATEGORY_UNKNOWN" in line]
    assert len(lines) == 1 and "T2" in lines[0]
    assert "findings (" in run.stdout.splitlines()[-1]


def test_check_shows_progress_and_publishes_nothing(checked):
    run, published = checked
    assert "✓ podium_dbt_models" in run.stderr
    assert not published.exists()


def _finding_codes(stdout: str) -> list[tuple[str, str, str]]:
    """(edition, layer, code) of each finding line `podium check` printed."""
    found, edition = [], None
    for line in stdout.splitlines()[:-1]:
        if not line.startswith(" "):
            edition = line
            continue
        layer, rest = line.split(maxsplit=1)
        code = rest.split(": ", 1)[0].rsplit("  ", 1)[-1]
        found.append((edition, layer, code))
    return sorted(found)


def test_check_on_the_demo_lists_the_warehouses_findings(demo_drop_folder, demo_warehouse):
    run = _podium("check", str(demo_drop_folder), "--lang", "en")
    assert run.returncode == 1, run.stderr[-2000:]
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        expected = con.execute(
            "select contest_code || '-' || edition_year, 'ingest', status "
            "from marts.fct_ingest_issues union all "
            "select contest_code || '-' || edition_year, 'formal', "
            "rule_code || ' (' || severity || ')' from marts.fct_violations union all "
            "select contest_code || '-' || edition_year, 'jury', rule_code "
            "from marts.fct_jury_violations"
        ).fetchall()
    assert len(expected) > 50
    assert _finding_codes(run.stdout) == sorted(expected)
