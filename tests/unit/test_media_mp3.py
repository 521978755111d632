"""The MPEG frame walk: table lookups and strided runs count what a frame-by-frame walk counts."""

import random
from array import array

import lameenc
import pytest

from demo.audio import recording_mp3, with_xing_header
from ingest.media.mp3 import _RUN_CHUNK, id3v2_size, parse_header, read_vbr_header, walk_frames

_TRAILING_TAGS = (b"TAG", b"APETAGEX", b"LYRICSBEGIN")


def _synced(data: bytes, offset: int) -> bool:
    header = parse_header(data, offset)
    if header is None:
        return False
    after = offset + header.length
    return after >= len(data) - 4 or parse_header(data, after) is not None


def _next_sync(data: bytes, start: int) -> int | None:
    return next((i for i in range(start, len(data)) if _synced(data, i)), None)


def reference_walk(data: bytes) -> tuple:
    """The walk as first written: one parse_header per frame, byte by byte through junk."""
    position = _next_sync(data, id3v2_size(data))
    if position is None:
        return (None, 0, 0, 0, set(), 0, None)
    first = parse_header(data, position)
    if read_vbr_header(data, position, first) is not None:
        position += first.length
    frames = samples = audio_bytes = junk = 0
    bitrates, truncated = set(), None
    while position < len(data):
        header = parse_header(data, position)
        if header is None:
            if data.startswith(_TRAILING_TAGS, position):
                break
            following = _next_sync(data, position + 1)
            junk += (following if following is not None else len(data)) - position
            if following is None:
                break
            position = following
            continue
        if position + header.length > len(data):
            truncated = (len(data) - position, header.length)
            break
        frames, samples = frames + 1, samples + header.samples
        audio_bytes += header.length
        bitrates.add(header.bitrate_kbps)
        position += header.length
    return (first, frames, samples, audio_bytes, bitrates, junk, truncated)


def fast_walk(data: bytes) -> tuple:
    walk = walk_frames(data)
    return (
        walk.first_header,
        walk.frames,
        walk.samples,
        walk.audio_bytes,
        walk.bitrates,
        walk.junk_bytes,
        walk.truncated_frame,
    )


def encoded(seconds: float, rate: int, kbps: int, channels: int = 1) -> bytes:
    """Noise through LAME: at 44.1 kHz and 22.05 kHz frames alternate padding."""
    encoder = lameenc.Encoder()
    encoder.set_bit_rate(kbps)
    encoder.set_in_sample_rate(rate)
    encoder.set_channels(channels)
    encoder.set_quality(7)
    noise = random.Random(rate + kbps)
    samples = array("h", (int(noise.gauss(0, 2000)) for _ in range(int(seconds * rate) * channels)))
    return bytes(encoder.encode(samples.tobytes()) + encoder.flush())


@pytest.fixture(scope="module")
def plain() -> bytes:
    return recording_mp3(30, 16)  # 417 frames of 144 bytes, no Xing header


def test_joined_bitrates_count_every_frame_of_each_segment():
    walk = walk_frames(recording_mp3(60, 32) + recording_mp3(240, 8))
    assert (walk.frames, walk.samples, walk.audio_bytes) == (4166, 2399616, 479880)
    assert walk.bitrates == {8, 32}
    assert walk.seconds == pytest.approx(299.952)
    assert (walk.junk_bytes, walk.truncated_frame) == (0, None)


def test_xing_frame_is_read_and_left_out_of_the_count():
    walk = walk_frames(with_xing_header(recording_mp3(45, 16)))
    assert (walk.vbr_header.kind, walk.vbr_header.frames) == ("Info", 625)
    assert (walk.frames, walk.first_offset) == (625, 0)


def test_file_cut_inside_a_frame_counts_the_complete_frames_and_the_cut_one(plain):
    walk = walk_frames(plain[: 144 * 208 + 79])
    assert (walk.frames, walk.truncated_frame) == (208, (79, 144))


def test_junk_between_frames_is_skipped_and_measured(plain):
    junk = b"\x00junk\xff\xe0garbage" * 7 + b"\xff" * 50
    walk = walk_frames(plain[:1440] + junk + plain[1440:])
    assert (walk.frames, walk.junk_bytes) == (417, len(junk))


def test_free_format_and_invalid_headers_are_junk_not_frames(plain):
    free_format = b"\xff\xe3\x08\xc4" + b"\x00" * 200  # bitrate index 0
    invalid = b"\xff\xe3\xf0\xc4" + b"\x00" * 140  # bitrate index 15
    walk = walk_frames(free_format + plain[:720] + invalid + plain[720:])
    assert walk.first_offset == len(free_format)
    assert (walk.frames, walk.junk_bytes) == (417, len(invalid))


def test_a_run_longer_than_one_chunk_stops_at_the_first_different_header(plain):
    long_run = recording_mp3(0.072 * (_RUN_CHUNK * 2 + 5), 8)
    walk = walk_frames(long_run + plain)
    assert walk.frames == _RUN_CHUNK * 2 + 5 + 417
    assert walk.audio_bytes == 72 * (_RUN_CHUNK * 2 + 5) + 144 * 417


@pytest.mark.parametrize(
    "make",
    [
        lambda plain: encoded(3, 44100, 128, 2),
        lambda plain: encoded(3, 22050, 32),
        lambda plain: encoded(3, 11025, 24),
        lambda plain: recording_mp3(10, 8) + encoded(2, 8000, 24) + recording_mp3(10, 8),
        lambda plain: b"ID3\x03\x00\x00\x00\x00\x01\x00" + b"\x00" * 128 + plain,
        lambda plain: plain + b"\xff\xf3",
        lambda plain: plain + b"APETAGEX" + b"\x00" * 24,
        lambda plain: plain + b"TAG" + b"\x00" * 125,
        lambda plain: plain[:146],
        lambda plain: b"\xff\xe3\x18\xc4",
        lambda plain: b"\xff\xfb" + random.Random(1).randbytes(20000),
    ],
    ids=[
        "44k_padded_stereo",
        "22k_padded",
        "11k_padded",
        "bitrate_in_the_middle",
        "id3v2",
        "stray_bytes_at_end",
        "ape_tag",
        "id3v1_tag",
        "one_frame_and_a_bit",
        "header_only",
        "random_bytes",
    ],
)
def test_walk_matches_the_frame_by_frame_walk(plain, make):
    data = make(plain)
    assert fast_walk(data) == reference_walk(data)


@pytest.mark.parametrize("seed", range(8))
def test_walk_matches_the_frame_by_frame_walk_on_damaged_files(plain, seed):
    rng = random.Random(seed)
    data = bytearray(encoded(2, 44100, 128, 2) if seed % 2 else plain)
    for _ in range(25):
        data[rng.randrange(len(data))] = rng.choice((0xFF, 0xE0, 0xFB, 0xF3, 0x00, 0x90))
    data = bytes(data)
    assert fast_walk(data) == reference_walk(data)
