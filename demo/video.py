"""Real, playable MP4 recordings (AAC audio, optionally a small H.264 picture) from PyAV.

Like the MP3s, long recordings reuse encoded packets: a few seconds are encoded once, then
their packets are muxed again with later timestamps, so length costs almost nothing.
"""

from __future__ import annotations

import io
import tempfile
from fractions import Fraction
from functools import cache
from pathlib import Path

import av
import numpy as np

SAMPLE_RATE = 8000
AAC_FRAME = 1024
VIDEO_FPS = 2
VIDEO_SIZE = (96, 64)


@cache
def _aac_packets(seconds: int = 4) -> tuple[tuple[bytes, ...], bytes]:
    """Encoded AAC frames of a quiet tone (each covers AAC_FRAME samples)."""
    codec = av.CodecContext.create("aac", "w")
    codec.sample_rate, codec.layout, codec.format = SAMPLE_RATE, "mono", "fltp"
    codec.bit_rate = 12000
    codec.time_base = Fraction(1, SAMPLE_RATE)
    t = np.arange(seconds * SAMPLE_RATE) / SAMPLE_RATE
    signal = (0.1 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    packets = []
    for start in range(0, len(signal) - AAC_FRAME + 1, AAC_FRAME):
        frame = av.AudioFrame.from_ndarray(
            signal[start : start + AAC_FRAME].reshape(1, -1), format="fltp", layout="mono"
        )
        frame.sample_rate, frame.pts = SAMPLE_RATE, start
        packets.extend(bytes(p) for p in codec.encode(frame))
    packets.extend(bytes(p) for p in codec.encode(None))
    return tuple(packets[2:-2]), bytes(codec.extradata or b"")


def recording_mp4(seconds: float, with_video: bool = False, faststart: bool = False) -> bytes:
    """An MP4 of about the given length: AAC mono 8 kHz, and a tiny picture if asked.

    With faststart the index (moov) precedes the media data, as streaming servers want.
    """
    if faststart:
        # The muxer rereads its output to move the index forward: it needs a real file.
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "recording.mp4"
            _write_mp4(str(path), seconds, with_video, {"movflags": "faststart"})
            return path.read_bytes()
    buffer = io.BytesIO()
    _write_mp4(buffer, seconds, with_video, {})
    return buffer.getvalue()


def _write_mp4(target, seconds: float, with_video: bool, options: dict[str, str]) -> None:
    packets, extradata = _aac_packets()
    with av.open(target, "w", format="mp4", options=options) as container:
        audio = container.add_stream("aac", rate=SAMPLE_RATE, layout="mono")
        audio.codec_context.extradata = extradata
        audio.time_base = Fraction(1, SAMPLE_RATE)
        if with_video:
            _mux_video(container, seconds)
        total = max(1, round(seconds * SAMPLE_RATE / AAC_FRAME))
        for index in range(total):
            packet = av.Packet(packets[index % len(packets)])
            packet.stream = audio
            packet.pts = packet.dts = index * AAC_FRAME
            packet.duration = AAC_FRAME
            packet.time_base = audio.time_base
            container.mux(packet)


def _mux_video(container: av.container.OutputContainer, seconds: float) -> None:
    video = container.add_stream("libx264", rate=VIDEO_FPS)
    video.width, video.height = VIDEO_SIZE
    video.pix_fmt = "yuv420p"
    video.options = {"preset": "ultrafast", "tune": "stillimage"}
    picture = np.full((VIDEO_SIZE[1], VIDEO_SIZE[0], 3), (40, 90, 160), dtype=np.uint8)
    for index in range(max(1, int(seconds * VIDEO_FPS))):
        frame = av.VideoFrame.from_ndarray(picture, format="rgb24")
        frame.pts = index
        for packet in video.encode(frame):
            container.mux(packet)
    for packet in video.encode(None):
        container.mux(packet)
