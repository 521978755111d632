"""marts.fct_media on the demo warehouse: every listed file, with its real format or a reason."""

import duckdb

from ingest.contract import FILES
from ingest.drop_folder import discover_editions
from ingest.tables import read_table


def _query(warehouse, sql: str) -> list[tuple]:
    with duckdb.connect(str(warehouse.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_every_files_row_has_one_fct_media_row(demo_warehouse):
    expected = {
        (e.contest_code, e.edition_year): read_table(e, FILES).frame.height
        for e in discover_editions(demo_warehouse.data_dir)
        if (e.folder / "files.csv").is_file()
    }
    counted = dict(
        ((contest, year), n)
        for contest, year, n in _query(
            demo_warehouse,
            "select contest_code, edition_year, count(*) from marts.fct_media group by all",
        )
    )
    assert counted == expected
    assert sum(expected.values()) > 100


def test_recordings_have_true_durations_and_failures_have_reasons(demo_warehouse):
    rows = _query(
        demo_warehouse,
        "select detected_format, duration_seconds, duration_method, probe_status, probe_error "
        "from marts.fct_media",
    )
    ok_audio = [r for r in rows if r[3] == "ok" and r[0] in ("MP3", "MP4")]
    assert ok_audio and all(r[1] > 0 and r[2] for r in ok_audio)
    assert any(r[1] > 20 * 60 for r in ok_audio)  # some recordings exceed the 20-minute limit
    assert {r[2] for r in ok_audio} >= {"frame_count", "xing_header", "container"}
    failed = [r for r in rows if r[3] != "ok"]
    assert failed and all(r[4] for r in failed)


def test_mislabelled_demo_file_is_detected_by_content(demo_warehouse):
    mismatched = _query(
        demo_warehouse,
        "select detected_format, extension_format from marts.fct_media where extension_mismatch",
    )
    issues = _query(
        demo_warehouse,
        "select count(*) from staging.stg_raw__ingest_issues where status = 'extension_mismatch'",
    )
    assert ("MP3", "MP4") in mismatched
    assert issues[0][0] == len(mismatched)
