"""The sponsor file a later build publishes (after killed builds, from a grown drop folder)
still holds no person's name. The name scan is the marts developers' (test_sponsor_privacy),
applied here to the reliability scenario's last published sponsor file."""

import duckdb
import pytest

from tests.pipeline.test_sponsor_privacy import names_found, person_names
from tests.reliability_scenario import scenario_for


@pytest.fixture(scope="module")
def scenario(demo_warehouse, tmp_path_factory):
    return scenario_for(demo_warehouse, lambda: tmp_path_factory.mktemp("reliability"))


def test_the_republished_sponsor_file_holds_no_personal_name(scenario):
    names = person_names(scenario.data_dir)
    assert scenario.next_rc == 0
    assert len(names) >= 3
    with duckdb.connect(str(scenario.out_dir / "sponsor.duckdb"), read_only=True) as con:
        assert names_found(con, names) == []
