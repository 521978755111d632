"""The submitted files of the demo: recordings and transcripts, written under media/.

Short-media mode (for benchmarks, `MediaWriter(short_media=True)`): the same files, drawn
from the same random numbers, but every recording lasts SHORT_MEDIA_DIVISOR times fewer
seconds (at least SHORT_MEDIA_FLOOR_SECONDS), so a call is a few kilobytes instead of a few
hundred. Two kinds of recording keep their drawn length, because a rule depends on it: a
video meant to break the IBA video limit, and the first call over its category's duration
limit in each edition (so the surcharge still shows). Every other call over the limit becomes
a short one: a short-media folder has only those few surcharged calls, not 6% of them.
"""

from __future__ import annotations

import io
import random
import wave
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from demo.audio import recording_mp3, with_xing_header
from demo.documents import transcript_image, transcript_pdf
from demo.marks import marked
from demo.video import recording_mp4

LONG_CALL_SHARE = 0.06
# A long call lasts from just over the limit to well over it; the others end short of it.
LONG_CALL_OVER = (10, 700)
SHORT_CALL_MARGIN = 100
# A 3-4 minute call becomes 3-4 seconds: a few KB at 8 kbit/s instead of ~300 KB.
SHORT_MEDIA_DIVISOR = 60
SHORT_MEDIA_FLOOR_SECONDS = 2


def call_seconds(rng: random.Random, limit_seconds: int) -> int:
    """A call's length: mostly a few minutes, now and then beyond the duration limit."""
    if rng.random() < LONG_CALL_SHARE:
        return rng.randint(limit_seconds + LONG_CALL_OVER[0], limit_seconds + LONG_CALL_OVER[1])
    return int(min(limit_seconds - SHORT_CALL_MARGIN, max(35, rng.lognormvariate(5.3, 0.5))))


@lru_cache(maxsize=512)
def _mp3(seconds: int, style: str) -> bytes:
    if style == "xing":
        return with_xing_header(recording_mp3(seconds, 16))
    if style == "joined":
        # A call recorder's output: a first segment at 32 kbit/s, the rest at 8 kbit/s.
        # (At least 10 s, unless the call is shorter than 20 s: then half of it.)
        first = max(min(10, seconds // 2), seconds // 4)
        return recording_mp3(first, 32) + recording_mp3(seconds - first, 8)
    return recording_mp3(seconds, 8)


@lru_cache(maxsize=128)
def _mp4(seconds: int, with_video: bool) -> bytes:
    return recording_mp4(seconds, with_video)


@lru_cache(maxsize=8)
def _wav(seconds: int) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(8000)
        handle.writeframes(b"\x00\x00" * 8000 * seconds)
    return buffer.getvalue()


@dataclass
class MediaWriter:
    """Writes files under an edition folder and remembers the files.csv rows listing them."""

    folder: Path
    rng: random.Random
    short_media: bool = False
    rows: list[list[object]] = field(default_factory=list)
    kept_long_call: bool = False
    # What was written, so that large folders cost no mkdir or stat per file.
    written: set[str] = field(default_factory=set)
    folders: set[Path] = field(default_factory=set)

    def written_seconds(
        self, drawn: int, surcharge_limit: int | None = None, keep: bool = False
    ) -> int:
        """How long a recording drawn to last `drawn` seconds is written (see the docstring).

        surcharge_limit: for a call the surcharge would count (in its entry's format,
        written), its category's duration limit; keep: its length is what it is meant to
        break, so short-media mode keeps it too.
        """
        if not self.short_media or keep:
            return drawn
        if surcharge_limit is not None and drawn > surcharge_limit and not self.kept_long_call:
            self.kept_long_call = True
            return drawn
        return max(SHORT_MEDIA_FLOOR_SECONDS, round(drawn / SHORT_MEDIA_DIVISOR))

    def write(self, relative: str, data: bytes) -> None:
        """Write data marked with its path: two files never share content by accident."""
        path = self.folder / relative
        if path.parent not in self.folders:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders.add(path.parent)
        path.write_bytes(marked(data, f"{self.folder.name}/{relative}"))
        self.written.add(relative)

    def listed(self, entry_id: str, case_no, interaction_no, kind: str, relative: str) -> None:
        self.rows.append([entry_id, case_no, interaction_no, kind, relative])

    def recording(self, stem: str, seconds: int, fmt: str = "") -> tuple[str, bytes]:
        """(relative path, bytes) of a call recording; fmt forces MP3, MP4, MP4V or WAV."""
        draw = self.rng.random()
        fmt = fmt or ("MP4" if draw < 0.10 else "MP4V" if draw < 0.15 else "MP3")
        if fmt == "WAV":
            return f"{stem}.wav", _wav(min(seconds, 60))
        if fmt in ("MP4", "MP4V"):
            return f"{stem}.mp4", _mp4(seconds, fmt == "MP4V")
        style = self.rng.choices(("plain", "xing", "joined"), (0.6, 0.3, 0.1))[0]
        return f"{stem}.mp3", _mp3(seconds, style)

    def transcript(self, stem: str, fmt: str = "") -> tuple[str, bytes]:
        fmt = fmt or self.rng.choices(("PDF", "PNG", "JPG", "GIF"), (0.5, 0.2, 0.2, 0.1))[0]
        if fmt == "PDF":
            return f"{stem}.pdf", transcript_pdf(self.rng.randint(1, 3))
        extension = {"PNG": "png", "JPG": "jpg", "GIF": "gif"}[fmt]
        return f"{stem}.{extension}", transcript_image(fmt, self.rng.randint(0, 3))
