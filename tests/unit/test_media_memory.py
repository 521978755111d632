"""A probe's memory does not grow with the file: big files are measured, bombs refused.

Each big file is probed in a child process whose peak resident memory (VmHWM) is compared
with a child probing a tiny file of the same kind: the bound is measured, not timed.
"""

import json
import mmap
import struct
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from ingest.media import mp3
from ingest.media.mp3 import walk_frames
from ingest.media.probe import probe_path

ROOT = Path(__file__).resolve().parents[2]
MIB = 1 << 20
BIG_BYTES = 320 * MIB
# A probe that read the file whole would exceed this by the file's size; one that streams
# it stays within its mmap release step (32 MiB) and the hashing buffer.
ALLOWED_GROWTH = 150 * MIB

_CHILD = """
import json, sys
from pathlib import Path
from ingest.media import mp3
from ingest.media.mp3 import walk_frames
from ingest.media.probe import probe_path
probe = probe_path(Path(sys.argv[1]), "MEM", 2026, sys.argv[2])
peak_kib = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"status": probe.probe_status, "error": probe.probe_error,
                  "seconds": probe.duration_seconds, "peak": peak_kib * 1024}))
"""

# MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, stereo, no padding: 417-byte frames of 1152 samples.
_MP3_FRAME = b"\xff\xfb\x90\x00" + bytes(413)


def _probe_in_child(folder: Path, listed: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), listed],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


def _write_wav(path: Path, size: int) -> None:
    """A mono 16-bit 8 kHz WAV header, then a sparse data chunk: no bytes written for it."""
    data_bytes = size - 44
    fmt = struct.pack("<HHIIHH", 1, 1, 8000, 16000, 2, 16)
    header = b"RIFF" + struct.pack("<I", size - 8) + b"WAVEfmt " + struct.pack("<I", 16) + fmt
    with path.open("wb") as file:
        file.write(header + b"data" + struct.pack("<I", data_bytes))
        file.truncate(size)


def _write_mp3(path: Path, frames: int) -> None:
    """Constant-bitrate frames written a mebibyte at a time."""
    block = _MP3_FRAME * (MIB // len(_MP3_FRAME))
    per_block = MIB // len(_MP3_FRAME)
    with path.open("wb") as file:
        for _ in range(frames // per_block):
            file.write(block)
        file.write(_MP3_FRAME * (frames % per_block))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux-only")
@pytest.mark.parametrize("kind", ["wav", "mp3"])
def test_peak_memory_does_not_grow_with_the_file(tmp_path: Path, kind: str) -> None:
    if kind == "wav":
        _write_wav(tmp_path / "tiny.wav", 16_044)
        _write_wav(tmp_path / "big.wav", BIG_BYTES)
        expected = (BIG_BYTES - 44) / 16000
    else:
        _write_mp3(tmp_path / "tiny.mp3", 100)
        frames = BIG_BYTES // len(_MP3_FRAME)
        _write_mp3(tmp_path / "big.mp3", frames)
        expected = frames * 1152 / 44100
    tiny = _probe_in_child(tmp_path, f"tiny.{kind}")
    big = _probe_in_child(tmp_path, f"big.{kind}")
    assert tiny["status"] == "ok", tiny
    assert big["status"] == "ok", big
    assert big["seconds"] == pytest.approx(expected, abs=0.01)
    growth = big["peak"] - tiny["peak"]
    assert growth < ALLOWED_GROWTH, f"{growth / MIB:.0f} MiB more to probe {BIG_BYTES // MIB} MiB"


def _png_header_only(width: int, height: int) -> bytes:
    """A PNG that announces width x height pixels and holds almost no image data."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(bytes(1024))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("width", "height"),
    [(11_000, 11_000), (40_000, 40_000)],  # over our limit; over Pillow's own (twice its limit)
)
def test_decompression_bomb_image_is_refused_with_its_size(
    tmp_path: Path, width: int, height: int
) -> None:
    (tmp_path / "bomb.png").write_bytes(_png_header_only(width, height))
    probe = probe_path(tmp_path, "MEM", 2026, "bomb.png")
    assert probe.probe_status == "corrupt"
    assert "decompression bomb refused" in probe.probe_error
    assert str(width * height) in probe.probe_error


@pytest.mark.parametrize("release_bytes", [4096, 10_007, 1 << 20])
def test_mapped_walk_with_pages_dropped_counts_what_the_bytes_walk_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, release_bytes: int
) -> None:
    """Junk longer than a release step, frames across its edges, a cut last frame."""
    frames = _MP3_FRAME * 3000
    data = frames + bytes(300_000) + frames + b"\xff" + frames[:1000]
    path = tmp_path / "walk.mp3"
    path.write_bytes(data)
    expected = walk_frames(data)
    monkeypatch.setattr(mp3, "RELEASE_BYTES", release_bytes)
    with path.open("rb") as file, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ) as view:
        assert walk_frames(view) == expected
    assert expected.frames == 6002
    assert expected.junk_bytes == 300_001
    assert expected.truncated_frame == (1000 - 2 * 417, 417)
