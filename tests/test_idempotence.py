"""Two builds of one drop folder give the same marts; added entries add exactly their rows.

The first build of the reliability scenario (a separate `dagster job execute` process, on a
copy of the demo drop folder) is compared with the session's in-process demo build; the
scenario's last build, after three entries were added, with the first.
"""

import pytest

from tests.reliability_scenario import ADDED_ENTRIES, scenario_for, table_contents, volatile_columns


@pytest.fixture(scope="module")
def scenario(demo_drop_folder, tmp_path_factory):
    return scenario_for(demo_drop_folder, lambda: tmp_path_factory.mktemp("reliability"))


@pytest.fixture(scope="module")
def demo_contents(demo_warehouse):
    return table_contents(demo_warehouse.warehouse, ("marts", "sponsor"), volatile_columns())


def test_two_builds_of_the_same_drop_folder_give_the_same_tables(scenario, demo_contents):
    assert sorted(scenario.last_good.marts) == sorted(demo_contents)
    assert "marts.fct_entries" in demo_contents


@pytest.mark.parametrize("table", ["marts.fct_entries", "sponsor.entries_by_edition"])
def test_two_builds_of_the_same_drop_folder_give_the_same_rows(scenario, demo_contents, table):
    assert scenario.last_good.marts[table] == demo_contents[table]


def test_two_builds_of_the_same_drop_folder_give_the_same_rows_everywhere(scenario, demo_contents):
    differing = [
        table for table, rows in demo_contents.items() if scenario.last_good.marts[table] != rows
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
