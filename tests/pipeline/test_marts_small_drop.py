"""The star schema on a tiny drop folder written here: spellings, duplicates, cases, gaps."""

import csv
import math
from array import array
from pathlib import Path

import duckdb
import lameenc
import pytest

from tests.pipeline.test_sponsor_privacy import names_found, person_names
from tests.warehouse_builds import build_warehouse

SAMPLE_RATE = 8000


def _mp3(seconds: float) -> bytes:
    samples = array(
        "h",
        (
            int(2000 * math.sin(2 * math.pi * 440 * n / SAMPLE_RATE))
            for n in range(int(seconds * SAMPLE_RATE))
        ),
    )
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(32)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    return bytes(encoder.encode(samples.tobytes()) + encoder.flush())


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _drop_folder(root: Path) -> Path:
    pcca = root / "PCCA-2026"
    _csv(
        pcca / "entries.csv",
        [
            ["entry_id", "category", "participant_name", "organization", "submitted_at"],
            ["P1", "Sprzedaż", "Anna Testowa", "Telekom Polska S.A.", "2026-03-01T10:00:00"],
            ["P2", "Obsługa klienta", "Jan Próbny", "TELEKOM  POLSKA SA", "2026-03-03T09:00:00"],
            ["P2", "Help-desk", "Jan Próbny", "„Telekom Polska” SA", "2026-03-03T11:00:00"],
            ["P3", "Sprzedaż", "Ewa Łącka", "Energa Obsługa Sp. z o.o.", "not a date"],
        ],
    )
    _csv(
        pcca / "cases.csv",
        [
            ["entry_id", "case_no", "direction", "client_type", "language"],
            ["P1", "1", "in", "External", "pl"],
            ["P1", "2", "SIDEWAYS", "external", "PL"],
        ],
    )
    _csv(
        pcca / "files.csv",
        [
            ["entry_id", "case_no", "interaction_no", "kind", "path"],
            ["P1", "1", "1", "", "media/p1_1_1.mp3"],
            ["P1", "1", "2", "", "media/p1_1_2.mp3"],
            ["P1", "2", "1", "", "media/missing.mp3"],
        ],
    )
    (pcca / "media").mkdir()
    (pcca / "media" / "p1_1_1.mp3").write_bytes(_mp3(2.0))
    (pcca / "media" / "p1_1_2.mp3").write_bytes(_mp3(3.0))
    _csv(
        pcca / "jurors.csv",
        [
            ["juror_id", "juror_name", "organization"],
            ["J1", "Marek Sędzia", "ENERGA OBSŁUGA sp. z o. o."],
        ],
    )
    _csv(
        root / "IBA-2026" / "entries.csv",
        [
            ["entry_id", "category", "nominee", "organization", "country", "submitted_at"],
            ["N1", "E04", "Olga Nominowana", "Bank Północny", "PL", "2026-04-10T12:00:00"],
            ["N2", "E05", "Piotr Kandydat", "Bank Polnocny S.A.", "PL", "2026-04-11T12:00:00"],
        ],
    )
    return root


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    root = tmp_path_factory.mktemp("small")
    return build_warehouse(_drop_folder(root / "drop"), root / "warehouse")


@pytest.fixture(scope="module")
def marts(small):
    with duckdb.connect(str(small.warehouse), read_only=True) as con:
        yield con


def test_one_organization_however_its_name_is_spelled(marts):
    rows = marts.execute(
        "select organization_name_normalized, spelling_count, entry_rows, has_jurors "
        "from marts.dim_organization order by all"
    ).fetchall()
    assert rows == [
        ("bank polnocny", 2, 2, False),
        ("energa obsluga", 2, 1, True),
        ("telekom polska", 3, 3, False),
    ]
    (unkeyed,) = marts.execute(
        "select count(*) from marts.fct_entries where organization_key is null"
    ).fetchone()
    assert unkeyed == 0


def test_every_row_is_kept_and_duplicated_ids_are_flagged(marts):
    rows = marts.execute(
        "select entry_id, is_duplicate_entry_id, submitted_on is null from marts.fct_entries "
        "where contest_code = 'PCCA' order by entry_id, source_row"
    ).fetchall()
    assert rows == [
        ("P1", False, False),
        ("P2", True, False),
        ("P2", True, False),
        ("P3", False, True),
    ]
    (participants,) = marts.execute(
        "select count(*) from marts.dim_participant where participant_name = 'Jan Próbny'"
    ).fetchone()
    assert participants == 1


def test_case_sequence_lasts_the_sum_of_its_measured_recordings(marts):
    (measured,) = marts.execute(
        "select sum(duration_seconds) from staging.stg_raw__media "
        "where relative_path in ('media/p1_1_1.mp3', 'media/p1_1_2.mp3')"
    ).fetchone()
    rows = marts.execute(
        "select case_no, direction, direction_as_written, client_type, language, interactions, "
        "recordings, unreadable_files, sequence_duration_seconds, is_duration_complete, "
        "entry_row_key is not null from marts.fct_cases order by case_no"
    ).fetchall()
    assert measured == pytest.approx(5.0, abs=0.5)
    first, second = rows
    assert first[:8] == (1, "IN", "IN", "external", "PL", 2, 2, 0)
    assert first[8] == pytest.approx(measured)
    assert first[9:] == (True, True)
    assert second[:8] == (2, None, "SIDEWAYS", "external", "PL", 1, 0, 1)
    assert second[8:] == (None, False, True)


def test_timeline_fills_quiet_days_and_counts_undated_entries_last(marts):
    rows = marts.execute(
        "select cast(submitted_on as varchar), day_number, entries, cumulative_entries "
        "from marts.submission_timeline where contest_code = 'PCCA' "
        "order by submitted_on nulls last"
    ).fetchall()
    assert rows == [
        ("2026-03-01", 1, 1, 1),
        ("2026-03-02", 2, 0, 1),
        ("2026-03-03", 3, 2, 3),
        (None, None, 1, 4),
    ]


def test_sponsor_file_suppresses_small_cells_and_names_nobody(small):
    with duckdb.connect(str(small.sponsor_warehouse), read_only=True) as con:
        rows = con.execute(
            "select contest_code, entries, organizations, is_suppressed "
            "from entries_by_edition order by all"
        ).fetchall()
        bands = con.execute(
            "select size_band_code, entries, is_suppressed from entries_by_size_band "
            "where contest_code = 'PCCA' order by all"
        ).fetchall()
        leaked = names_found(con, person_names(small.data_dir))
    assert rows == [("IBA", None, None, True), ("PCCA", 4, None, True)]
    # Energa's 1 entry is a small cell; Telekom's 3 would give it away from the total of 4.
    assert bands == [("medium", None, True), ("small", None, True)]
    assert leaked == []
