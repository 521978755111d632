"""Real media and documents of every accepted format, whole and broken in typical ways."""

from __future__ import annotations

import io
import wave
import zipfile

from PIL import Image
from pypdf import PdfWriter

from demo.audio import recording_mp3, with_xing_header
from demo.documents import transcript_pdf
from demo.video import recording_mp4


def wav(seconds: float, rate: int = 8000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(rate)
        handle.writeframes(b"\x01\x00" * int(rate * seconds))
    return buffer.getvalue()


def image(fmt: str, size: tuple[int, int] = (320, 240)) -> bytes:
    buffer = io.BytesIO()
    picture = Image.new("RGB", size, (200, 30, 60))
    if fmt == "GIF":
        picture = picture.convert("P")
    picture.save(buffer, {"JPG": "JPEG"}.get(fmt, fmt))
    return buffer.getvalue()


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("tajne-haslo")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("nagranie.txt", "to nie jest nagranie")
    return buffer.getvalue()


def corrupt_png() -> bytes:
    """A PNG whose image data is overwritten: header fine, pixels undecodable."""
    data = bytearray(image("PNG"))
    start = data.index(b"IDAT") + 8
    data[start : start + 40] = b"\x00" * 40
    return bytes(data)


def joined_mp3() -> bytes:
    """A call recorder's file: 60 s at 32 kbit/s, then 240 s at 8 kbit/s, no Xing header."""
    return recording_mp3(60, 32) + recording_mp3(240, 8)


def truncated_xing_mp3() -> bytes:
    """120 s announced by an Info header, cut to about 60 s at a frame boundary."""
    whole = with_xing_header(recording_mp3(120, 16))
    frame = 144  # 16 kbit/s at 8 kHz
    return whole[: frame * 834]


def half(data: bytes, extra: int = 0) -> bytes:
    return data[: len(data) // 2 + extra]


# relative path -> (bytes, expected status, expected detected format)
MEDIA_CASES: dict[str, tuple[bytes, str, str | None]] = {}


def media_cases() -> dict[str, tuple[bytes, str, str | None]]:
    """Every case the probe must handle, built on first use (encoding takes a moment)."""
    if not MEDIA_CASES:
        mp4 = recording_mp4(40)
        MEDIA_CASES.update(
            {
                "media/ok.mp3": (recording_mp3(30, 16), "ok", "MP3"),
                "media/xing.mp3": (with_xing_header(recording_mp3(45, 16)), "ok", "MP3"),
                "media/joined.mp3": (joined_mp3(), "ok", "MP3"),
                "media/cut_xing.mp3": (truncated_xing_mp3(), "truncated", "MP3"),
                "media/cut_mid_frame.mp3": (half(recording_mp3(30, 32), 7), "truncated", "MP3"),
                "media/mp3_named.mp4": (recording_mp3(20, 16), "ok", "MP3"),
                "media/wav_named.mp3": (wav(3), "ok", "WAV"),
                "media/ok.wav": (wav(2), "ok", "WAV"),
                "media/cut.wav": (half(wav(4)), "truncated", "WAV"),
                "media/audio.mp4": (mp4, "ok", "MP4"),
                "media/video.mp4": (recording_mp4(12, with_video=True), "ok", "MP4"),
                "media/cut.mp4": (half(mp4), "truncated", "MP4"),
                "media/ok.pdf": (transcript_pdf(2), "ok", "PDF"),
                "media/cut.pdf": (half(transcript_pdf(2)), "truncated", "PDF"),
                "media/locked.pdf": (encrypted_pdf(), "encrypted", "PDF"),
                "media/garbage.pdf": (
                    b"%PDF-1.4\n" + b"\x00garbage" * 50 + b"\n%%EOF\n",
                    "corrupt",
                    "PDF",
                ),
                "media/cut_faststart.mp4": (
                    half(recording_mp4(40, faststart=True)),
                    "truncated",
                    "MP4",
                ),
                "media/ok.png": (image("PNG"), "ok", "PNG"),
                "media/ok.jpg": (image("JPG"), "ok", "JPG"),
                "media/ok.gif": (image("GIF"), "ok", "GIF"),
                "media/cut.png": (half(image("PNG")), "truncated", "PNG"),
                "media/cut.jpg": (half(image("JPG")), "truncated", "JPG"),
                "media/bad_pixels.png": (corrupt_png(), "corrupt", "PNG"),
                "media/empty.mp3": (b"", "empty", None),
                "media/text.mp3": (
                    b"To nie jest nagranie, tylko notatka.",
                    "unknown_format",
                    None,
                ),
                "media/archive.mp4": (zip_archive(), "unsupported_format", "ZIP"),
            }
        )
    return MEDIA_CASES
