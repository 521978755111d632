"""A new edition is data only: a hypothetical PCCA 2027, written as seed rows in a copy of the
dbt project, flows through a real dbt build into marts.dim_category and the lineage."""

import csv
import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from ingest.contract import TABLE_CONTRACTS
from ingest.raw_schema import replace_issues, replace_raw_table
from ingest.tables import empty_raw_frame
from orchestration.dbt_project import DBT_EXECUTABLE
from settings.environment import PROJECT_ROOT, dbt_profile_env

RULES_SEEDS = Path("seeds") / "rules"

# The 2027 edition's rows, seed by seed. Its limits differ from 2026 on purpose so that the
# test sees them come from these rows, not from anything already in the catalog.
EDITION_2027 = {
    "contest_editions": [
        {
            "contest_code": "PCCA",
            "edition_year": "2027",
            "contest_name_pl": "Polish Contact Center Awards",
            "contest_name_en": "Polish Contact Center Awards",
            "section_name_pl": "Komunikacja z klientami",
            "section_name_en": "Communication with clients",
            "source_document": "hypothetical_pcca_2027.txt",
        }
    ],
    "category_families": [
        {
            "family_code": "VOICEBOT",
            "contest_code": "PCCA",
            "family_name_pl": "Współpraca z voicebotem",
            "family_name_en": "Working with a voicebot",
            "description_en": "Hypothetical 2027 category.",
        }
    ],
    "categories": [
        {
            "contest_code": "PCCA",
            "edition_year": "2027",
            "category_code": "SPRZEDAZ",
            "sort_order": "1",
            "category_name_pl": "Sprzedaż",
            "category_name_en": "Sales",
            "family_code": "SPRZEDAZ_RETENCJA",
            "is_jury_award": "false",
            "definition_pl": "Rozmowa zakończona zakupem produktu",
            "formal_condition_pl": "Zakup.",
            "comments_pl": "",
        },
        {
            "contest_code": "PCCA",
            "edition_year": "2027",
            "category_code": "VOICEBOT",
            "sort_order": "2",
            "category_name_pl": "Współpraca z voicebotem",
            "category_name_en": "Working with a voicebot",
            "family_code": "VOICEBOT",
            "is_jury_award": "false",
            "definition_pl": "Rozmowa przejęta od voicebota",
            "formal_condition_pl": "brak",
            "comments_pl": "",
        },
    ],
    "category_technical_limits": [
        {
            "contest_code": "PCCA",
            "edition_year": "2027",
            "category_code": "SPRZEDAZ",
            "direction_as_written": "OUT",
            "client_type_as_written": "zewnętrzny",
            "interaction_form_as_written": "głos",
            "language_as_written": "",
            "cases_per_entry": "2",
            "interactions_as_written": "1, 2, 3 lub 4",
            "formats_as_written": "MP3",
            "file_comment_pl": "plik zawiera nagranie 1 rozmowy",
            "duration_limit_as_written": "ciągu rozmów",
            "directions": "OUT",
            "client_types": "external",
            "interaction_form": "voice",
            "languages": "",
            "max_interactions_per_case": "4",
            "allowed_formats": "MP3",
            "duration_limit_seconds": "900",
            "duration_limit_scope": "case",
        },
        {
            "contest_code": "PCCA",
            "edition_year": "2027",
            "category_code": "VOICEBOT",
            "direction_as_written": "IN",
            "client_type_as_written": "zewnętrzny lub wewnętrzny",
            "interaction_form_as_written": "głos",
            "language_as_written": "",
            "cases_per_entry": "3",
            "interactions_as_written": "1",
            "formats_as_written": "MP3, MP4",
            "file_comment_pl": "plik zawiera nagranie 1 rozmowy",
            "duration_limit_as_written": "rozmowy",
            "directions": "IN",
            "client_types": "external|internal",
            "interaction_form": "voice",
            "languages": "",
            "max_interactions_per_case": "1",
            "allowed_formats": "MP3|MP4",
            "duration_limit_seconds": "1200",
            "duration_limit_scope": "recording",
        },
    ],
}


def _append_rows(seed: Path, rows: list[dict[str, str]]) -> None:
    with seed.open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    with seed.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerows(rows)


