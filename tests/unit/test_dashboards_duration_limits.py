"""The Formal check page takes the recording duration limit from the published catalog
(marts.dim_category): a hand-made warehouse file, no build."""

import json
from pathlib import Path

import duckdb
import pytest

from tests.dashboard_app import entry_ids, metrics, open_page, shown_text, table_with

# Two editions with their own limits: 15 minutes in DEMO 2026, 25 in DEMO 2025 (no category
# of the real catalog has either, so the page can only have them from this file).
CATEGORIES = [
    ("DEMO", 2026, "A", 900),
    ("DEMO", 2026, "B", 900),
    ("DEMO", 2026, "T", None),
    ("DEMO", 2025, "A", 1500),
]
# (edition year, entry, its category, recording seconds)
RECORDINGS = [
    (2026, "E1", "A", 960),  # 16 minutes: over 15
    (2026, "E2", "B", 840),  # 14 minutes: within
    (2026, "E3", "T", 2000),  # a category without a limit: never over
    (2025, "F1", "A", 1440),  # 24 minutes: within 25, though over 15
    (2025, "F2", "A", 1560),  # 26 minutes: over 25
]


def _warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("create schema marts")
        con.execute(
            "create table marts.dim_category (category_key varchar, contest_code varchar, "
            "edition_year integer, category_code varchar, category_name_pl varchar, "
            "category_name_en varchar, category_sort_order integer, "
            "duration_limit_seconds integer)"
        )
        con.executemany(
            "insert into marts.dim_category values (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (f"{c}-{y}-{code}", c, y, code, f"Kategoria {code}", f"Category {code}", n, limit)
                for n, (c, y, code, limit) in enumerate(CATEGORIES)
            ],
        )
        con.execute(
            "create table marts.fct_entries (entry_row_key varchar, contest_code varchar, "
            "edition_year integer, entry_id varchar, category_key varchar, "
            "category_code varchar, family_code varchar, organization_key varchar, "
            "surcharge_due boolean, surcharge_minutes integer)"
        )
        con.executemany(
            "insert into marts.fct_entries values (?, 'DEMO', ?, ?, ?, ?, null, 'O1', false, null)",
            [(e, y, e, f"DEMO-{y}-{code}", code) for y, e, code, _ in RECORDINGS],
        )
        con.execute(
            "create table marts.fct_media (contest_code varchar, edition_year integer, "
            "entry_id varchar, case_no integer, interaction_no integer, relative_path varchar, "
            "detected_format varchar, duration_seconds double, probe_status varchar)"
        )
        con.executemany(
            "insert into marts.fct_media values ('DEMO', ?, ?, 1, 1, ?, 'MP3', ?, 'ok')",
            [(y, e, f"media/{e}.mp3", seconds) for y, e, _, seconds in RECORDINGS],
        )
    return path


@pytest.fixture
def warehouse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = _warehouse(tmp_path / "podium.duckdb")
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(path))
    monkeypatch.setenv("PODIUM_DATA_DIR", str(tmp_path / "drop"))
    monkeypatch.delenv("PODIUM_ORGANIZER_PASSWORD", raising=False)
    return path


def _limit_lines(app, axis: str) -> list[float]:
    """Where the durations histogram (its x axis titled axis) draws its limit lines."""
    (chart,) = [
        json.loads(chart.proto.spec)
        for chart in app.get("plotly_chart")
        if json.loads(chart.proto.spec)["layout"]["xaxis"]["title"]["text"] == axis
    ]
    return sorted(shape["x0"] for shape in chart["layout"]["shapes"])


def test_one_edition_shows_its_own_limit(warehouse):
    app = open_page("formal_check", language="en", filter_contest="DEMO", filter_edition=2026)
    assert metrics(app)["Over 15 min"] == "1"
    assert "Recording durations against the 15-minute limit" in shown_text(app)
    assert _limit_lines(app, "minutes") == [15]
    assert entry_ids(table_with(app, "duration [s]")["entry id"]) == ["E1"]


def test_editions_with_different_limits_compare_each_recording_with_its_own(warehouse):
    app = open_page("formal_check", language="pl", filter_contest="DEMO")
    # 15 and 25 minutes apply to two recordings each: the shorter leads; E1 and F2 are over.
    assert metrics(app)["Powyżej 15 min"] == "2"
    assert "różne limity czasu" in shown_text(app)
    assert "15 min (2), 25 min (2)" in shown_text(app)
    assert _limit_lines(app, "minuty") == [15, 25]
    listed = table_with(app, "czas trwania [s]")
    assert sorted(listed["czas trwania [s]"]) == [960, 1560]
