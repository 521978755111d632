"""Generated hostile media: real files of every format the demo makes, cut and bit-flipped.

Whatever the bytes, a probe ends in a documented status, with a specific message unless it
is ok, and never in an exception or in the probe's safety net (which means a probe's bug).
The examples are derandomized and bounded by the settings profile in tests/conftest.py.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import wave
import zlib
from functools import cache
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from demo.audio import recording_mp3, with_xing_header
from demo.documents import transcript_image, transcript_pdf
from demo.video import recording_mp4
from ingest.media.documents import BOMB_REFUSED
from ingest.media.probe import probe_path
from ingest.media.record import OK, PROBE_BUG, PROBE_STATUSES, MediaProbe

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def _wav(seconds: float) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(8000)
        handle.writeframes(b"\x01\x00" * int(8000 * seconds))
    return buffer.getvalue()


@cache
def seeds() -> dict[str, bytes]:
    """One small real file per format the demo writes (a few KB each)."""
    return {
        "mp3": recording_mp3(3, 8),
        "xing.mp3": with_xing_header(recording_mp3(3, 16)),
        "mp4": recording_mp4(2),
        "video.mp4": recording_mp4(2, with_video=True),
        "faststart.mp4": recording_mp4(2, faststart=True),
        "wav": _wav(0.5),
        "pdf": transcript_pdf(1),
        "png": transcript_image("PNG"),
        "jpg": transcript_image("JPG"),
        "gif": transcript_image("GIF"),
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("HOSTM-2026")


def probe_bytes(folder: Path, name: str, data: bytes) -> MediaProbe:
    (folder / name).write_bytes(data)
    return probe_path(folder, "HOSTM", 2026, name)


def assert_specific(probe: MediaProbe) -> None:
    assert probe.probe_status in PROBE_STATUSES
    if probe.probe_status == OK:
        assert probe.probe_error is None
    else:
        assert probe.probe_error and len(probe.probe_error) > 10, probe
        assert PROBE_BUG not in probe.probe_error, probe.probe_error


def test_every_seed_probes_ok(folder):
    for kind, data in seeds().items():
        probe = probe_bytes(folder, f"seed.{kind}", data)
        assert probe.probe_status == OK, (kind, probe.probe_error)


@given(
    kind=st.sampled_from(sorted(seeds())),
    keep=st.floats(0, 1),
    flips=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 7)), max_size=8),
)
@example(kind="mp4", keep=0.5, flips=[])
@example(kind="pdf", keep=0.999, flips=[])
def test_cut_and_bit_flipped_media_end_in_a_specific_status(folder, kind, keep, flips):
    data = bytearray(seeds()[kind][: round(len(seeds()[kind]) * keep)])
    for where, bit in flips:
        if data:
            data[int(where * len(data))] ^= 1 << bit
    assert_specific(probe_bytes(folder, f"mutated.{kind}", bytes(data)))


@given(
    kind=st.sampled_from(sorted(seeds())),
    where=st.floats(0, 1),
    junk=st.binary(min_size=1, max_size=64),
    repeat=st.integers(1, 200),
)
@example(kind="faststart.mp4", where=0.2109375, junk=b"\x80", repeat=1)  # PyAV's metadata
def test_spliced_junk_ends_in_a_specific_status(folder, kind, where, junk, repeat):
    seed = seeds()[kind]
    at = round(len(seed) * where)
    assert_specific(probe_bytes(folder, f"spliced.{kind}", seed[:at] + junk * repeat + seed[at:]))


CORPUS = sorted(path for path in HOSTILE.iterdir() if path.suffix != ".csv")


@pytest.mark.parametrize("path", CORPUS, ids=lambda path: path.name)
def test_hostile_media_corpus(folder, path):
    """Media cases the properties found, kept as files (mp4_metadata_not_utf8.mp4: a cut
    MP4 whose metadata PyAV decoded strictly, raising out of the packet scan)."""
    assert_specific(probe_bytes(folder, path.name, path.read_bytes()))


# -- Decompression bombs -------------------------------------------------------------------

_PAGE = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R %s>>"
_IMAGE = (
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray "
    b"/BitsPerComponent 8 /Filter /FlateDecode >>"
)


def _deflated(head: bytes, size: int, fill: bytes = b"\0") -> bytes:
    """head, then size bytes of fill, deflated a mebibyte at a time."""
    compressor = zlib.compressobj(9)
    block = fill * (1 << 20)
    parts = [compressor.compress(head), *(compressor.compress(block) for _ in range(size >> 20))]
    return b"".join([*parts, compressor.flush()])


def _stream(dictionary: bytes, data: bytes) -> bytes:
    return dictionary[:-2] + b"/Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def _pdf(objects: list[bytes | None], packed: dict[int, int] | None = None) -> bytes:
    """A PDF of objects 1..n (catalog first) with a cross-reference stream; packed: objects
    (None in objects) that sit in the object stream numbered by the value."""
    packed = packed or {}
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number, body in enumerate(objects, start=1):
        if body is not None:
            offsets[number] = len(out)
            out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(objects) + 1
    offsets[xref] = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for number in range(1, xref + 1):
        in_stream = number in packed
        rows.append(
            struct.pack(
                ">BIH", 2 if in_stream else 1, packed[number] if in_stream else offsets[number], 0
            )
        )
    table = _stream(
        b"<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R >>" % (xref + 1), b"".join(rows)
    )
    out += b"%d 0 obj\n%s\nendobj\nstartxref\n%d\n%%%%EOF\n" % (xref, table, offsets[xref])
    return bytes(out)


BOMB_BYTES = 100 << 20  # past the probe's floor (64 MiB) and its structure limit (16 MiB)


def bomb_pdfs() -> dict[str, bytes]:
    """A small real PDF and three bombs, each a few hundred KB on disk."""
    catalog, pages = (
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    )
    zeros = _deflated(b"", BOMB_BYTES)
    packed_pages = b"2 0 " + pages
    return {
        "small.pdf": _pdf([catalog, pages, _PAGE % b"", _stream(b"<< >>", b"BT ET")]),
        # A page whose content inflates to 100 MiB of zeros.
        "content_bomb.pdf": _pdf(
            [catalog, pages, _PAGE % b"", _stream(b"<< /Filter /FlateDecode >>", zeros)]
        ),
        # The same zeros as an image declaring 100,000 x 100,000 pixels.
        "image_bomb.pdf": _pdf([
            catalog, pages, _PAGE % b"/Resources << /XObject << /I 5 0 R >> >> ",
            _stream(b"<< >>", b"q Q"), _stream(_IMAGE % (100_000, 100_000), zeros),
        ]),
        # The page tree's own object stream inflates to 100 MiB (pypdf must read it).
        "object_stream_bomb.pdf": _pdf(
            [catalog, None, _PAGE % b"", _stream(b"<< >>", b"q Q"), _stream(
                b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>",
                _deflated(packed_pages, BOMB_BYTES, b" "),
            )],
            packed={2: 5},
        ),
    }  # fmt: skip


_CHILD = """
import json, sys
from pathlib import Path
from ingest.media.probe import probe_path
probe = probe_path(Path(sys.argv[1]), "BOMB", 2026, sys.argv[2])
peak_kib = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(json.dumps({"status": probe.probe_status, "error": probe.probe_error, "peak": peak_kib}))
"""


def _probe_in_child(folder: Path, name: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder), name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def bombs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("BOMB-2026")
    for name, data in bomb_pdfs().items():
        (folder / name).write_bytes(data)
    return folder


# A probe that expanded a bomb would hold 100 MiB; pypdf may hold STRUCTURE_BYTES (16 MiB)
# of an object stream it needs, and a few MiB of chunks and parsing.
BOMB_GROWTH_KIB = 32 * 1024


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="VmHWM is Linux-only")
@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("content_bomb.pdf", "inflate to more than 67108864 bytes"),
        ("image_bomb.pdf", "100000x100000 = 10000000000 pixels exceeds the limit"),
        ("object_stream_bomb.pdf", "Limit reached while decompressing"),
    ],
)
def test_pdf_decompression_bomb_is_refused_in_bounded_memory(bombs, name, reason):
    assert (bombs / name).stat().st_size < 200_000  # small on disk, 100 MiB inflated
    small = _probe_in_child(bombs, "small.pdf")
    bomb = _probe_in_child(bombs, name)
    assert small["status"] == "ok", small
    assert bomb["status"] == "corrupt"
    assert bomb["error"].startswith(f"PDF: {BOMB_REFUSED}: ")
    assert reason in bomb["error"]
    growth = bomb["peak"] - small["peak"]
    print(f"{name}: peak {bomb['peak'] // 1024} MiB, {growth // 1024} MiB over a small PDF's")
    assert growth < BOMB_GROWTH_KIB, f"{growth // 1024} MiB more than a small PDF"
