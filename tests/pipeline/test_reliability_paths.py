"""files.csv paths stay inside their edition folder, through the whole pipeline.

The reliability scenario's last build read a drop folder listing `../outside.mp3` and a
symlink to a recording outside the drop folder: both must be recorded with their reason,
and their bytes must never be read (a readable MP3 would otherwise show its size and hash).
"""

import duckdb
import pytest

from tests.reliability_scenario import scenario_for


@pytest.fixture(scope="module")
def scenario(demo_warehouse, tmp_path_factory):
    return scenario_for(demo_warehouse, lambda: tmp_path_factory.mktemp("reliability"))


@pytest.fixture(scope="module")
def media(scenario):
    """raw.media of the published warehouse after the build, as column -> value rows."""
    with duckdb.connect(str(scenario.out_dir / "podium.duckdb"), read_only=True) as con:
        frame = con.sql("select * from raw.media").pl()
    return frame.to_dicts()


def test_paths_leaving_the_edition_folder_are_recorded_with_their_reason(scenario, media):
    recorded = {row["relative_path"]: row for row in media if row["contest_code"] == "PCCA"}
    assert scenario.next_rc == 0
    for listed in scenario.hostile.listed:
        row = recorded[listed]
        assert row["probe_status"] == "path_escapes", listed
        assert "edition folder" in row["probe_error"], row["probe_error"]


def test_paths_leaving_the_edition_folder_are_never_opened(scenario, media):
    hostile = [row for row in media if row["relative_path"] in scenario.hostile.listed]
    assert len(hostile) == len(scenario.hostile.listed)
    assert all(row["size_bytes"] is None and row["sha256"] is None for row in hostile)
    assert scenario.hostile.outside_sha256 not in {row["sha256"] for row in media}


def test_the_other_recordings_of_the_same_entry_are_still_probed(scenario, media):
    new_entry = scenario.added_ids[0]
    probed = [
        row
        for row in media
        if new_entry in row["relative_path"] and row["relative_path"] not in scenario.hostile.listed
    ]
    assert probed
    assert {row["probe_status"] for row in probed} == {"ok"}
