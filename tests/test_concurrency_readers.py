"""Reader processes query the published warehouse read-only through a whole build."""

import pytest

from tests.reliability_scenario import ADDED_ENTRIES, READERS, scenario_for


@pytest.fixture(scope="module")
def scenario(demo_drop_folder, tmp_path_factory):
    return scenario_for(demo_drop_folder, lambda: tmp_path_factory.mktemp("reliability"))


@pytest.fixture(scope="module")
def entry_counts(scenario):
    """Every entries count a reader saw, per reader, in order."""
    return [record for record in scenario.reads if record["query"] == "entries" and record["ok"]]


def test_no_query_failed_during_the_build(scenario):
    failed = [record for record in scenario.reads if not record["ok"]]
    assert scenario.next_rc == 0
    assert len(scenario.reads) > 10 * len(scenario.queries)
    assert failed == []


def test_every_reader_queried_all_through_the_build(scenario):
    during = [r for r in scenario.reads if scenario.started_at <= r["t"] < scenario.finished_at]
    per_reader = {reader: 0 for reader in {r["reader"] for r in scenario.reads}}
    for record in during:
        per_reader[record["reader"]] += 1
    assert len(per_reader) == READERS
    assert min(per_reader.values()) >= len(scenario.queries)


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
