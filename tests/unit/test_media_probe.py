"""Probing real files of every accepted format, whole and broken, named truly and falsely."""

from pathlib import Path

import mutagen.mp3
import pytest

from ingest.media.parallel import probe_many
from ingest.media.paths import check_path
from ingest.media.probe import probe_path
from tests.bad_input.media import media_cases


@pytest.fixture(scope="module")
def edition(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("PCCA-2026")
    for relative, (data, _, _) in media_cases().items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return folder


def probe(folder: Path, relative: str):
    return probe_path(folder, "PCCA", 2026, relative)


@pytest.mark.parametrize("relative", sorted(media_cases()))
def test_each_file_gets_its_status_and_format_from_its_bytes(edition, relative):
    _, status, detected = media_cases()[relative]
    result = probe(edition, relative)
    assert (result.probe_status, result.detected_format) == (status, detected)
    assert (result.probe_error is None) == (status == "ok")
    if status != "ok":
        assert len(result.probe_error) > 10


def test_mp3_named_mp4_is_mp3_and_wav_named_mp3_is_wav(edition):
    mp3 = probe(edition, "media/mp3_named.mp4")
    wav = probe(edition, "media/wav_named.mp3")
    assert (mp3.detected_format, mp3.extension_format) == ("MP3", "MP4")
    assert (wav.detected_format, wav.extension_format) == ("WAV", "MP3")
    assert mp3.duration_seconds == pytest.approx(20.0, abs=0.1)
    assert wav.duration_seconds == pytest.approx(3.0, abs=0.01)


def test_joined_segments_are_measured_by_counting_frames_not_by_mutagen_estimate(edition):
    result = probe(edition, "media/joined.mp3")
    estimate = mutagen.mp3.MP3(edition / "media/joined.mp3").info.length
    assert result.duration_method == "frame_count"
    assert result.duration_seconds == pytest.approx(300.0, abs=0.2)
    assert estimate < result.duration_seconds / 2  # why the frames must be counted
    assert result.header_duration_seconds == pytest.approx(estimate, abs=0.01)


def test_xing_header_is_trusted_when_the_frames_confirm_it(edition):
    result = probe(edition, "media/xing.mp3")
    assert result.duration_method == "xing_header"
    assert result.duration_seconds == pytest.approx(45.0, abs=0.1)


def test_truncated_mp3_reports_what_is_present_not_what_the_header_announces(edition):
    result = probe(edition, "media/cut_xing.mp3")
    announced = mutagen.mp3.MP3(edition / "media/cut_xing.mp3").info.length
    assert announced == pytest.approx(120.0, abs=0.1)
    assert result.duration_seconds == pytest.approx(60.0, abs=0.1)
    assert result.duration_method == "frame_count"
    assert result.probe_error == (
        "Info header announces 1667 frames (120.0 s), only 833 are present (60.0 s)"
    )


def test_mp4_tracks_and_cut_files(edition):
    audio, video = probe(edition, "media/audio.mp4"), probe(edition, "media/video.mp4")
    cut = probe(edition, "media/cut_faststart.mp4")
    assert (audio.has_video, audio.codec, audio.sample_rate, audio.channels) == (
        False, "mp4a.40.2", 8000, 1,
    )  # fmt: skip
    assert (video.has_video, video.width, video.height) == (True, 96, 64)
    assert video.duration_seconds == pytest.approx(12.0, abs=0.1)
    assert cut.duration_method == "packet_scan"
    assert 10 < cut.duration_seconds < cut.header_duration_seconds - 10


def test_documents_and_images_are_measured(edition):
    pdf, png = probe(edition, "media/ok.pdf"), probe(edition, "media/ok.png")
    assert pdf.pages == 2
    assert (png.width, png.height) == (320, 240)
    assert len(png.sha256) == 64
    assert png.size_bytes == (edition / "media/ok.png").stat().st_size


def test_paths_outside_the_edition_folder_are_never_opened(tmp_path):
    folder = tmp_path / "IBA-2026"
    (folder / "media").mkdir(parents=True)
    secret = tmp_path / "secret.mp3"
    secret.write_bytes(b"ID3 secret")
    (folder / "media/link_out.mp3").symlink_to(secret)
    (folder / "media/inside.mp3").write_bytes(media_cases()["media/ok.mp3"][0])
    (folder / "media/link_in.mp3").symlink_to(folder / "media/inside.mp3")
    (folder / "media/dangling.mp3").symlink_to(folder / "media/gone.mp3")
    cases = {
        "../secret.mp3": "path_escapes",
        "media/../../secret.mp3": "path_escapes",
        str(secret): "path_escapes",
        "C:\\nagrania\\a.mp3": "path_escapes",
        "media/link_out.mp3": "path_escapes",
        "media/link_in.mp3": "ok",
        "media\\inside.mp3": "ok",
        "./media/inside.mp3": "ok",
        "media/dangling.mp3": "missing",
        "media/absent.mp3": "missing",
        "media": "not_a_file",
        "media/a\x00.mp3": "invalid_path",
        "  ": "no_path",
    }
    before = secret.stat().st_atime_ns
    results = {listed: probe_path(folder, "IBA", 2026, listed) for listed in cases}
    assert {listed: r.probe_status for listed, r in results.items()} == cases
    assert all(r.sha256 is None for r in results.values() if r.probe_status != "ok")
    assert results["media\\inside.mp3"].relative_path == "media/inside.mp3"
    assert results["media/link_out.mp3"].probe_error.startswith("'media/link_out.mp3' is a symlink")
    assert secret.stat().st_atime_ns == before


def test_pool_of_processes_gives_the_same_probes_as_one_process(edition):
    tasks = [("PCCA", 2026, check_path(edition, relative)) for relative in sorted(media_cases())]
    in_pool = probe_many(tasks, workers=2, min_files=1)
    alone = probe_many(tasks, workers=1)
    assert in_pool == alone
