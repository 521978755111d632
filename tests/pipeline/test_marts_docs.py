"""`make docs` builds the dbt docs site, and it documents every model and column we own."""

import json
import shutil
import subprocess

import pytest

from settings.environment import PROJECT_ROOT

# The folders of the star schema and sponsor aggregates (others document their own).
DOCUMENTED_FOLDERS = (
    "models/staging/",
    "models/intermediate/entries/",
    "models/marts/entries/",
    "models/marts/participation/",
    "models/sponsor/",
)


@pytest.fixture(scope="module")
def docs(demo_warehouse, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    warehouse = folder / "podium.duckdb"
    shutil.copyfile(demo_warehouse.warehouse, warehouse)
    subprocess.run(
        ["make", "--no-print-directory", "docs", f"PODIUM_WAREHOUSE={warehouse}"],
        cwd=PROJECT_ROOT,
        check=True,
        capture_output=True,
    )
    site = folder / "docs"
    return {
        "site": site,
        "manifest": json.loads((site / "manifest.json").read_text()),
        "catalog": json.loads((site / "catalog.json").read_text()),
    }


def _our_models(manifest: dict) -> dict[str, dict]:
    return {
        unique_id: node
        for unique_id, node in manifest["nodes"].items()
        if node["resource_type"] == "model"
        and node["original_file_path"].startswith(DOCUMENTED_FOLDERS)
    }


def test_make_docs_writes_a_static_site_of_the_warehouse(docs):
    assert (docs["site"] / "static_index.html").stat().st_size > 100_000
    tables = {node["metadata"]["name"] for node in docs["catalog"]["nodes"].values()}
    for name in (
        "fct_entries",
        "dim_organization",
        "participation_by_family",
        "entries_by_edition",
    ):
        assert name in tables


def test_every_model_and_built_column_we_own_is_described(docs):
    models = _our_models(docs["manifest"])
    assert len(models) >= 15
    undescribed = []
    for unique_id, node in models.items():
        if not node["description"].strip():
            undescribed.append(node["name"])
        built = docs["catalog"]["nodes"][unique_id]["columns"]
        described = {
            name.lower()
            for name, column in node["columns"].items()
            if column["description"].strip()
        }
        undescribed.extend(f"{node['name']}.{c}" for c in built if c.lower() not in described)
    assert undescribed == []
