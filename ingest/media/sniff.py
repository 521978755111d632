"""Format detection from a file's first bytes (magic numbers), never from its name."""

from __future__ import annotations

from pathlib import PurePosixPath

# Formats named as the contest rules name them (JPG, not JPEG).
EXTENSION_FORMATS = {
    ".mp3": "MP3",
    ".mp4": "MP4",
    ".m4a": "MP4",
    ".m4v": "MP4",
    ".mov": "MOV",
    ".3gp": "3GP",
    ".wav": "WAV",
    ".flac": "FLAC",
    ".ogg": "OGG",
    ".opus": "OGG",
    ".pdf": "PDF",
    ".png": "PNG",
    ".jpg": "JPG",
    ".jpeg": "JPG",
    ".gif": "GIF",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
    ".zip": "ZIP",
    ".docx": "ZIP",
    ".xlsx": "ZIP",
}
HEAD_BYTES = 64


def extension_format(relative_path: str) -> str | None:
    """The format a file's name claims, for comparison with what its bytes are."""
    return EXTENSION_FORMATS.get(PurePosixPath(relative_path).suffix.lower())


def _mp4_family(head: bytes) -> str:
    brand = head[8:12]
    if brand == b"qt  ":
        return "MOV"
    if brand.startswith(b"3g"):
        return "3GP"
    return "MP4"


def _is_mpeg_audio_header(head: bytes, offset: int = 0) -> bool:
    if len(head) < offset + 4:
        return False
    b1, b2 = head[offset + 1], head[offset + 2]
    return (
        head[offset] == 0xFF
        and b1 & 0xE0 == 0xE0
        and (b1 >> 3) & 3 != 1  # reserved MPEG version
        and (b1 >> 1) & 3 != 0  # reserved layer
        and b2 >> 4 not in (0, 15)  # free-format or invalid bitrate
        and (b2 >> 2) & 3 != 3  # reserved sample rate
    )


def sniff_format(head: bytes) -> str | None:
    """The format the first bytes of a file announce, or None when no signature matches."""
    if head.startswith(b"ID3") or _is_mpeg_audio_header(head):
        return "MP3"
    if head[4:8] == b"ftyp":
        return _mp4_family(head)
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free"):
        return "MOV"
    if head.startswith(b"RIFF") and head[8:12] == b"WAVE":
        return "WAV"
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "WEBP"
    if head.startswith(b"fLaC"):
        return "FLAC"
    if head.startswith(b"OggS"):
        return "OGG"
    if head.startswith(b"%PDF-"):
        return "PDF"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if head.startswith(b"\xff\xd8\xff"):
        return "JPG"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "GIF"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"PK\x03\x04"):
        return "ZIP"
    return None
