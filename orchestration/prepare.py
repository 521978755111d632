"""Parse the dbt project into its manifest, as `make manifest` and the test suite need."""

from orchestration.dbt_project import dbt_cli, dbt_project
from orchestration.resources import PodiumWarehouse

if __name__ == "__main__":
    # Parsed with the profile the build uses, so the build's first dbt step can reuse the parse.
    PodiumWarehouse().export_build_env()
    dbt_cli().cli(["parse", "--quiet"], target_path=dbt_project.target_path).wait()
