"""Parse the dbt project into its manifest, as `make manifest` and the test suite need."""

from orchestration.dbt_project import dbt_cli, dbt_project

if __name__ == "__main__":
    dbt_cli().cli(["parse", "--quiet"], target_path=dbt_project.target_path).wait()
