"""The media asset on a small drop folder: probes once, reuses unchanged files, lists strays."""

import os
from pathlib import Path

import dagster as dg
import duckdb

from demo.records import write_csv
from orchestration.ingest_assets import raw_table_assets
from orchestration.media_assets import raw_media
from orchestration.resources import PodiumWarehouse
from tests.bad_input.media import image, recording_mp3, wav

FILES_HEADER = ["entry_id", "case_no", "interaction_no", "kind", "path"]


def _drop_folder(root: Path) -> Path:
    edition = root / "PCCA-2026"
    (edition / "media").mkdir(parents=True)
    (edition / "media/a.mp3").write_bytes(recording_mp3(20, 16))
    (edition / "media/b.mp3").write_bytes(wav(2))
    (edition / "media/c.png").write_bytes(image("PNG"))
    (edition / "media/stray.mp3").write_bytes(recording_mp3(5, 16))
    write_csv(
        edition / "entries.csv",
        ["entry_id", "category", "organization"],
        [["P1", "Sprzedaż", "Bank"]],
    )
    write_csv(
        edition / "files.csv",
        FILES_HEADER,
        [
            ["P1", 1, 1, "", "media/a.mp3"],
            ["P1", 2, 1, "", "media/b.mp3"],
            ["P1", 3, 1, "", "media\\c.png"],
            ["P1", 3, 2, "", "media/c.png"],
            ["P1", 3, 3, "", "media/gone.mp3"],
        ],
    )
    return root


def _materialize(resource: PodiumWarehouse) -> dict[str, object]:
    result = dg.materialize([*raw_table_assets, raw_media], resources={"warehouse": resource})
    (event,) = [
        e for e in result.get_asset_materialization_events()
        if e.materialization.asset_key == dg.AssetKey(["raw", "media"])
    ]  # fmt: skip
    return {k: v.value for k, v in event.materialization.metadata.items()}


def test_unchanged_files_are_not_probed_again(tmp_path):
    data_dir = _drop_folder(tmp_path / "drop")
    resource = PodiumWarehouse(data_dir=str(data_dir), warehouse=str(tmp_path / "w/podium.duckdb"))
    first = _materialize(resource)
    second = _materialize(resource)
    changed = data_dir / "PCCA-2026/media/a.mp3"
    changed.write_bytes(recording_mp3(30, 16))
    os.utime(changed, ns=(1, 1))  # a new size and mtime
    third = _materialize(resource)
    # 5 distinct listed paths: a, b, 'media\c.png', 'media/c.png' (one file), gone (never opened)
    assert (first["files"], first["probed"], first["reused"]) == (5, 4, 0)
    assert (second["probed"], second["reused"]) == (0, 4)
    assert (third["probed"], third["reused"]) == (1, 3)
    # Nothing changed before the second run: the step kept its tables whole.
    assert (first["rebuilt"], second["rebuilt"], third["rebuilt"]) == (True, False, True)
    with duckdb.connect(str(resource.paths.build_db), read_only=True) as con:
        duration = con.execute(
            "select duration_seconds from raw.media where relative_path = 'media/a.mp3'"
        ).fetchall()[0][0]
        cached = con.execute("select count(*) from raw.media_probe_cache").fetchall()[0][0]
    assert abs(duration - 30.0) < 0.1
    assert cached == 4


def test_media_issues_name_every_problem_of_the_folder(tmp_path):
    data_dir = _drop_folder(tmp_path / "drop")
    resource = PodiumWarehouse(data_dir=str(data_dir), warehouse=str(tmp_path / "w/podium.duckdb"))
    _materialize(resource)
    with duckdb.connect(str(resource.paths.build_db), read_only=True) as con:
        issues = con.execute(
            "select source_file, status, message from raw.media_issues order by all"
        ).fetchall()
    assert issues == [
        ("PCCA-2026/media/b.mp3", "extension_mismatch",
         "'media/b.mp3' holds WAV content under a name that says MP3"),
        ("PCCA-2026/media/c.png", "listed_more_than_once",
         "'media/c.png' is listed by 2 rows of files.csv"),
        ("PCCA-2026/media/gone.mp3", "missing",
         "'media/gone.mp3' does not exist in the edition folder"),
        ("PCCA-2026/media/stray.mp3", "unlisted_file",
         "'media/stray.mp3' is in the edition folder, no row lists it"),
    ]  # fmt: skip
