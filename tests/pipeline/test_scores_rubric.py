"""The rubric seed against its source document and the categories it applies to."""

import csv
import json
from pathlib import Path

import duckdb

from tests.source_excerpts import collapse, excerpts_of

ROOT = Path(__file__).resolve().parents[2]
SCORING = ROOT / "dbt_project/seeds/scoring"


def _criteria() -> list[dict[str, str]]:
    with (SCORING / "scoring_criteria.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_pcca_criteria_cite_learning_outcomes_of_the_qualification():
    # The qualification (003_) is not in the repository: its learning outcomes are quoted in
    # docs/sources/excerpts.csv, which tests/unit/test_source_documents.py checks against it.
    quoted = excerpts_of("learning_outcome")
    assert len({excerpt.source_document for excerpt in quoted}) == 1
    assert quoted[0].source_document.startswith("003_")
    outcomes = {excerpt.text for excerpt in quoted}
    pcca = [c for c in _criteria() if c["contest_code"] == "PCCA"]
    assert len(pcca) == 13
    for criterion in pcca:
        for outcome in criterion["learning_outcome_ref"].split(";"):
            assert collapse(outcome) in outcomes, criterion["criterion_code"]


def test_criteria_apply_to_the_right_categories(demo_warehouse):
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        applicable = dict(
            con.execute(
                "select contest_code || ':' || criterion_code, applicable_category_keys"
                " from marts.dim_criterion"
            ).fetchall()
        )
        text = {
            k
            for (k,) in con.execute(
                "select category_key from marts.dim_category where interaction_form = 'text'"
            ).fetchall()
        }
        iba = {
            k
            for (k,) in con.execute(
                "select category_key from marts.dim_category where contest_code = 'IBA'"
            ).fetchall()
        }
    with (SCORING / "scoring_sales_categories.csv").open(encoding="utf-8") as handle:
        sales = {
            f"{r['contest_code']}-{r['edition_year']}-{r['category_code']}"
            for r in csv.DictReader(handle)
        }
    assert sales == {"PCCA-2024-SPRZEDAZ_RETENCJA", "PCCA-2026-SPRZEDAZ", "PCCA-2026-UTRZYMANIE"}
    assert set(applicable["PCCA:SALES_CLOSING"]) == sales
    assert text and not text & set(applicable["PCCA:VOICE"])
    assert text <= set(applicable["PCCA:LISTENING"])
    assert set(applicable["IBA:NOM_ACHIEVEMENTS"]) == iba and len(iba) == 8


def test_every_scores_model_and_built_column_is_described(demo_warehouse):
    manifest = json.loads((ROOT / "dbt_project/target/manifest.json").read_text())
    ours = [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["original_file_path"].startswith(
            ("models/intermediate/scores/", "models/marts/scores/")
        )
    ]
    assert len(ours) >= 16
    with duckdb.connect(str(demo_warehouse.warehouse), read_only=True) as con:
        built = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns"
        ).fetchall()
    undescribed = []
    for node in ours:
        if not node["description"].strip():
            undescribed.append(node["name"])
        described = {n.lower() for n, c in node["columns"].items() if c["description"].strip()}
        columns = [c for s, t, c in built if (s, t) == (node["schema"], node["name"])]
        assert columns, node["name"]
        undescribed += [f"{node['name']}.{c}" for c in columns if c.lower() not in described]
    assert undescribed == []
