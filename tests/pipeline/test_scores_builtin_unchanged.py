"""The built-in editions score exactly as before scoring methods became data.

`fixtures/builtin_results_seed7_scale1.csv` holds marts.fct_results of the demo drop folder
(seed 7, scale 1) as published by the last build before `scoring.csv` existed (commit
a8cfbb0). The built-in editions' scoring_methods rows restate that method, so every rank,
award and score must come out the same, and the official score is the normalized score.

Only the built-in editions whose demo data has not changed since are compared: PCCA 2024
and IBA 2026. PCCA 2026 has since gained declared conflicts, a juror's former employers,
organizer decisions and an entry breaking two rules (demo.judging), which rightly
change its scores, validity and ranks; tests/pipeline/test_demo_judging.py checks those.
"""

import csv
from pathlib import Path

import duckdb
import pytest

FIXTURE = Path(__file__).parents[1] / "fixtures" / "builtin_results_seed7_scale1.csv"
# (contest, edition year) of the built-in editions whose demo data is as it was then.
UNCHANGED = (("PCCA", 2024), ("IBA", 2026))


def _value(column: str, text: str):
    if text == "":
        return None
    if column in ("edition_year", "jurors_counted", "rank_in_category", "raw_rank_in_category"):
        return int(text)
    if column in ("raw_score", "normalized_score"):
        return pytest.approx(float(text), abs=1e-6)
    return text


def test_built_in_ranks_awards_and_scores_are_unchanged(demo_warehouse):
    with FIXTURE.open(newline="", encoding="utf-8") as handle:
        expected = [
            {column: _value(column, text) for column, text in row.items()}
            for row in csv.DictReader(handle)
            if (row["contest_code"], int(row["edition_year"])) in UNCHANGED
        ]
    assert {(row["contest_code"], row["edition_year"]) for row in expected} == set(UNCHANGED)
    columns = list(expected[0])
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        found = con.execute(
            f"select {', '.join(columns)}, official_score, result_source from marts.fct_results "
            "where contest_code || '-' || edition_year in ? "
            "order by contest_code, edition_year, entry_id",
            [[f"{contest}-{year}" for contest, year in UNCHANGED]],
        ).fetchall()
    names = [*columns, "official_score", "result_source"]
    actual = [dict(zip(names, row, strict=True)) for row in found]
    assert len(actual) == len(expected)
    for row, wanted in zip(actual, expected, strict=True):
        assert {c: row[c] for c in columns} == wanted
        assert row["result_source"] == "computed"
        if row["normalized_score"] is not None:
            assert row["official_score"] == pytest.approx(row["normalized_score"], abs=1e-9)
