"""Each dashboard page renders on a real warehouse without exceptions and with its numbers."""

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from orchestration.settings import PROJECT_ROOT

DASHBOARDS = PROJECT_ROOT / "dashboards"


@pytest.fixture
def published_env(demo_warehouse, monkeypatch):
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(demo_warehouse.warehouse))
    monkeypatch.setenv("PODIUM_SPONSOR_WAREHOUSE", str(demo_warehouse.sponsor_warehouse))
    return demo_warehouse


def test_participation_page_counts_all_entries(published_env):
    with duckdb.connect(str(published_env.warehouse), read_only=True) as con:
        (total,) = con.execute("select count(*) from marts.fct_entries").fetchone()
    app = AppTest.from_file(str(DASHBOARDS / "pages" / "participation.py")).run()
    assert not app.exception
    assert app.metric[0].value == str(total)


def test_sponsor_app_shows_every_edition(published_env):
    app = AppTest.from_file(str(DASHBOARDS / "sponsor_app.py")).run()
    assert not app.exception
    shown = app.dataframe[0].value
    assert len(shown) == 3
