"""The dbt project, prepared (parsed) by `dagster dev` and by `make manifest` elsewhere."""

import sys
from pathlib import Path

from dagster_dbt import DbtCliResource, DbtProject

from orchestration.resources import PodiumWarehouse
from settings.environment import PROJECT_ROOT

# dbt comes with this interpreter's environment, whether or not that is on PATH.
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))
# Where dbt writes what it makes of the project; none of it defines the project.
NOT_DEFINITION = ("target", "logs", "dbt_packages", ".user.yml")

dbt_project = DbtProject(
    project_dir=PROJECT_ROOT / "dbt_project", profiles_dir=PROJECT_ROOT / "dbt_project"
)


def definition_files() -> list[Path]:
    """The dbt project's own files: models, seeds, tests, macros, config."""
    root = dbt_project.project_dir
    return [
        path
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] not in NOT_DEFINITION
    ]


def manifest_is_stale() -> bool:
    """True when no manifest was made or a project file changed after it."""
    manifest = dbt_project.manifest_path
    if not manifest.exists():
        return True
    made = manifest.stat().st_mtime
    return any(path.stat().st_mtime > made for path in definition_files())


# `dagster dev` imports this module in every run's process, and dbt's parse costs seconds:
# parse when the project changed, and with the build's profile, so a build reuses the parse.
if manifest_is_stale():
    PodiumWarehouse().export_build_env()
    dbt_project.prepare_if_dev()


def dbt_cli() -> DbtCliResource:
    """The dbt CLI resource on this project."""
    return DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE)
