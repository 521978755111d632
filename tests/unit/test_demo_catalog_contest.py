"""The demo's fictional GHA contest: two edition folders that only their catalog/ defines.

Fast: reads the generated files, builds no warehouse.
"""

import csv
from collections import Counter
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from demo.fictional import PANEL_BOUNDARY_CASES
from demo.generate import generate
from demo.records import DemoDropFolder
from ingest.contract import CATALOG_CONTRACTS, CATALOG_FOLDER

SEED = 7
HEADERS = {
    "edition.csv": [
        "contest_name_pl", "contest_name_en", "section_name_pl", "section_name_en",
        "source_document",
    ],
    "categories.csv": [
        "category_code", "category_name_pl", "category_name_en", "family_code",
        "interaction_form", "sort_order", "is_jury_award", "definition_pl", "formal_condition_pl",
    ],
    "category_aliases.csv": ["alias", "category_code"],
    "lineage.csv": [
        "from_contest_code", "from_edition_year", "from_category_code", "to_category_code",
        "relation", "note_en",
    ],
    "criteria.csv": [
        "criterion_code", "criterion_name_pl", "criterion_name_en", "scale_min", "scale_max",
        "scale_step", "weight", "categories",
    ],
    "criterion_weights.csv": ["category_code", "criterion_code", "weight"],
    "scoring.csv": [
        "aggregation", "trim_highest", "trim_lowest", "decimals", "rounding", "total",
        "normalization", "conflict_policy", "min_evaluations",
    ],
    "award_levels.csv": [
        "award_level", "award_name_pl", "award_name_en", "award_order", "max_rank", "min_score",
    ],
}  # fmt: skip
CATALOG_2025 = {"edition.csv", "categories.csv", "award_levels.csv"}
RELATIONS = {"same", "renamed", "split_into", "merged_into"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> DemoDropFolder:
    # Short media: the GHA folders hold no media, and every table is the same either way.
    return generate(tmp_path_factory.mktemp("gha") / "demo", seed=SEED, scale=1, short_media=True)


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def _rows(path: Path) -> list[dict[str, str]]:
    return _read(path)[1]


def _catalog(demo: DemoDropFolder, year: int) -> Path:
    return demo.target / f"GHA-{year}" / CATALOG_FOLDER


def _category_of_written(edition: Path) -> dict[str, str]:
    """Every name the edition's catalog gives a category (official, English, code, alias)."""
    names = {}
    for row in _rows(edition / CATALOG_FOLDER / "categories.csv"):
        for name in (row["category_code"], row["category_name_pl"], row["category_name_en"]):
            names[name] = row["category_code"]
    aliases = edition / CATALOG_FOLDER / "category_aliases.csv"
    if aliases.exists():
        for row in _rows(aliases):
            assert row["alias"] not in names, row
            names[row["alias"]] = row["category_code"]
    return names


def test_catalog_files_are_present_with_their_headers(demo):
    contracts = {c.file_names[0]: c for c in CATALOG_CONTRACTS}
    for edition, expected in (("GHA-2025", CATALOG_2025), ("GHA-2026", set(HEADERS))):
        folder = demo.target / edition / CATALOG_FOLDER
        assert {p.name for p in folder.iterdir()} == expected
        for name in expected:
            header, rows = _read(folder / name)
            assert header == HEADERS[name], (edition, name)
            contract = contracts[f"{CATALOG_FOLDER}/{name}"]
            assert set(header) <= set(contract.columns)
            assert set(contract.required) <= set(header)
            assert rows, (edition, name)
            assert all(row[c] for row in rows for c in contract.required), (edition, name)
        assert len(_rows(folder / "edition.csv")) == 1
    assert len(_rows(demo.target / "GHA-2026" / CATALOG_FOLDER / "scoring.csv")) == 1


def test_the_contest_is_fictional_and_written_in_polish(demo):
    (edition,) = _rows(demo.target / "GHA-2026" / CATALOG_FOLDER / "edition.csv")
    assert "fictional" in edition["contest_name_en"]
    assert edition["contest_name_pl"] == "Nagroda Złotej Słuchawki"
    text = (demo.target / "GHA-2026" / "jurors.csv").read_text(encoding="utf-8")
    assert set("ąęłńóśźżĄĘŁŃÓŚŹŻ") & set(text)


def test_only_2026_has_jurors_and_scores_and_no_edition_has_media(demo):
    for edition in ("GHA-2025", "GHA-2026"):
        present = {p.name for p in (demo.target / edition).iterdir()}
        assert not present & {"files.csv", "cases.csv", "media"}, edition
    assert {"jurors.csv", "scores.csv"}.isdisjoint(
        p.name for p in (demo.target / "GHA-2025").iterdir()
    )
    assert (demo.target / "GHA-2025" / "results.csv").exists()
    assert not (demo.target / "GHA-2026" / "results.csv").exists()


def test_generator_reports_every_gha_entry_as_valid(demo):
    for edition in ("GHA-2025", "GHA-2026"):
        rows = _rows(demo.target / edition / "entries.csv")
        meant = demo.entries[edition]
        assert [e.entry_id for e in meant] == [r["entry_id"] for r in rows]
        assert len({r["entry_id"] for r in rows}) == len(rows)
        assert all(not e.rule_breaks and not e.file_defects and not e.calls for e in meant)
        names = _category_of_written(demo.target / edition)
        assert all(r["category"] in names for r in rows), edition
    assert len(demo.entries["GHA-2025"]) == 3 * 4
    assert len(demo.entries["GHA-2026"]) == 5 * 3


def test_lineage_leads_from_2025_categories_to_2026_ones(demo):
    codes = {
        year: {r["category_code"]: r for r in _rows(_catalog(demo, year) / "categories.csv")}
        for year in (2025, 2026)
    }
    assert len(codes[2025]) == 3
    links = _rows(demo.target / "GHA-2026" / CATALOG_FOLDER / "lineage.csv")
    for link in links:
        assert (link["from_contest_code"], link["from_edition_year"]) == ("GHA", "2025")
        assert link["from_category_code"] in codes[2025], link
        assert link["to_category_code"] in codes[2026], link
        assert link["relation"] in RELATIONS
    relations = Counter(link["relation"] for link in links)
    assert relations["same"] >= 1 and relations["renamed"] >= 1 and relations["split_into"] == 2
    # A kept category with no family of its own takes it from lineage; one category is new.
    kept = [link["to_category_code"] for link in links if link["relation"] == "same"]
    assert any(not codes[2026][code]["family_code"] for code in kept)
    assert set(codes[2026]) - {link["to_category_code"] for link in links}
    aliases = _rows(demo.target / "GHA-2026" / CATALOG_FOLDER / "category_aliases.csv")
    assert all(a["category_code"] in codes[2026] for a in aliases)


def test_published_results_name_entries_of_the_edition(demo):
    edition = demo.target / "GHA-2025"
    entries = {r["entry_id"]: r for r in _rows(edition / "entries.csv")}
    levels = {r["award_level"] for r in _rows(edition / CATALOG_FOLDER / "award_levels.csv")}
    results = _rows(edition / "results.csv")
    assert results
    assert len({r["entry_id"] for r in results}) == len(results)
    for row in results:
        assert row["entry_id"] in entries, row
        assert row["rank"].isdigit() and int(row["rank"]) >= 1, row
        assert row["award_level"] in levels, row
    # A winners list: every place is awarded, and some entries are not on it.
    assert {r["award_level"] for r in results} == levels
    assert len(results) < len(entries)


def _criteria(edition: Path) -> dict[str, dict[str, str]]:
    return {r["criterion_code"]: r for r in _rows(edition / CATALOG_FOLDER / "criteria.csv")}


def _applicable(criteria: dict[str, dict[str, str]], category: str) -> set[str]:
    return {
        code
        for code, row in criteria.items()
        if not row["categories"] or category in row["categories"].split("|")
    }


def test_every_juror_scores_every_applicable_criterion_on_the_grid(demo):
    edition = demo.target / "GHA-2026"
    criteria = _criteria(edition)
    assert len(criteria) in (3, 4)
    assert len({r["weight"] for r in criteria.values()}) > 1
    limited = [r for r in criteria.values() if r["categories"]]
    assert limited
    categories = _category_of_written(edition)
    entries = {r["entry_id"]: categories[r["category"]] for r in _rows(edition / "entries.csv")}
    jurors = _rows(edition / "jurors.csv")
    assert len(jurors) == 5
    expected = Counter(
        (entry_id, juror["juror_id"], criterion)
        for entry_id, category in entries.items()
        for juror in jurors
        for criterion in _applicable(criteria, category)
    )
    scores = _rows(edition / "scores.csv")
    assert Counter((s["entry_id"], s["juror_id"], s["criterion_code"]) for s in scores) == expected
    for score in scores:
        criterion = criteria[score["criterion_code"]]
        value, step = Decimal(score["score"]), Decimal(criterion["scale_step"])
        assert step == Decimal("0.5")
        assert Decimal(criterion["scale_min"]) <= value <= Decimal(criterion["scale_max"])
        assert (value - Decimal(criterion["scale_min"])) % step == 0, score
    # Every category is scored on all but the limited criterion, or on all of them.
    assert {len(_applicable(criteria, c)) for c in entries.values()} == {3, 4}


def test_no_juror_works_for_an_entrant(demo):
    edition = demo.target / "GHA-2026"

    def plain(name: str) -> str:
        return "".join(ch for ch in name.casefold() if ch.isalnum())

    entrants = {plain(r["organization"]) for r in _rows(edition / "entries.csv")}
    assert not {plain(j["organization"]) for j in _rows(edition / "jurors.csv")} & entrants


def test_scoring_method_trims_and_rounds(demo):
    (method,) = _rows(demo.target / "GHA-2026" / CATALOG_FOLDER / "scoring.csv")
    assert method == {
        "aggregation": "criterion_panel", "trim_highest": "1", "trim_lowest": "1",
        "decimals": "2", "rounding": "half_up", "total": "points", "normalization": "none",
        "conflict_policy": "exclude", "min_evaluations": "3",
    }  # fmt: skip
    weights = _rows(demo.target / "GHA-2026" / CATALOG_FOLDER / "criterion_weights.csv")
    criteria = _criteria(demo.target / "GHA-2026")
    assert weights and all(w["weight"] != criteria[w["criterion_code"]]["weight"] for w in weights)


def _round(value: Decimal, mode: str) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=mode)


