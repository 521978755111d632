"""A per-file mark in each generated file's own metadata, so no two demo files share bytes.

The generator reuses a few rendered recordings and transcripts; without a mark, files meant
to be distinct would carry the same content hash and read as the same recording submitted
twice. Each mark sits where the format keeps free-form metadata, so the file stays valid.
"""

from __future__ import annotations

import hashlib
import struct
import zlib


def _mp4(data: bytes, text: bytes) -> bytes:
    return data + struct.pack(">I", 8 + len(text)) + b"free" + text


def _mp3(data: bytes, text: bytes) -> bytes:
    # An ID3v1 tag at the end: a title field of 30 bytes, the rest empty.
    return data + b"TAG" + text[:30].ljust(30, b"\0") + b"\0" * 94 + b"\xff"


def _png(data: bytes, text: bytes) -> bytes:
    body = b"tEXt" + b"Comment\0" + text
    chunk = struct.pack(">I", len(body) - 4) + body + struct.pack(">I", zlib.crc32(body))
    end = data.rindex(b"IEND") - 4
    return data[:end] + chunk + data[end:]


def _jpeg(data: bytes, text: bytes) -> bytes:
    return data[:2] + b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text + data[2:]


def _gif(data: bytes, text: bytes) -> bytes:
    comment = b"\x21\xfe" + bytes([len(text)]) + text + b"\x00"
    return data[:-1] + comment + data[-1:]


def _pdf(data: bytes, text: bytes) -> bytes:
    return data + b"%" + text + b"\n"


def _wav(data: bytes, text: bytes) -> bytes:
    chunk = b"note" + struct.pack("<I", len(text)) + text
    body = data[8:] + chunk
    return b"RIFF" + struct.pack("<I", len(body)) + body


def marked(data: bytes, name: str) -> bytes:
    """data with a mark derived from name in its metadata; unknown formats are returned as is."""
    text = hashlib.sha256(name.encode()).hexdigest()[:30].encode()
    if data[4:8] == b"ftyp":
        return _mp4(data, text)
    if data[:3] == b"ID3" or data[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2", b"\xff\xe3"):
        return _mp3(data, text)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return _png(data, text)
    if data[:2] == b"\xff\xd8":
        return _jpeg(data, text)
    if data[:4] == b"GIF8":
        return _gif(data, text)
    if data[:5] == b"%PDF-":
        return _pdf(data, text)
    if data[:4] == b"RIFF":
        return _wav(data, text)
    return data
