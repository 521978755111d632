"""Real, playable MP3 recordings encoded with LAME, cheap at any length.

A call is a short encoded tone (the greeting) followed by encoded quiet speech-band noise
whose frames are repeated to reach the wanted length: a 40-minute call costs no more to
make than a 4-second one, and every byte is a valid MPEG frame any player plays.
"""

from __future__ import annotations

import math
import random
import struct
from array import array
from functools import cache

import lameenc

from ingest.media.mp3 import parse_header, walk_frames

SAMPLE_RATE = 8000
SAMPLES_PER_FRAME = 576  # MPEG-2.5 layer III at 8 kHz
SECONDS_PER_FRAME = SAMPLES_PER_FRAME / SAMPLE_RATE


def _encode(samples: array, bitrate_kbps: int) -> bytes:
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(7)
    return bytes(encoder.encode(samples.tobytes()) + encoder.flush())


def _tone(seconds: float, frequency: float, amplitude: int = 3000) -> array:
    step = 2 * math.pi * frequency / SAMPLE_RATE
    return array(
        "h", (int(amplitude * math.sin(step * n)) for n in range(int(seconds * SAMPLE_RATE)))
    )


def tone_mp3(seconds: float, frequency: float = 440.0, bitrate_kbps: int = 32) -> bytes:
    """A mono MP3 of a quiet sine tone lasting the given number of seconds (no Xing header)."""
    return _encode(_tone(seconds, frequency), bitrate_kbps)


def split_frames(mp3: bytes) -> list[bytes]:
    """The MPEG frames of an MP3 without ID3 or Xing, one bytes object per frame."""
    frames, position = [], 0
    while (header := parse_header(mp3, position)) is not None:
        frames.append(mp3[position : position + header.length])
        position += header.length
    return frames


@cache
def _frames(kind: str, bitrate_kbps: int) -> tuple[bytes, ...]:
    if kind == "greeting":
        samples = _tone(1.5, 523.0)
    else:
        noise = random.Random(bitrate_kbps)
        samples = array("h", (int(noise.gauss(0, 400)) for _ in range(SAMPLE_RATE * 2)))
    frames = split_frames(_encode(samples, bitrate_kbps))
    # LAME's first and last frames carry encoder delay and padding: keep the steady middle.
    return tuple(frames[2:-2]) if kind == "body" else tuple(frames)


def recording_mp3(seconds: float, bitrate_kbps: int = 16) -> bytes:
    """A playable CBR MP3 call of about the given length, without a Xing header."""
    greeting = _frames("greeting", bitrate_kbps)
    body = _frames("body", bitrate_kbps)
    wanted = max(len(greeting), round(seconds / SECONDS_PER_FRAME))
    out = list(greeting[:wanted])
    while len(out) < wanted:
        out.extend(body[: wanted - len(out)])
    return b"".join(out)


def xing_frame(mp3: bytes) -> bytes:
    """An Info frame announcing the frames and bytes of a CBR MP3, as LAME writes it."""
    header = parse_header(mp3, 0)
    if header is None:
        raise ValueError("not an MP3 starting with a frame")
    walk = walk_frames(mp3)
    frame = bytearray(header.length)
    frame[:4] = mp3[:4]
    frame[2] &= 0xFD  # no padding bit: the frame is exactly header.length bytes long
    frame = frame[: parse_header(bytes(frame), 0).length]
    offset = 4 + header.side_info_size
    total_bytes = walk.audio_bytes + len(frame)
    frame[offset : offset + 16] = b"Info" + struct.pack(">III", 3, walk.frames, total_bytes)
    return bytes(frame)


def with_xing_header(mp3: bytes) -> bytes:
    """The MP3 preceded by an Info frame that states its frame count."""
    return xing_frame(mp3) + mp3
