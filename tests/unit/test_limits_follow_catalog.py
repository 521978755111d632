"""A limit is one edit in one file: the rules catalog seed. Changed in a copy of the seeds,
the demo generator draws its entries around the new limits and the README generator shows
them. (tests/pipeline/test_duration_limit_edition.py shows the checks and the dashboard
following an edition's own catalog.)"""

import csv
import shutil
from pathlib import Path

import pytest

from demo import catalog, limits
from demo.generate import generate
from demo.records import DemoDropFolder
from docs import generate_limits
from ingest.contract import ENTRIES
from ingest.drop_folder import discover_editions
from ingest.tables import read_table

DURATION_SECONDS = 900  # 15 minutes instead of the documents' 20
ESSAY_CHARS = 3000  # instead of the document's 4,900


def _rewrite(path: Path, column: str, value: str) -> None:
    """Set column to value on every row of a seed that has a value there."""
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        if row[column]:
            row[column] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture(scope="module")
def changed_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("catalog") / "rules"
    shutil.copytree(limits.RULES_SEEDS, seeds)
    technical = seeds / "category_technical_limits.csv"
    _rewrite(technical, "duration_limit_seconds", str(DURATION_SECONDS))
    _rewrite(seeds / "nomination_limits.csv", "essay_max_chars", str(ESSAY_CHARS))
    return seeds


@pytest.fixture(scope="module")
def changed_demo(changed_seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> DemoDropFolder:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(limits, "RULES_SEEDS", changed_seeds)
        return generate(tmp_path_factory.mktemp("demo") / "demo", seed=7, short_media=True)


def test_the_demo_categories_take_the_changed_duration_limit(changed_seeds, monkeypatch):
    monkeypatch.setattr(limits, "RULES_SEEDS", changed_seeds)
    for year in catalog.PCCA_NAMES:
        voiced = [c.limits for c in catalog.pcca_categories(year) if c.limits.voice]
        assert voiced and {c.duration_limit_seconds for c in voiced} == {DURATION_SECONDS}


def test_the_demo_draws_its_calls_around_the_changed_duration_limit(changed_demo):
    calls = [
        (entry, seconds)
        for name, entries in changed_demo.entries.items()
        if name.startswith("PCCA")
        for entry in entries
        for _, seconds in entry.calls
    ]
    # Short media keeps one long call per edition; each is over the new limit, by the
    # generator's margin, and under the old one's range (which started at 1210 s).
    long = [seconds for _, seconds in calls if seconds > DURATION_SECONDS]
    assert len(long) == 2
    assert all(DURATION_SECONDS + 10 <= seconds <= DURATION_SECONDS + 700 for seconds in long)


def test_the_demo_writes_essays_around_the_changed_essay_limit(changed_demo):
    (iba,) = [e for e in discover_editions(changed_demo.target) if e.name == "IBA-2026"]
    rows = read_table(iba, ENTRIES).frame.to_dicts()
    breaking = {
        entry.entry_id
        for entry in changed_demo.entries["IBA-2026"]
        if "essay_too_long" in entry.rule_breaks
    }
    lengths = {row["entry_id"]: len(row["essay"] or "") for row in rows}
    assert breaking and all(lengths[entry_id] > ESSAY_CHARS for entry_id in breaking)
    others = [length for entry_id, length in lengths.items() if entry_id not in breaking]
    assert others and max(others) <= ESSAY_CHARS


def test_the_readme_tables_show_the_changed_limits(changed_seeds):
    section = generate_limits.limits_markdown(changed_seeds)
    assert "15 min a recording" in section
    assert "15 min a call sequence" in section
    assert "20 min" not in section
    assert "| IBA 2026 | 3,000 |" in section
