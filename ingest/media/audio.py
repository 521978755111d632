"""Audio probes with mutagen's format-specific classes, chosen by the sniffed format."""

from __future__ import annotations

import mmap
import struct
from typing import BinaryIO

import mutagen
from mutagen.flac import FLAC
from mutagen.mp3 import MP3, MPEGInfo
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis
from mutagen.wave import WAVE

from ingest.media.mp3 import walk_frames
from ingest.media.record import CORRUPT, TRUNCATED, MediaProbe

# A Xing header whose frame count differs from the frames present by more than this share
# is not trusted (encoders round, some tools rewrite the first frame).
XING_TOLERANCE = 0.01


def _mutagen_mpeg_info(file: BinaryIO, data: mmap.mmap) -> MPEGInfo:
    """What MP3(file).info says, from the file already open (not opening it again).

    Without an ID3v2 tag at the start, MP3() reads the stream from offset 0 whatever else
    it finds (an ID3v1 tag at the end at most), so MPEGInfo alone gives the same info
    without building the tags; a file with an ID3v2 tag goes through MP3() as before.
    """
    file.seek(0)
    if data[:3] == b"ID3":
        return MP3(file).info
    return MPEGInfo(file)


def probe_mp3(file: BinaryIO, data: mmap.mmap, probe: MediaProbe) -> MediaProbe:
    """Length from the Xing/VBRI header when the frames confirm it, else from the frames."""
    walk = walk_frames(data)
    if walk.frames == 0 or walk.first_header is None:
        return probe.fail(CORRUPT, "no MPEG audio frame found")
    try:
        info = _mutagen_mpeg_info(file, data)
        probe.header_duration_seconds = round(float(info.length), 3)
        probe.bitrate = int(info.bitrate)
    except mutagen.MutagenError:
        # The frames below are the measure; mutagen's view is only the header's claim.
        pass
    header = walk.first_header
    probe.codec = f"MPEG-{ {3: '1', 2: '2', 0: '2.5'}[header.version] } Layer {header.layer}"
    probe.sample_rate = header.sample_rate
    probe.channels = header.channels
    probe.has_video = False
    counted = walk.seconds
    vbr = walk.vbr_header
    if vbr is not None and vbr.frames:
        announced = vbr.frames * header.samples / header.sample_rate
        probe.header_duration_seconds = round(announced, 3)
        if abs(vbr.frames - walk.frames) <= XING_TOLERANCE * vbr.frames:
            probe.duration_seconds = round(announced, 3)
            probe.duration_method = "vbri_header" if vbr.kind == "VBRI" else "xing_header"
        else:
            probe.duration_seconds = round(counted, 3)
            probe.duration_method = "frame_count"
            if walk.frames < vbr.frames:
                return probe.fail(
                    TRUNCATED,
                    f"{vbr.kind} header announces {vbr.frames} frames ({announced:.1f} s), "
                    f"only {walk.frames} are present ({counted:.1f} s)",
                )
    else:
        probe.duration_seconds = round(counted, 3)
        probe.duration_method = "frame_count"
    if len(walk.bitrates or ()) > 1 or probe.bitrate is None:
        probe.bitrate = round(walk.audio_bytes * 8 / counted) if counted else None
    if walk.truncated_frame is not None:
        present, needed = walk.truncated_frame
        return probe.fail(
            TRUNCATED,
            f"the file ends inside frame {walk.frames + 1}: {present} of its {needed} bytes "
            f"are present; {walk.frames} complete frames ({counted:.1f} s)",
        )
    return probe


def _wav_data_chunk(data: mmap.mmap) -> tuple[int, int] | None:
    """(declared size, bytes present) of the WAV data chunk."""
    position = 12
    while position + 8 <= len(data):
        chunk_id = data[position : position + 4]
        (size,) = struct.unpack("<I", data[position + 4 : position + 8])
        if chunk_id == b"data":
            return size, len(data) - position - 8
        position += 8 + size + (size & 1)
    return None


def probe_wav(file: BinaryIO, data: mmap.mmap, probe: MediaProbe) -> MediaProbe:
    """WAV through mutagen; a data chunk shorter than declared is measured by its bytes."""
    try:
        info = WAVE(file).info
    except mutagen.MutagenError as error:
        return probe.fail(CORRUPT, f"WAV: {error}")
    probe.codec = f"PCM {info.bits_per_sample}-bit" if info.bits_per_sample else "PCM"
    probe.sample_rate, probe.channels = int(info.sample_rate), int(info.channels)
    probe.bitrate, probe.has_video = int(info.bitrate), False
    probe.header_duration_seconds = round(float(info.length), 3)
    probe.duration_seconds, probe.duration_method = probe.header_duration_seconds, "container"
    chunk = _wav_data_chunk(data)
    if chunk is None:
        return probe.fail(CORRUPT, "WAV file has no data chunk")
    declared, present = chunk
    frame_bytes = max(1, info.channels * info.bits_per_sample // 8)
    if present < declared and info.sample_rate:
        probe.duration_seconds = round(present // frame_bytes / info.sample_rate, 3)
        probe.duration_method = "data_bytes"
        return probe.fail(
            TRUNCATED,
            f"WAV data chunk declares {declared} bytes, only {present} are present "
            f"({probe.duration_seconds:.1f} s of {probe.header_duration_seconds:.1f} s)",
        )
    return probe


_OTHER_AUDIO = {"FLAC": (FLAC,), "OGG": (OggVorbis, OggOpus)}


def probe_other_audio(file: BinaryIO, detected: str, probe: MediaProbe) -> MediaProbe:
    """FLAC and Ogg: the container's own length."""
    errors = []
    for kind in _OTHER_AUDIO[detected]:
        file.seek(0)  # the previous kind's attempt left the file anywhere
        try:
            info = kind(file).info
        except mutagen.MutagenError as error:
            errors.append(f"{kind.__name__}: {error}")
            continue
        probe.codec = kind.__name__
        probe.sample_rate, probe.channels = int(info.sample_rate), int(info.channels)
        probe.bitrate = int(getattr(info, "bitrate", 0)) or None
        probe.duration_seconds = round(float(info.length), 3)
        probe.duration_method, probe.has_video = "container", False
        return probe
    return probe.fail(CORRUPT, "; ".join(errors))
