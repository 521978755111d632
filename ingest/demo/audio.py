"""Real, playable MP3 recordings encoded with LAME."""

from __future__ import annotations

import math
from array import array

import lameenc

SAMPLE_RATE = 8000


def tone_mp3(seconds: float, frequency: float = 440.0, bitrate_kbps: int = 32) -> bytes:
    """A mono MP3 of a quiet sine tone lasting the given number of seconds."""
    samples = array(
        "h",
        (
            int(3000 * math.sin(2 * math.pi * frequency * n / SAMPLE_RATE))
            for n in range(int(seconds * SAMPLE_RATE))
        ),
    )
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(bitrate_kbps)
    encoder.set_in_sample_rate(SAMPLE_RATE)
    encoder.set_channels(1)
    encoder.set_quality(7)
    return bytes(encoder.encode(samples.tobytes()) + encoder.flush())
