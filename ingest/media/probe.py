"""Probe one listed file: confine its path, read its bytes, sniff its format, measure it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.drop_folder import Edition
from ingest.media.audio import probe_mp3, probe_other_audio, probe_wav
from ingest.media.documents import probe_image, probe_pdf
from ingest.media.paths import CheckedPath, check_path
from ingest.media.record import (
    CORRUPT,
    EMPTY,
    UNKNOWN_FORMAT,
    UNREADABLE,
    UNSUPPORTED_FORMAT,
    MediaProbe,
)
from ingest.media.sniff import HEAD_BYTES, extension_format, sniff_format
from ingest.media.video import probe_mp4


def probe_checked(contest_code: str, edition_year: int, checked: CheckedPath) -> MediaProbe:
    """Probe a path check_path accepted; a path it refused is reported, never opened."""
    probe = MediaProbe(contest_code, edition_year, checked.relative_path or "")
    if checked.relative_path:
        probe.extension_format = extension_format(checked.relative_path)
    if checked.path is None:
        return probe.fail(checked.status or CORRUPT, checked.message or "not opened")
    probe.size_bytes, probe.mtime_ns = checked.size_bytes, checked.mtime_ns
    try:
        data = checked.path.read_bytes()
    except OSError as error:
        return probe.fail(UNREADABLE, f"cannot read '{checked.relative_path}': {error.strerror}")
    probe.size_bytes = len(data)
    probe.sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        return probe.fail(EMPTY, "the file is empty (0 bytes)")
    try:
        return _measure(checked.path, data, probe)
    except Exception as error:  # a parser's bug must not stop the run: record it instead
        return probe.fail(CORRUPT, f"{probe.detected_format}: {type(error).__name__}: {error}")


def _measure(path: Path, data: bytes, probe: MediaProbe) -> MediaProbe:
    detected = sniff_format(data[:HEAD_BYTES])
    probe.detected_format = detected
    if detected is None:
        return probe.fail(
            UNKNOWN_FORMAT,
            f"no known signature in the first bytes ({data[:8].hex(' ')})",
        )
    if detected == "MP3":
        return probe_mp3(data, probe)
    if detected in ("MP4", "MOV", "3GP"):
        return probe_mp4(path, data, probe)
    if detected == "WAV":
        return probe_wav(data, probe)
    if detected in ("FLAC", "OGG"):
        return probe_other_audio(data, detected, probe)
    if detected == "PDF":
        return probe_pdf(data, probe)
    if detected in ("PNG", "JPG", "GIF", "WEBP", "TIFF"):
        return probe_image(data, probe)
    return probe.fail(UNSUPPORTED_FORMAT, f"{detected} content is not a recording or document")


def probe_path(folder: Path, contest_code: str, edition_year: int, listed: str) -> MediaProbe:
    """Probe the file a files.csv row lists, relative to its edition folder."""
    return probe_checked(contest_code, edition_year, check_path(folder, listed))


def probe_file(edition: Edition, listed: str) -> MediaProbe:
    """Probe the file a files.csv row of this edition lists."""
    return probe_path(edition.folder, edition.contest_code, edition.edition_year, listed)
