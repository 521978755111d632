"""Probe one listed file: confine its path, hash it, sniff its format, measure it.

The file is never read whole: it is hashed in chunks, sniffed from its first bytes and
measured through an open file or a read-only mmap, so a probe's memory does not grow with
the size of the file (a 3 GiB WAV costs what a 3 MiB one does).
"""

from __future__ import annotations

import hashlib
import mmap
from pathlib import Path
from typing import BinaryIO

from ingest.drop_folder import Edition
from ingest.media.audio import probe_mp3, probe_other_audio, probe_wav
from ingest.media.documents import probe_image, probe_pdf
from ingest.media.paths import CheckedPath, check_path
from ingest.media.record import (
    CORRUPT,
    EMPTY,
    PROBE_BUG,
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
        with checked.path.open("rb") as file:
            return _hash_and_measure(file, probe)
    except OSError as error:
        return probe.fail(UNREADABLE, f"cannot read '{checked.relative_path}': {error.strerror}")


def _hash_and_measure(file: BinaryIO, probe: MediaProbe) -> MediaProbe:
    # The size of the bytes hashed, not of the earlier stat: the file may have changed since.
    probe.sha256 = hashlib.file_digest(file, "sha256").hexdigest()
    probe.size_bytes = file.tell()
    if not probe.size_bytes:
        return probe.fail(EMPTY, "the file is empty (0 bytes)")
    file.seek(0)
    try:
        return _measure(file, probe)
    except Exception as error:  # a parser's bug must not stop the run: record it instead
        message = f"{probe.detected_format}: {PROBE_BUG} ({type(error).__name__}: {error})"
        return probe.fail(CORRUPT, message)


def _measure(file: BinaryIO, probe: MediaProbe) -> MediaProbe:
    head = file.read(HEAD_BYTES)
    file.seek(0)
    detected = sniff_format(head)
    probe.detected_format = detected
    if detected is None:
        return probe.fail(
            UNKNOWN_FORMAT,
            f"no known signature in the first bytes ({head[:8].hex(' ')})",
        )
    if detected in ("MP3", "MP4", "MOV", "3GP", "WAV"):
        # These walk frames, boxes or chunks by offset: a read-only map gives them random
        # access with only the pages they touch resident.
        with mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as view:
            return _measure_mapped(file, view, detected, probe)
    if detected in ("FLAC", "OGG"):
        return probe_other_audio(file, detected, probe)
    if detected == "PDF":
        return probe_pdf(file, probe)
    if detected in ("PNG", "JPG", "GIF", "WEBP", "TIFF"):
        return probe_image(file, probe)
    return probe.fail(UNSUPPORTED_FORMAT, f"{detected} content is not a recording or document")


def _measure_mapped(
    file: BinaryIO, view: mmap.mmap, detected: str, probe: MediaProbe
) -> MediaProbe:
    if detected == "MP3":
        return probe_mp3(file, view, probe)
    if detected == "WAV":
        return probe_wav(file, view, probe)
    return probe_mp4(file, view, probe)


def probe_path(folder: Path, contest_code: str, edition_year: int, listed: str) -> MediaProbe:
    """Probe the file a files.csv row lists, relative to its edition folder."""
    return probe_checked(contest_code, edition_year, check_path(folder, listed))


def probe_file(edition: Edition, listed: str) -> MediaProbe:
    """Probe the file a files.csv row of this edition lists."""
    return probe_path(edition.folder, edition.contest_code, edition.edition_year, listed)