def _lineage_2026_to_2027(project: Path) -> list[dict[str, str]]:
    """Every 2026 PCCA category: SPRZEDAZ continues, the others are dropped; VOICEBOT is new."""
    with (project / RULES_SEEDS / "categories.csv").open(encoding="utf-8", newline="") as handle:
        codes_2026 = [
            row["category_code"]
            for row in csv.DictReader(handle)
            if (row["contest_code"], row["edition_year"]) == ("PCCA", "2026")
        ]
    links = []
    for code in codes_2026:
        continues = code == "SPRZEDAZ"
        links.append(
            {
                "from_contest_code": "PCCA",
                "from_edition_year": "2026",
                "from_category_code": code,
                "to_contest_code": "PCCA" if continues else "",
                "to_edition_year": "2027" if continues else "",
                "to_category_code": code if continues else "",
                "relation": "same" if continues else "dropped",
                "note_en": "",
            }
        )
    links.append(
        {
            "from_contest_code": "",
            "from_edition_year": "",
            "from_category_code": "",
            "to_contest_code": "PCCA",
            "to_edition_year": "2027",
            "to_category_code": "VOICEBOT",
            "relation": "new",
            "note_en": "",
        }
    )
    return links


@pytest.fixture(scope="module")
def catalog_with_2027(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A DuckDB file built by dbt from a copy of the project with the 2027 rows added."""
    root = tmp_path_factory.mktemp("edition_2027")
    project = root / "dbt_project"
    shutil.copytree(
        PROJECT_ROOT / "dbt_project",
        project,
        ignore=shutil.ignore_patterns("target", "logs", "dbt_packages", ".user.yml"),
    )
    for seed, rows in EDITION_2027.items():
        _append_rows(project / RULES_SEEDS / f"{seed}.csv", rows)
    _append_rows(
        project / RULES_SEEDS / "category_lineage_links.csv", _lineage_2026_to_2027(project)
    )
    database = root / "catalog.duckdb"
    # The catalog marts also read the drop folder (its catalog/ files, its editions): here an
    # empty one, landed by the real raw-layer code.
    with duckdb.connect(str(database)) as con:
        for contract in TABLE_CONTRACTS:
            replace_raw_table(con, contract.name, empty_raw_frame(contract))
            replace_issues(con, contract.name, [])
        replace_issues(con, "media", [])
    env = {**os.environ, **dbt_profile_env(database), "DBT_PROFILES_DIR": str(project)}
    # dbt build loads the selected seeds itself before building the models on them.
    run = subprocess.run(
        [
            DBT_EXECUTABLE,
            "build",
            "--select",
            "path:seeds/rules",
            # The catalog's marts and their seeds, not the marts built on entries.
            "+dim_category",
            "+dim_category_family",
            "+dim_contest_edition",
            "+category_lineage",
            "--indirect-selection",
            "cautious",
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout[-4000:]
    return database


def test_new_edition_rows_reach_dim_category_with_their_limits(catalog_with_2027):
    with duckdb.connect(str(catalog_with_2027), read_only=True) as con:
        rows = con.execute(
            "select category_key, family_code, directions, client_types, languages,"
            " cases_per_entry, max_interactions_per_case, allowed_formats,"
            " duration_limit_seconds, duration_limit_scope, source_document"
            " from marts.dim_category where edition_year = 2027 order by category_sort_order"
        ).fetchall()
        editions = con.execute(
            "select contest_edition_key, category_count from marts.dim_contest_edition"
            " order by contest_edition_key"
        ).fetchall()
        per_contest = dict(
            con.execute(
                "select contest_code, count(*) from marts.dim_category group by contest_code"
            ).fetchall()
        )
    assert rows == [
        (
            "PCCA-2027-SPRZEDAZ",
            "SPRZEDAZ_RETENCJA",
            ["OUT"],
            ["external"],
            None,
            2,
            4,
            ["MP3"],
            900,
            "case",
            "hypothetical_pcca_2027.txt",
        ),
        (
            "PCCA-2027-VOICEBOT",
            "VOICEBOT",
            ["IN"],
            ["external", "internal"],
            None,
            3,
            1,
            ["MP3", "MP4"],
            1200,
            "recording",
            "hypothetical_pcca_2027.txt",
        ),
    ]
    assert ("PCCA-2027", 2) in editions
    assert per_contest == {"PCCA": 22, "IBA": 8}


def test_new_edition_lineage_links_the_previous_one(catalog_with_2027):
    with duckdb.connect(str(catalog_with_2027), read_only=True) as con:
        links = con.execute(
            "select relation, count(*) from marts.category_lineage"
            " where from_edition_year = 2026 or to_edition_year = 2027 group by relation"
        ).fetchall()
        sales = con.execute(
            "select list(category_key order by edition_year, category_key) from marts.dim_category"
            " where family_code = 'SPRZEDAZ_RETENCJA'"
        ).fetchone()
    assert dict(links) == {"same": 1, "dropped": 8, "new": 1}
    assert sales == (
        [
            "PCCA-2024-SPRZEDAZ_RETENCJA",
            "PCCA-2026-SPRZEDAZ",
            "PCCA-2026-UTRZYMANIE",
            "PCCA-2027-SPRZEDAZ",
        ],
    )
