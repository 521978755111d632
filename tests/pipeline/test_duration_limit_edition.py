"""The recording duration limit is the catalog's alone: an edition whose own catalog sets 15
minutes (900 s) has its 16-minute recording flagged by the formal checks, not its 14-minute
one, and the Formal check page shows 15 minutes, not the built-in catalog's 20.

A real build (Dagster, dbt, GX, DuckDB) of a drop folder written here: one fictional edition
(LIM-2026) defined by its catalog/ folder alone.
"""

from pathlib import Path

import duckdb
import pytest

from demo.audio import recording_mp3
from tests.dashboard_app import entry_ids, metrics, open_page, shown_text, table_with
from tests.warehouse_builds import BuiltWarehouse, build_warehouse, write_csv

LIMIT_SECONDS = 900
# (entry id, recording seconds): 16 minutes is over the edition's 15, 14 minutes is not.
RECORDINGS = {"L1": 960, "S1": 840}


def _drop_folder(root: Path) -> Path:
    edition = root / "LIM-2026"
    write_csv(
        edition / "catalog" / "edition.csv",
        [["contest_name_pl", "contest_name_en"], ["Konkurs limitów", "Limits contest"]],
    )
    write_csv(
        edition / "catalog" / "categories.csv",
        [
            ["category_code", "category_name_pl", "category_name_en", "family_code",
             "interaction_form", "cases_per_entry", "max_interactions_per_case",
             "allowed_formats", "duration_limit_seconds", "duration_limit_scope"],
            ["V", "Rozmowa roku", "Call of the year", "", "voice", "1", "1", "MP3",
             str(LIMIT_SECONDS), "recording"],
        ],
    )  # fmt: skip
    write_csv(
        edition / "entries.csv",
        [
            ["entry_id", "category", "participant_name", "organization", "submitted_at"],
            *[
                [entry_id, "Rozmowa roku", f"Osoba {entry_id}", "Firma", "2026-03-01T10:00:00"]
                for entry_id in RECORDINGS
            ],
        ],
    )
    write_csv(
        edition / "cases.csv",
        [["entry_id", "case_no"], *[[entry_id, "1"] for entry_id in RECORDINGS]],
    )
    write_csv(
        edition / "files.csv",
        [
            ["entry_id", "case_no", "interaction_no", "kind", "path"],
            *[[entry_id, "1", "1", "", f"media/{entry_id}.mp3"] for entry_id in RECORDINGS],
        ],
    )
    for entry_id, seconds in RECORDINGS.items():
        (edition / "media").mkdir(exist_ok=True)
        (edition / "media" / f"{entry_id}.mp3").write_bytes(recording_mp3(seconds, 8))
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltWarehouse:
    root = _drop_folder(tmp_path_factory.mktemp("limit_drop"))
    return build_warehouse(root, tmp_path_factory.mktemp("limit_warehouse"))


def test_the_edition_catalog_sets_the_limit(built):
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        limits = con.execute(
            "select category_key, duration_limit_seconds, duration_limit_scope "
            "from marts.dim_category where contest_code = 'LIM'"
        ).fetchall()
    assert limits == [("LIM-2026-V", LIMIT_SECONDS, "recording")]


def test_the_checks_flag_the_recording_over_the_edition_limit(built):
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        measured = dict(
            con.execute(
                "select entry_id, duration_seconds from marts.fct_media where contest_code = 'LIM'"
            ).fetchall()
        )
        flagged = con.execute(
            "select entry_id, limit_number, minutes_over, is_surcharge from marts.fct_violations "
            "where contest_code = 'LIM' and rule_code = 'PCCA_RECORDING_OVER_LIMIT'"
        ).fetchall()
        surcharged = dict(
            con.execute(
                "select entry_id, surcharge_due from marts.fct_entries where contest_code = 'LIM'"
            ).fetchall()
        )
    # The recordings last what they were written to (whole seconds, as the rule counts them).
    assert {entry_id: round(seconds) for entry_id, seconds in measured.items()} == RECORDINGS
    assert flagged == [("L1", LIMIT_SECONDS, 1, True)]
    assert surcharged == {"L1": True, "S1": False}


def test_the_formal_check_page_shows_the_edition_limit(built, monkeypatch):
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(built.warehouse))
    monkeypatch.setenv("PODIUM_SPONSOR_WAREHOUSE", str(built.sponsor_warehouse))
    monkeypatch.setenv("PODIUM_DATA_DIR", str(built.data_dir))
    monkeypatch.delenv("PODIUM_ORGANIZER_PASSWORD", raising=False)
    app = open_page("formal_check", language="en")
    assert metrics(app)["Over 15 min"] == "1"
    assert not any("20" in label for label in metrics(app))
    text = shown_text(app)
    assert "Recording durations against the 15-minute limit" in text
    assert "20-minute" not in text
    assert entry_ids(table_with(app, "duration [s]")["entry id"]) == ["L1"]
    polish = open_page("formal_check", language="pl")
    assert metrics(polish)["Powyżej 15 min"] == "1"
