"""The dbt project, prepared (parsed) by `dagster dev` and by `make manifest` elsewhere."""

import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from orchestration.settings import PROJECT_ROOT

# dbt comes with this interpreter's environment, whether or not that is on PATH.
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))

dbt_project = DbtProject(
    project_dir=PROJECT_ROOT / "dbt_project", profiles_dir=PROJECT_ROOT / "dbt_project"
)
dbt_project.prepare_if_dev()


def dbt_cli() -> DbtCliResource:
    """The dbt CLI resource on this project."""
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)
