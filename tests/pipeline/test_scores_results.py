"""Normalization, totals, ranks, awards, agreement and medal sensitivity, recomputed in Python
from the warehouse's own score rows and the rubric seeds, and compared with the marts.

These follow the built-in editions' scoring method (juror totals, z-scores); the demo's
fictional contest scores its own way (tests/pipeline/test_catalog_contests.py)."""

import csv
import statistics
from collections import defaultdict
from itertools import permutations
from pathlib import Path

import duckdb
import pytest

from demo.generate import EDITIONS

SEEDS = Path(__file__).resolve().parents[2] / "dbt_project/seeds/scoring"
BUILT_IN = "contest_code || '-' || edition_year in (" + ", ".join(f"'{e}'" for e in EDITIONS) + ")"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


@pytest.fixture(scope="module")
def con(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as connection:
        yield connection


@pytest.fixture(scope="module")
def scores(con) -> list[dict]:
    return _rows(
        con,
        f"""
        select scores.*, criteria.scale_min, criteria.scale_max
        from marts.fct_scores as scores
        left join marts.dim_criterion as criteria
            on criteria.contest_code = scores.contest_code
            and criteria.criterion_code = scores.criterion_code
        where scores.{BUILT_IN}
        """,
    )


@pytest.fixture(scope="module")
def results(con) -> list[dict]:
    return _rows(con, f"select * from marts.fct_results where {BUILT_IN}")


def _fraction(row: dict) -> float:
    return (row["score"] - row["scale_min"]) / (row["scale_max"] - row["scale_min"])


def _normalized_fractions(scores: list[dict]) -> dict[str, float]:
    """Per-juror z-scores put back on the edition's pooled mean and spread, clamped to 0-1."""
    counted = [s for s in scores if not s["is_excluded"]]
    by_juror, by_edition = defaultdict(list), defaultdict(list)
    for s in counted:
        by_juror[(s["contest_code"], s["edition_year"], s["juror_id"])].append(_fraction(s))
        by_edition[(s["contest_code"], s["edition_year"])].append(_fraction(s))
    out = {}
    for s in counted:
        own = by_juror[(s["contest_code"], s["edition_year"], s["juror_id"])]
        pool = by_edition[(s["contest_code"], s["edition_year"])]
        sd = statistics.stdev(own) if len(own) > 1 else 0.0
        z = (_fraction(s) - statistics.mean(own)) / sd if sd else 0.0
        value = statistics.mean(pool) + z * statistics.stdev(pool)
        out[s["score_key"]] = min(1.0, max(0.0, value))
    return out


def test_normalized_scores_follow_per_juror_standardization(scores):
    expected = _normalized_fractions(scores)
    assert len(expected) > 100
    for s in scores:
        if s["is_excluded"]:
            assert s["normalized_score"] is None
        else:
            want = s["scale_min"] + expected[s["score_key"]] * (s["scale_max"] - s["scale_min"])
            assert s["normalized_score"] == pytest.approx(want, abs=1e-9)
            assert s["scale_min"] <= s["normalized_score"] <= s["scale_max"]


def _evaluation_totals(scores: list[dict]) -> dict[tuple, tuple[float, float]]:
    """Weighted totals (0-100) of each counted evaluation: raw and normalized."""
    sums: dict[tuple, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for s in scores:
        if s["is_excluded"]:
            continue
        key = (s["contest_code"], s["edition_year"], s["entry_id"], s["juror_id"])
        norm = (s["normalized_score"] - s["scale_min"]) / (s["scale_max"] - s["scale_min"])
        sums[key][0] += s["weight"] * _fraction(s)
        sums[key][1] += s["weight"] * norm
        sums[key][2] += s["weight"]
    return {k: (100 * r / w, 100 * n / w) for k, (r, n, w) in sums.items()}


def test_entry_scores_are_means_of_weighted_juror_totals(scores, results):
    totals = _evaluation_totals(scores)
    per_entry = defaultdict(list)
    for (contest, year, entry, _), value in totals.items():
        per_entry[(contest, year, entry)].append(value)
    assert any(r["rank_in_category"] for r in results)
    for r in results:
        values = per_entry.get((r["contest_code"], r["edition_year"], r["entry_id"]), [])
        assert r["jurors_counted"] == len(values)
        if values:
            assert r["raw_score"] == pytest.approx(statistics.mean(v[0] for v in values))
            assert r["normalized_score"] == pytest.approx(statistics.mean(v[1] for v in values))


def _awards() -> dict[str, list[dict]]:
    with (SEEDS / "scoring_award_levels.csv").open(encoding="utf-8") as handle:
        levels = sorted(csv.DictReader(handle), key=lambda r: int(r["award_order"]))
    by_contest = defaultdict(list)
    for level in levels:
        by_contest[level["contest_code"]].append(level)
    return by_contest


def _award(levels: list[dict], rank: int, score: float) -> str | None:
    for level in levels:
        if level["max_rank"] and rank > int(level["max_rank"]):
            continue
        if level["min_score"] and score < float(level["min_score"]):
            continue
        return level["award_level"]
    return None


def test_ranks_and_awards_follow_the_tie_rule_and_the_award_seed(results):
    awards = _awards()
    categories = defaultdict(list)
    for r in results:
        if r["rank_in_category"] is not None:
            categories[(r["contest_code"], r["edition_year"], r["category_code"])].append(r)
    assert categories
    for (contest, _, _), entries in categories.items():
        for r in entries:
            key = (round(r["normalized_score"], 6), round(r["raw_score"], 6))
            better = sum(
                1
                for o in entries
                if (round(o["normalized_score"], 6), round(o["raw_score"], 6)) > key
            )
            assert r["rank_in_category"] == better + 1
            raw_key = (round(r["raw_score"], 6), round(r["normalized_score"], 6))
            raw_better = sum(
                1
                for o in entries
                if (round(o["raw_score"], 6), round(o["normalized_score"], 6)) > raw_key
            )
            assert r["raw_rank_in_category"] == raw_better + 1
            levels = awards[contest]
            assert r["award_level"] == _award(levels, r["rank_in_category"], r["normalized_score"])
            assert r["raw_award_level"] == _award(levels, r["raw_rank_in_category"], r["raw_score"])


def _krippendorff_interval(units: list[list[float]]) -> float:
    """Krippendorff's alpha, interval metric, straight from its pairwise definition."""
    units = [u for u in units if len(u) >= 2]
    values = [v for u in units for v in u]
    n = len(values)
    observed = (
        sum(sum((a - b) ** 2 for a, b in permutations(u, 2)) / (len(u) - 1) for u in units) / n
    )
    expected = sum((a - b) ** 2 for a, b in permutations(values, 2)) / (n * (n - 1))
    return 1 - observed / expected


def test_agreement_is_krippendorffs_alpha(con, scores):
    totals = _evaluation_totals(scores)
    category_of = {
        (r["contest_code"], r["edition_year"], r["entry_id"]): r["category_code"]
        for r in _rows(con, f"select * from marts.fct_results where {BUILT_IN}")
    }
    units = defaultdict(lambda: defaultdict(list))
    for (contest, year, entry, _), (raw, norm) in totals.items():
        units[(contest, year, category_of[(contest, year, entry)])][entry].append((raw, norm))
    rows = _rows(con, f"select * from marts.fct_category_agreement where {BUILT_IN}")
    assert rows
    for row in rows:
        entries = units[(row["contest_code"], row["edition_year"], row["category_code"])]
        raw = _krippendorff_interval([[v[0] for v in e] for e in entries.values()])
        norm = _krippendorff_interval([[v[1] for v in e] for e in entries.values()])
        assert row["krippendorff_alpha_raw"] == pytest.approx(raw, abs=1e-9)
        assert row["krippendorff_alpha_normalized"] == pytest.approx(norm, abs=1e-9)


def test_medal_sensitivity_matches_rankings_recomputed_without_each_juror(con, scores, results):
    totals = _evaluation_totals(scores)
    ranked = {
        (r["contest_code"], r["edition_year"], r["entry_id"]): r
        for r in results
        if r["rank_in_category"] is not None
    }
    rows = _rows(con, f"select * from marts.fct_medal_sensitivity where {BUILT_IN}")
    scenarios = {r["scenario_code"] for r in rows}
    assert scenarios == {"normalized", "raw", "without_juror"}
    for row in rows:
        key = (row["contest_code"], row["edition_year"], row["category_code"])
        entries = [
            r
            for r in ranked.values()
            if (r["contest_code"], r["edition_year"], r["category_code"]) == key
        ]
        if row["scenario_code"] == "raw":
            order = sorted(entries, key=lambda r: (r["raw_rank_in_category"], r["entry_id"]))
            assert row["podium"] == " > ".join(r["entry_id"] for r in order[:3])
        if row["scenario_code"] != "without_juror":
            continue
        kept = defaultdict(list)
        for (contest, year, entry, juror), value in totals.items():
            entry_key = (contest, year, entry)
            if (
                entry_key in ranked
                and juror != row["left_out_juror_id"]
                and (contest, year, ranked[entry_key]["category_code"]) == key
            ):
                kept[entry].append(value)
        means = {
            e: (
                round(statistics.mean(v[1] for v in vs), 6),
                round(statistics.mean(v[0] for v in vs), 6),
            )
            for e, vs in kept.items()
            if len(vs) >= 2
        }
        rank = {e: 1 + sum(1 for o in means.values() if o > m) for e, m in means.items()}
        podium = sorted((r, e) for e, r in rank.items() if r <= 3)
        assert row["podium"] == " > ".join(e for _, e in podium)
        assert row["podium_changed"] == (row["podium"] != row["official_podium"])
