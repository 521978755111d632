"""Fixtures of the pipeline tests: the demo drop folder built once by the real pipeline."""

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager

from tests.warehouse_builds import BuiltWarehouse, build_warehouse


@pytest.fixture(scope="session")
def demo_warehouse(demo_drop_folder: Path, tmp_path_factory: pytest.TempPathFactory):
    """The demo drop folder built once per test session with the real Dagster, dbt and DuckDB."""
    return build_warehouse(demo_drop_folder, tmp_path_factory.mktemp("warehouse"))


@pytest.fixture
def published_env(demo_warehouse: BuiltWarehouse, monkeypatch: pytest.MonkeyPatch):
    """The dashboards pointed at the demo warehouse, without a password."""
    monkeypatch.setenv("PODIUM_WAREHOUSE", str(demo_warehouse.warehouse))
    monkeypatch.setenv("PODIUM_SPONSOR_WAREHOUSE", str(demo_warehouse.sponsor_warehouse))
    monkeypatch.setenv("PODIUM_DATA_DIR", str(demo_warehouse.data_dir))
    monkeypatch.delenv("PODIUM_ORGANIZER_PASSWORD", raising=False)
    return demo_warehouse


@pytest.fixture
def downloads(monkeypatch) -> dict[str, Callable]:
    """The CSV downloads built on click, by file name: a test calls one as a click would."""
    made: dict[str, Callable] = {}
    add_deferred = MediaFileManager.add_deferred

    def recording(self, data, mimetype, coordinates, file_name=None, **kwargs):
        made[file_name] = data
        return add_deferred(self, data, mimetype, coordinates, file_name=file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", recording)
    return made
