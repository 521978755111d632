"""Builds killed with SIGKILL at several points leave the published files whole and usable.

The builds are real `dagster job execute` processes (tests/reliability_scenario.py), killed
with their whole process group; each kill point is reached deterministically (a named pause
point) or read from the build's own log, and checked in that log.
"""

import re
from pathlib import Path

import duckdb
import pytest

from tests.reliability_scenario import KILL_POINTS, PUBLISH_STEP_STARTED, Kill, scenario_for


@pytest.fixture(scope="module")
def scenario(demo_warehouse, tmp_path_factory):
    return scenario_for(demo_warehouse, lambda: tmp_path_factory.mktemp("reliability"))


@pytest.fixture(params=[point.name for point in KILL_POINTS])
def kill(request, scenario) -> Kill:
    return next(k for k in scenario.kills if k.point.name == request.param)


def test_killed_build_leaves_published_files_byte_for_byte(scenario, kill):
    assert kill.after.warehouse_digest == scenario.last_good.warehouse_digest
    assert kill.after.sponsor_digest == scenario.last_good.sponsor_digest


def test_killed_build_leaves_published_files_readable_with_the_same_contents(scenario, kill):
    # Published.read opened both files read-only and read every table of marts and sponsor.
    assert kill.after.marts == scenario.last_good.marts
    assert kill.after.sponsor == scenario.last_good.sponsor


def test_each_kill_happened_where_it_claims(scenario):
    by_name = {k.point.name: k for k in scenario.kills}
    ingest, dbt, publishing = by_name["raw ingest"], by_name["dbt"], by_name["publishing"]
    # Ingest: raw_entries landed, the media probe had not started.
    assert 'Finished execution of step "raw_entries"' in ingest.log
    assert 'Started execution of step "raw_media"' not in ingest.log
    # dbt: a marts table was written into the build file, publishing had not begun.
    assert re.search(r"OK created sql table model marts\.", dbt.log)
    assert 'Started execution of step "podium_dbt_models"' in dbt.log
    assert PUBLISH_STEP_STARTED not in dbt.log
    # Publishing: the full copy was staged beside the published file, not yet renamed.
    assert publishing.reached.endswith("publish:staged")
    assert len(publishing.staged_at_kill) == 1
    assert re.fullmatch(r"\.podium\.duckdb\.\d+\.publishing", publishing.staged_at_kill[0])


def test_the_kill_between_copy_and_rename_leaves_its_staged_copy(scenario):
    # The killed process could not clean up: the next build has to.
    assert scenario.leftovers_before_next
    assert set(scenario.kills[-1].staged_at_kill) <= set(scenario.leftovers_before_next)


def test_next_build_completes_and_clears_the_leftovers(scenario):
    assert scenario.next_rc == 0, scenario.next_log[-5000:]
    assert scenario.final.leftovers == []
    assert not list(Path(scenario.out_dir).glob(".*.publishing*"))


def test_next_build_publishes_the_new_entries(scenario):
    with duckdb.connect(str(scenario.out_dir / "podium.duckdb"), read_only=True) as con:
        found = {
            entry_id
            for (entry_id,) in con.execute(
                "select entry_id from marts.fct_entries where list_contains(?, entry_id)",
                [scenario.added_ids],
            ).fetchall()
        }
    assert found == set(scenario.added_ids)
