"""Where Podium reads its drop folder and writes its warehouse, from the environment.

Every path is resolved when asked for, so tests can point the pipeline elsewhere by
setting the environment variables before a run.
"""

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DEFAULT_DATA_DIR = "data/demo"
DEFAULT_WAREHOUSE = "warehouse/podium.duckdb"
DEFAULT_SPONSOR_WAREHOUSE = "warehouse/sponsor.duckdb"


def _path(variable: str, default: str) -> Path:
    value = Path(os.environ.get(variable) or default)
    return value if value.is_absolute() else PROJECT_ROOT / value


@dataclass(frozen=True)
class PodiumPaths:
    """The files one build reads and writes."""

    data_dir: Path
    warehouse: Path
    sponsor_warehouse: Path

    @property
    def build_dir(self) -> Path:
        """Private working area of the pipeline, beside the published warehouse."""
        return self.warehouse.parent / ".build"

    @property
    def build_db(self) -> Path:
        """The only file the pipeline writes to; readers never open it."""
        return self.build_dir / "podium.duckdb"

    @property
    def gx_docs_dir(self) -> Path:
        """Great Expectations Data Docs, rebuilt on every run."""
        return self.warehouse.parent / "data_docs"


def podium_paths() -> PodiumPaths:
    """The paths configured by PODIUM_DATA_DIR, PODIUM_WAREHOUSE and PODIUM_SPONSOR_WAREHOUSE."""
    return PodiumPaths(
        data_dir=_path("PODIUM_DATA_DIR", DEFAULT_DATA_DIR),
        warehouse=_path("PODIUM_WAREHOUSE", DEFAULT_WAREHOUSE),
        sponsor_warehouse=_path("PODIUM_SPONSOR_WAREHOUSE", DEFAULT_SPONSOR_WAREHOUSE),
    )
