"""The record of one probed file, and the statuses a probe can end with."""

from __future__ import annotations

from dataclasses import dataclass

from ingest.media.statuses import probe_statuses, status_code

# Bump when probing changes what it measures: cached probes of older versions are redone.
PROBE_VERSION = 2  # 2: PDF decompression bombs refused

# probe_status values the probe sets, each checked against the statuses' file at import.
OK = status_code("ok")
NO_PATH = status_code("no_path")
INVALID_PATH = status_code("invalid_path")
PATH_ESCAPES = status_code("path_escapes")
MISSING = status_code("missing")
NOT_A_FILE = status_code("not_a_file")
UNREADABLE = status_code("unreadable")
EMPTY = status_code("empty")
UNKNOWN_FORMAT = status_code("unknown_format")
UNSUPPORTED_FORMAT = status_code("unsupported_format")
TRUNCATED = status_code("truncated")
CORRUPT = status_code("corrupt")
ENCRYPTED = status_code("encrypted")

# The start of the message of a file a probe failed on unexpectedly (a parser's bug, not a
# fault found in the file): the file is recorded as corrupt and the run goes on.
PROBE_BUG = "the probe failed on this file"

PROBE_STATUSES = tuple(s.code for s in probe_statuses() if s.set_by == "probe")


@dataclass(slots=True)
class MediaProbe:
    """What one listed file turned out to be, measured from its bytes."""

    contest_code: str
    edition_year: int
    relative_path: str
    size_bytes: int | None = None
    mtime_ns: int | None = None
    sha256: str | None = None
    detected_format: str | None = None
    extension_format: str | None = None
    codec: str | None = None
    duration_seconds: float | None = None
    duration_method: str | None = None
    header_duration_seconds: float | None = None
    bitrate: int | None = None
    sample_rate: int | None = None
    channels: int | None = None
    has_video: bool | None = None
    pages: int | None = None
    width: int | None = None
    height: int | None = None
    probe_status: str = OK
    probe_error: str | None = None
    probe_version: int = PROBE_VERSION

    def fail(self, status: str, message: str) -> MediaProbe:
        self.probe_status, self.probe_error = status, message
        return self
