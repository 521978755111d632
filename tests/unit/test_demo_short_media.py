"""The demo generator's short-media mode (benchmarks' drop folders): the same folder as the
demo, with real recordings that last seconds; and the demo's own mode left as it was."""

from pathlib import Path

import pytest

from demo.generate import generate
from demo.limits import category_limits, nomination_limits
from demo.media import LONG_CALL_OVER, SHORT_MEDIA_DIVISOR
from demo.records import DemoDropFolder
from ingest.contract import ENTRIES, FILES
from ingest.drop_folder import Edition, discover_editions
from ingest.media.probe import probe_file
from ingest.tables import read_table

SEED = 7  # the seed of conftest's demo_generated, so both folders can be compared
# The limits as the rules catalog states them.
LONG_CALL_SECONDS = max(
    limits.duration_limit_seconds or 0
    for year in (2024, 2026)
    for limits in category_limits("PCCA", year).values()
)
VIDEO_LIMIT_SECONDS = nomination_limits("IBA", 2026).video_max_seconds
# The longest call a short-media folder writes short: the longest call drawn, divided.
SHORT_CALL_MAX_SECONDS = (LONG_CALL_SECONDS + LONG_CALL_OVER[1]) / SHORT_MEDIA_DIVISOR + 2
DEFECT_STATUSES = {"missing", "empty", "truncated"}


@pytest.fixture(scope="module")
def short_generated(tmp_path_factory: pytest.TempPathFactory) -> DemoDropFolder:
    return generate(tmp_path_factory.mktemp("short") / "demo", seed=SEED, short_media=True)


def _probes(folder: Path) -> dict[tuple[str, str], object]:
    return {
        (edition.name, listed): probe_file(edition, listed)
        for edition in discover_editions(folder)
        for listed in _listed(edition)
    }


def _listed(edition: Edition) -> list[str]:
    return read_table(edition, FILES).frame.get_column("path").drop_nulls().to_list()


def _edition(folder: Path, name: str) -> Edition:
    return next(e for e in discover_editions(folder) if e.name == name)


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def test_short_media_files_are_real_and_short(short_generated):
    probes = _probes(short_generated.target)
    statuses = {p.probe_status for p in probes.values()}
    assert statuses <= {"ok"} | DEFECT_STATUSES
    recordings = [p for p in probes.values() if p.probe_status == "ok" and p.duration_seconds]
    formats = {p.detected_format for p in recordings}
    assert {"MP3", "MP4", "WAV"} <= formats
    long = sorted(
        (edition, p.duration_seconds)
        for (edition, _), p in probes.items()
        if (p.duration_seconds or 0) > SHORT_CALL_MAX_SECONDS
    )
    # Kept long on purpose: one call per PCCA edition, the IBA videos meant to be too long.
    assert [e for e, seconds in long if seconds > LONG_CALL_SECONDS] == ["PCCA-2024", "PCCA-2026"]
    videos = [s for e, s in long if e == "IBA-2026"]
    assert videos and all(s > VIDEO_LIMIT_SECONDS for s in videos)
    assert len(long) == 2 + len(videos)
    assert min(p.duration_seconds for p in recordings) >= 1.5


def test_short_media_calls_record_what_was_written(short_generated):
    probes = _probes(short_generated.target)
    intact = [e for e in short_generated.entries["PCCA-2026"] if e.calls and not e.rule_breaks
              and not e.file_defects]  # fmt: skip
    edition = _edition(short_generated.target, "PCCA-2026")
    checked = 0
    for entry in intact:
        frame = read_table(edition, FILES).frame.filter(entry_id=entry.entry_id)
        durations = sorted(probes["PCCA-2026", path].duration_seconds for path in frame["path"])
        written = sorted(seconds for _, seconds in entry.calls)
        # A call starts with a 1.5 s greeting, however short it was meant to be.
        assert written == pytest.approx(durations, abs=2.0), entry.entry_id
        checked += 1
    assert checked >= 10


def test_short_media_changes_only_the_recordings(short_generated, demo_generated):
    short, demo = short_generated.target, demo_generated.target
    short_files, demo_files = _files(short), _files(demo)
    assert short_files.keys() == demo_files.keys()
    for name in short_files:
        if name.endswith(".csv"):
            assert (short / name).read_bytes() == (demo / name).read_bytes(), name
    for edition in discover_editions(short):
        rows = read_table(edition, ENTRIES).frame.drop("_loaded_at")
        demo_rows = read_table(_edition(demo, edition.name), ENTRIES).frame
        assert rows.equals(demo_rows.drop("_loaded_at"))
        assert rows.height > 0
    assert short_generated.entries.keys() == demo_generated.entries.keys()
    for name, entries in short_generated.entries.items():
        demo_entries = demo_generated.entries[name]
        assert [e.rule_breaks for e in entries] == [e.rule_breaks for e in demo_entries]
        assert [e.file_defects for e in entries] == [e.file_defects for e in demo_entries]
    assert sum(short_files.values()) * 5 < sum(demo_files.values())


def test_demo_mode_keeps_realistic_call_lengths(demo_generated):
    calls = [s for entries in demo_generated.entries.values() for e in entries for _, s in e.calls]
    assert min(calls) >= 35
    long = [s for s in calls if s > LONG_CALL_SECONDS]
    assert 0 < len(long) < len(calls) / 4
