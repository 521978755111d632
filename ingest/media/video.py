"""MP4/MOV probes: mutagen for the stream, the box tree for tracks and truncation."""

from __future__ import annotations

import mmap
import struct
from dataclasses import dataclass, field
from typing import BinaryIO

import mutagen
from mutagen.mp4 import MP4

from ingest.media.record import CORRUPT, TRUNCATED, MediaProbe

_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"edts", b"udta"}


@dataclass
class BoxTree:
    """What the ISO base-media box tree holds: track handlers and whether it is complete."""

    top_level: list[str] = field(default_factory=list)
    handlers: list[str] = field(default_factory=list)
    video_sizes: list[tuple[int, int]] = field(default_factory=list)
    cut_box: tuple[str, int, int] | None = None  # (box, declared size, bytes present)


def _walk(data: bytes | mmap.mmap, start: int, end: int, tree: BoxTree, depth: int) -> None:
    position = start
    while position + 8 <= end:
        size, kind = struct.unpack(">I4s", data[position : position + 8])
        header = 8
        if size == 1 and position + 16 <= end:
            (size,) = struct.unpack(">Q", data[position + 8 : position + 16])
            header = 16
        elif size == 0:
            size = end - position
        if size < header:
            tree.cut_box = (kind.decode("latin-1"), size, end - position)
            return
        name = kind.decode("latin-1")
        if depth == 0:
            tree.top_level.append(name)
        if position + size > end:
            tree.cut_box = (name, size, end - position)
        body_end = min(position + size, end)
        if kind in _CONTAINERS:
            _walk(data, position + header, body_end, tree, depth + 1)
        elif kind == b"hdlr" and body_end - position >= header + 12:
            handler = data[position + header + 8 : position + header + 12]
            tree.handlers.append(handler.decode("latin-1"))
        elif kind == b"tkhd" and body_end - position >= header + 84:
            # Track width and height are the box's last 8 bytes, 16.16 fixed point.
            width, height = struct.unpack(">II", data[body_end - 8 : body_end])
            if width and height:
                tree.video_sizes.append((width >> 16, height >> 16))
        if tree.cut_box is not None:
            return
        position += size


def read_box_tree(data: bytes | mmap.mmap) -> BoxTree:
    tree = BoxTree()
    _walk(data, 0, len(data), tree, 0)
    return tree


def _packet_seconds(path: str) -> float | None:
    """Seconds of audio (or video) packets present in a cut file, by demuxing (no decoding)."""
    import av  # only cut files need it; importing it costs more than a whole probe

    try:
        # Metadata in a cut or damaged file may be any bytes: read past them, not fail on them.
        with av.open(path, metadata_errors="replace") as container:
            streams = container.streams.audio or container.streams.video
            if not streams:
                return None
            stream = streams[0]
            ticks = 0
            try:
                for packet in container.demux(stream):
                    if packet.duration:
                        ticks += packet.duration
            except av.FFmpegError:
                pass
            return float(ticks * stream.time_base) if stream.time_base else None
    except av.FFmpegError:
        return None


def probe_mp4(file: BinaryIO, data: mmap.mmap, probe: MediaProbe) -> MediaProbe:
    """Duration and audio stream from mutagen; video track and completeness from the boxes."""
    tree = read_box_tree(data)
    probe.has_video = "vide" in tree.handlers
    if tree.video_sizes:
        probe.width, probe.height = max(tree.video_sizes)
    try:
        info = MP4(file).info
    except mutagen.MutagenError as error:
        if tree.cut_box is not None or "moov" not in tree.top_level:
            return probe.fail(
                TRUNCATED if tree.cut_box else CORRUPT,
                f"{probe.detected_format}: {error}" + _cut_message(tree),
            )
        return probe.fail(CORRUPT, f"{probe.detected_format}: {error}")
    probe.codec = info.codec or None
    probe.sample_rate = int(info.sample_rate) or None
    probe.channels = int(info.channels) or None
    probe.bitrate = int(info.bitrate) or None
    probe.header_duration_seconds = round(float(info.length), 3)
    probe.duration_seconds, probe.duration_method = probe.header_duration_seconds, "container"
    if tree.cut_box is not None:
        present = _packet_seconds(file.name)
        if present is not None:
            probe.duration_seconds, probe.duration_method = round(present, 3), "packet_scan"
        return probe.fail(
            TRUNCATED,
            f"the container declares {probe.header_duration_seconds:.1f} s"
            + _cut_message(tree)
            + (f"; {present:.1f} s of packets are present" if present is not None else ""),
        )
    return probe


def _cut_message(tree: BoxTree) -> str:
    if tree.cut_box is None:
        return ""
    name, declared, present = tree.cut_box
    return f"; box '{name}' declares {declared} bytes, only {present} are present"
