"""Two builds of one drop folder give the same marts; added entries add exactly their rows.

The reliability scenario's build killed between staging and renaming (a separate `dagster job
execute` process) left a complete staged copy of a second build of the demo drop folder: it
is compared with the session's in-process demo build, table by table and row by row (columns
the guide lists as volatile aside, floats to a relative 1e-9). The scenario's last build,
after three entries were added, is compared with the demo build.
"""

import pytest

from tests.reliability_scenario import ADDED_ENTRIES, same_rows, scenario_for


@pytest.fixture(scope="module")
def scenario(demo_warehouse, tmp_path_factory):
    return scenario_for(demo_warehouse, lambda: tmp_path_factory.mktemp("reliability"))


def test_two_builds_of_the_same_drop_folder_give_the_same_tables(scenario):
    assert sorted(scenario.rebuilt) == sorted(scenario.last_good.marts)
    assert "marts.fct_entries" in scenario.rebuilt


@pytest.mark.parametrize("table", ["marts.fct_entries", "sponsor.entries_by_edition"])
def test_two_builds_of_the_same_drop_folder_give_the_same_rows(scenario, table):
    assert scenario.rebuilt[table]
    assert same_rows(scenario.rebuilt[table], scenario.last_good.marts[table])


def test_two_builds_of_the_same_drop_folder_give_the_same_rows_everywhere(scenario):
    differing = [
        table
        for table, rows in scenario.last_good.marts.items()
        if not same_rows(scenario.rebuilt[table], rows)
    ]
    assert differing == []


def test_added_entries_add_exactly_their_rows(scenario):
    before = scenario.last_good.marts["marts.fct_entries"]
    after = scenario.final.marts["marts.fct_entries"]
    gained = [row for row in after if row not in before]
    assert scenario.next_rc == 0
    assert len(after) == len(before) + ADDED_ENTRIES
    assert all(row in after for row in before)
    assert sorted(row["entry_id"] for row in gained) == sorted(scenario.added_ids)


def test_sponsor_file_counts_grow_by_the_added_entries_only(scenario):
    def entries(contents):
        rows = contents["main.entries_by_edition"]
        return {(row["contest_code"], row["edition_year"]): row["entries"] for row in rows}

    before, after = entries(scenario.last_good.sponsor), entries(scenario.final.sponsor)
    assert after == {**before, ("PCCA", 2026): before[("PCCA", 2026)] + ADDED_ENTRIES}
