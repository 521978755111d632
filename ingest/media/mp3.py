"""MPEG audio frames: walking them to measure an MP3's true length.

mutagen reads the Xing/Info or VBRI header when there is one, and otherwise estimates the
length from the first frame's bitrate and the file size. That estimate is wrong for a file
joined from segments of different bitrates, and a header's frame count is wrong for a
truncated file. Walking the frame headers (no decoding) gives the true count in both cases.
"""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass

_BITRATES_KBPS = {
    (1, 1): (0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448),
    (1, 2): (0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384),
    (1, 3): (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    (2, 1): (0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256),
    (2, 2): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
    (2, 3): (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_SAMPLE_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}
_TRAILING_TAGS = (b"TAG", b"APETAGEX", b"LYRICSBEGIN")
_LONGEST_TAG = max(len(tag) for tag in _TRAILING_TAGS)
# A probed file is walked through a read-only map; the pages behind the walk are dropped
# every this many bytes, so at most about this much of the file is resident at once.
RELEASE_BYTES = 32 << 20

# What the walk reads: the bytes of a small file (tests, the demo) or a map of a probed one.
Buffer = bytes | mmap.mmap


@dataclass(frozen=True)
class FrameHeader:
    """The fields of one MPEG audio frame header that lengths depend on."""

    version: int  # 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5
    layer: int  # 1, 2 or 3
    bitrate_kbps: int
    sample_rate: int
    channels: int
    length: int  # bytes, header included
    samples: int  # samples per channel in the frame

    @property
    def side_info_size(self) -> int:
        if self.version == 3:
            return 17 if self.channels == 1 else 32
        return 9 if self.channels == 1 else 17


_HEADER_CACHE: dict[int, FrameHeader | None] = {}


def parse_header(data: Buffer | memoryview, offset: int) -> FrameHeader | None:
    """The frame header at offset, or None when the bytes there are not a valid one."""
    if offset + 4 > len(data) or data[offset] != 0xFF:
        return None
    key = (data[offset + 1] << 16) | (data[offset + 2] << 8) | data[offset + 3]
    if key in _HEADER_CACHE:
        return _HEADER_CACHE[key]
    header = _decode_header(data[offset + 1], data[offset + 2], data[offset + 3])
    _HEADER_CACHE[key] = header
    return header


def _decode_header(b1: int, b2: int, b3: int) -> FrameHeader | None:
    if b1 & 0xE0 != 0xE0:
        return None
    version, layer_bits = (b1 >> 3) & 3, (b1 >> 1) & 3
    bitrate_index, rate_index, padding = b2 >> 4, (b2 >> 2) & 3, (b2 >> 1) & 1
    if version == 1 or layer_bits == 0 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    layer = 4 - layer_bits
    bitrate = _BITRATES_KBPS[(1 if version == 3 else 2, layer)][bitrate_index] * 1000
    sample_rate = _SAMPLE_RATES[version][rate_index]
    channels = 1 if b3 >> 6 == 3 else 2
    if layer == 1:
        samples, length = 384, (12 * bitrate // sample_rate + padding) * 4
    elif layer == 2 or version == 3:
        samples, length = 1152, 144 * bitrate // sample_rate + padding
    else:
        samples, length = 576, 72 * bitrate // sample_rate + padding
    return FrameHeader(version, layer, bitrate // 1000, sample_rate, channels, length, samples)


@dataclass(frozen=True)
class VbrHeader:
    """A Xing/Info or VBRI header: what the encoder wrote about the whole stream."""

    kind: str  # 'Xing', 'Info' or 'VBRI'
    frames: int | None
    audio_bytes: int | None


def read_vbr_header(
    data: Buffer | memoryview, offset: int, header: FrameHeader
) -> VbrHeader | None:
    """The Xing/Info or VBRI header inside the frame at offset, if that frame carries one."""
    frame = bytes(data[offset : offset + header.length])
    xing_at = 4 + header.side_info_size
    tag = frame[xing_at : xing_at + 4]
    if tag in (b"Xing", b"Info") and len(frame) >= xing_at + 8:
        (flags,) = struct.unpack(">I", frame[xing_at + 4 : xing_at + 8])
        cursor, frames, audio_bytes = xing_at + 8, None, None
        if flags & 1 and len(frame) >= cursor + 4:
            (frames,) = struct.unpack(">I", frame[cursor : cursor + 4])
            cursor += 4
        if flags & 2 and len(frame) >= cursor + 4:
            (audio_bytes,) = struct.unpack(">I", frame[cursor : cursor + 4])
        return VbrHeader(tag.decode(), frames, audio_bytes)
    if frame[36:40] == b"VBRI" and len(frame) >= 54:
        audio_bytes, frames = struct.unpack(">II", frame[46:54])
        return VbrHeader("VBRI", frames, audio_bytes)
    return None


def id3v2_size(data: Buffer | memoryview) -> int:
    """Bytes taken by an ID3v2 tag at the start of the file (0 when there is none)."""
    if len(data) < 10 or bytes(data[:3]) != b"ID3":
        return 0
    size = 0
    for byte in data[6:10]:
        size = (size << 7) | (byte & 0x7F)
    footer = 10 if data[5] & 0x10 else 0
    return 10 + size + footer


@dataclass
class FrameWalk:
    """What walking every frame of an MP3 found."""

    first_offset: int | None = None
    first_header: FrameHeader | None = None
    vbr_header: VbrHeader | None = None
    frames: int = 0
    samples: int = 0
    audio_bytes: int = 0
    bitrates: set[int] | None = None
    junk_bytes: int = 0
    truncated_frame: tuple[int, int] | None = None  # (bytes present, bytes the frame needs)

    @property
    def sample_rate(self) -> int | None:
        return self.first_header.sample_rate if self.first_header else None

    @property
    def seconds(self) -> float:
        return self.samples / self.sample_rate if self.sample_rate else 0.0


def _frame_table() -> tuple[list[int], dict[int, FrameHeader]]:
    """Frame length (0: not a valid header) by the two bytes after a header's 0xFF.

    Validity, length (padding included) and samples depend on those two bytes only, so a
    walk needs one list lookup per frame instead of a parse.
    """
    lengths = [0] * 0x10000
    headers = {}
    for b1 in range(0xE0, 0x100):
        for b2 in range(0x100):
            header = _decode_header(b1, b2, 0)
            if header is not None:
                key = (b1 << 8) | b2
                lengths[key], headers[key] = header.length, header
    return lengths, headers


_FRAME_LENGTHS, _FRAME_HEADERS = _frame_table()
# Frames compared per step of a run of identical headers: long enough that a constant-
# bitrate stream costs a few C-level slices per thousand frames, short enough that a
# run broken early (padding alternating at 44.1 kHz) wastes little.
_RUN_CHUNK = 1024


class _Pages:
    """Drops the mapped pages a walk has passed, so they leave the process's resident set.

    The kernel keeps them in its page cache (nothing is read twice), but without this a walk
    through a mapped 3 GiB file would end with 3 GiB resident in the probing process.
    """

    def __init__(self, data: Buffer) -> None:
        # Without madvise (not Unix) the walk is the same; only its pages stay resident.
        mapped = isinstance(data, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED")
        self.view = data if mapped else None
        self.released = 0  # page-aligned: everything before it has been dropped

    def release(self, position: int) -> int:
        """Drop the pages before position; the position at which to call again."""
        if self.view is not None:
            end = position - position % mmap.PAGESIZE
            if end > self.released:
                self.view.madvise(mmap.MADV_DONTNEED, self.released, end - self.released)
                self.released = end
        return position + RELEASE_BYTES


def _frame_length(data: Buffer, offset: int) -> int:
    """Length of the frame whose header is at offset; 0 when no valid header is there."""
    if offset + 4 > len(data) or data[offset] != 0xFF:
        return 0
    return _FRAME_LENGTHS[(data[offset + 1] << 8) | data[offset + 2]]


def _is_synced(data: Buffer, offset: int) -> bool:
    """A header at offset whose successor is a header too (or the end of the data)."""
    length = _frame_length(data, offset)
    if not length:
        return False
    after = offset + length
    return after >= len(data) - 4 or _frame_length(data, after) != 0


def _resync(data: Buffer, start: int, pages: _Pages) -> int | None:
    """The next synced header from start; long junk is searched a release step at a time."""
    end = len(data)
    while start < end:
        stop = min(start + RELEASE_BYTES, end)
        position = data.find(b"\xff", start, stop)
        while position != -1:
            if _is_synced(data, position):
                return position
            position = data.find(b"\xff", position + 1, stop)
        start = stop
        pages.release(start)
    return None


def _run_length(data: Buffer, start: int, length: int, end: int) -> int:
    """How many frames from start repeat the header bytes at start, back to back."""
    count = min((end - start) // length, _RUN_CHUNK)
    stop = start + count * length
    run = count
    # The header's first three bytes, one byte of each frame per slice: the run ends where
    # a slice stops repeating its first byte.
    for shift in (0, 1, 2):
        column = data[start + shift : stop : length]
        run = min(run, count - len(column.lstrip(column[:1])))
    return run


def walk_frames(data: Buffer) -> FrameWalk:
    """Count every MPEG audio frame; the Xing/Info/VBRI frame itself holds no audio."""
    walk = FrameWalk(bitrates=set())
    pages = _Pages(data)
    position = _resync(data, id3v2_size(data), pages)
    if position is None:
        return walk
    walk.first_offset = position
    walk.first_header = parse_header(data, position)
    walk.vbr_header = read_vbr_header(data, position, walk.first_header)
    if walk.vbr_header is not None:
        position += walk.first_header.length
    counts = _count_frames(data, position, walk, pages)
    for key, count in counts.items():
        header = _FRAME_HEADERS[key]
        walk.frames += count
        walk.samples += count * header.samples
        walk.audio_bytes += count * header.length
        walk.bitrates.add(header.bitrate_kbps)
    return walk


def _count_frames(data: Buffer, position: int, walk: FrameWalk, pages: _Pages) -> dict[int, int]:
    """Frames by header key from position on; junk and a cut last frame are noted in walk.

    The hot loop of every MP3 probe: locals only, one table lookup per header, and runs of
    identical headers counted by _run_length rather than frame by frame.
    """
    lengths, end, counts = _FRAME_LENGTHS, len(data), {}
    next_release = pages.release(position)
    while position < end:
        if position >= next_release:
            next_release = pages.release(position)
        length = 0
        if data[position] == 0xFF and position + 4 <= end:
            key = (data[position + 1] << 8) | data[position + 2]
            length = lengths[key]
        if not length:
            if data[position : position + _LONGEST_TAG].startswith(_TRAILING_TAGS):
                break
            following = _resync(data, position + 1, pages)
            if following is None:
                walk.junk_bytes += end - position
                break
            walk.junk_bytes += following - position
            position = following
            continue
        after = position + length
        if after > end:
            walk.truncated_frame = (end - position, length)
            break
        run = 1
        if after + 3 < end and data[after + 2] == data[position + 2] and data[after] == 0xFF:
            run = _run_length(data, position, length, end)
        counts[key] = counts.get(key, 0) + run
        position += run * length
    return counts