def test_a_weighted_panel_score_lands_on_a_rounding_tie(demo):
    """Recomputed from the files: the highest and lowest score trimmed, the mean of the three
    left rounded half up to 2 decimals, times the weight (catalog override first)."""
    edition = demo.target / "GHA-2026"
    criteria = _criteria(edition)
    overrides = {
        (w["category_code"], w["criterion_code"]): w["weight"]
        for w in _rows(edition / CATALOG_FOLDER / "criterion_weights.csv")
    }
    categories = _category_of_written(edition)
    category_of = {r["entry_id"]: categories[r["category"]] for r in _rows(edition / "entries.csv")}
    scores = _rows(edition / "scores.csv")
    assert PANEL_BOUNDARY_CASES
    differing = 0
    for case in PANEL_BOUNDARY_CASES:
        given = [
            Decimal(s["score"])
            for s in scores
            if (s["entry_id"], s["criterion_code"]) == (case.entry_id, case.criterion_code)
        ]
        assert given == [Decimal(str(v)) for v in case.juror_scores]
        kept = sorted(given)[1:-1]
        panel = _round(sum(kept) / len(kept), ROUND_HALF_UP)
        assert panel == Decimal(str(case.panel_score))
        key = (category_of[case.entry_id], case.criterion_code)
        weight = Decimal(overrides.get(key, criteria[case.criterion_code]["weight"]))
        assert weight == Decimal(str(case.weight))
        weighted = weight * panel
        assert weighted == Decimal(str(case.weighted_unrounded))
        assert weighted * 1000 % 10 == 5, "an exact tie at the third decimal"
        assert _round(weighted, ROUND_HALF_UP) == Decimal(str(case.half_up))
        assert _round(weighted, ROUND_HALF_EVEN) == Decimal(str(case.half_even))
        differing += case.half_up != case.half_even
    assert differing == len(PANEL_BOUNDARY_CASES)


def test_same_seed_writes_the_same_gha_bytes(demo, tmp_path):
    again = generate(tmp_path / "again", seed=SEED, scale=1, short_media=True, processes=2)
    for edition in ("GHA-2025", "GHA-2026"):
        first = {
            p.relative_to(demo.target): p.read_bytes()
            for p in (demo.target / edition).rglob("*")
            if p.is_file()
        }
        second = {
            p.relative_to(again.target): p.read_bytes()
            for p in (again.target / edition).rglob("*")
            if p.is_file()
        }
        assert first == second, edition


def test_scale_multiplies_the_gha_entries(tmp_path):
    from demo.fictional import write_fictional

    one = write_fictional(tmp_path / "one", 0.5, 1)
    two = write_fictional(tmp_path / "two", 0.5, 2)
    assert {k: 2 * len(v) for k, v in one.items()} == {k: len(v) for k, v in two.items()}
