"""PDF decompression bombs: told from the stream dictionaries and a counted inflation.

A PDF viewer decodes every image and content stream; a few kilobytes of deflated zeros
become gigabytes. The probe never keeps what it inflates: each compressed stream is inflated
a chunk at a time only to count its bytes, and the count stops at the file's budget, so
neither memory nor time grows with what the bomb would become. An image is judged by the
pixels its dictionary declares, against the limit screenshots are held to (the caller's).

Imported by the PDF probe only (pypdf takes seconds to import).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import IndirectObject, StreamObject

# The streams of a PDF may inflate to this many bytes at any ratio, and beyond it only to
# INFLATE_RATIO times what they take in the file. Text and fonts deflate 3 to 10 times and
# screenshots 10 to 50: a PDF past both is mostly blank space at a bomb's ratio (zlib's
# highest is about 1,030).
INFLATE_FLOOR = 64 << 20
INFLATE_RATIO = 100
# pypdf inflates the object and cross-reference streams that lead to the page tree in
# memory: a real one holds a few hundred objects, or 7 bytes for each object of the file.
STRUCTURE_BYTES = 16 << 20
_CHUNK = 1 << 20
_FLATE = ("/FlateDecode", "/Fl")
_ERRORS = (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError)


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """One layer of zlib, never more than _CHUNK bytes of output at a time."""
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 32)  # zlib or gzip header
    try:
        for chunk in chunks:
            while chunk and not decompressor.eof:
                yield decompressor.decompress(chunk, _CHUNK)
                chunk = decompressor.unconsumed_tail
    except zlib.error:
        return  # damaged data: a viewer gets no further than this either


def _inflated_size(data: bytes, layers: int, limit: int) -> int:
    """What data inflates to through layers of zlib, counted up to just past limit."""
    chunks: Iterator[bytes] = iter((data,))
    for _ in range(layers):
        chunks = _inflate(chunks)
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit:
            break
    return size


def _flate_layers(stream: StreamObject) -> int:
    """How many FlateDecode filters the stream's filter chain starts with."""
    filters = stream.get("/Filter")
    chain = filters if isinstance(filters, list) else [filters]
    layers = 0
    for name in chain:
        if name not in _FLATE:
            break
        layers += 1
    return layers


def _pixels(stream: StreamObject) -> tuple[int, int] | None:
    if stream.get("/Subtype") != "/Image":
        return None
    try:
        return int(stream.get("/Width", 0)), int(stream.get("/Height", 0))
    except (TypeError, ValueError):
        return None


def _streams(reader: PdfReader) -> Iterator[StreamObject]:
    """Every stream object of the file, each dropped from pypdf's cache once looked at, so
    a scanned PDF of hundreds of megabytes is not held whole."""
    for generation, numbers in list(reader.xref.items()):
        for number in list(numbers):
            try:
                found = reader.get_object(IndirectObject(number, generation, reader))
            except _ERRORS:
                continue  # not on the page tree (that read already); a viewer skips it too
            if isinstance(found, StreamObject):
                yield found
            reader.resolved_objects.pop((generation, number), None)


def bomb_reason(reader: PdfReader, max_pixels: int) -> str | None:
    """Why the PDF is a decompression bomb (an image above max_pixels among them), or None."""
    stored = inflated = 0
    for stream in _streams(reader):
        size = _pixels(stream)
        if size is not None and size[0] * size[1] > max_pixels:
            width, height = size
            return (
                f"an image of {width}x{height} = {width * height} pixels exceeds the limit "
                f"of {max_pixels} pixels (not decoded)"
            )
        layers = _flate_layers(stream)
        if not layers:
            continue
        data = stream._data  # the bytes as stored: pypdf has no public name for them
        stored += len(data)
        budget = max(INFLATE_FLOOR, INFLATE_RATIO * stored)
        inflated += _inflated_size(data, layers, budget - inflated)
        if inflated > budget:
            return (
                f"its {stored} bytes of compressed streams inflate to more than {budget} "
                f"bytes, over {INFLATE_RATIO} times their size (counted, not kept)"
            )
    return None
