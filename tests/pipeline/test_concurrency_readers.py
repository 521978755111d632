"""Reader processes query the published warehouse read-only through a whole build."""

import pytest

from tests.reliability_scenario import ADDED_ENTRIES, READERS, scenario_for


@pytest.fixture(scope="module")
def scenario(demo_warehouse, tmp_path_factory):
    return scenario_for(demo_warehouse, lambda: tmp_path_factory.mktemp("reliability"))


@pytest.fixture(scope="module")
def entry_counts(scenario):
    """Every entries count a reader saw, per reader, in order."""
    return [record for record in scenario.reads if record["query"] == "entries" and record["ok"]]


def test_no_query_failed_during_the_build(scenario):
    failed = [record for record in scenario.reads if not record["ok"]]
    assert scenario.next_rc == 0
    assert len(scenario.reads) > 10 * len(scenario.queries)
    assert failed == []


def test_every_reader_queried_in_both_halves_of_the_build(scenario):
    middle = (scenario.started_at + scenario.finished_at) / 2
    readers = {record["reader"] for record in scenario.reads}
    for start, end in ((scenario.started_at, middle), (middle, scenario.finished_at)):
        active = {r["reader"] for r in scenario.reads if start <= r["t"] < end and r["ok"]}
        assert active == readers
    assert len(readers) == READERS


def test_readers_see_the_old_or_the_new_warehouse_and_the_new_one_after_publishing(
    scenario, entry_counts
):
    before = len(scenario.last_good.marts["marts.fct_entries"])
    after = before + ADDED_ENTRIES
    assert {record["value"] for record in entry_counts} == {before, after}
    late = [record["value"] for record in entry_counts if record["t"] > scenario.finished_at]
    assert late
    assert set(late) == {after}


def test_no_reader_goes_back_to_the_old_warehouse(scenario, entry_counts):
    # Each reader queries in sequence: once one of its queries saw the new file, every
    # later connection opens the new file too (the rename is atomic).
    before = len(scenario.last_good.marts["marts.fct_entries"])
    for reader in {record["reader"] for record in entry_counts}:
        values = [record["value"] for record in entry_counts if record["reader"] == reader]
        first_new = next(n for n, value in enumerate(values) if value != before)
        assert set(values[first_new:]) == {before + ADDED_ENTRIES}
