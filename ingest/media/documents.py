"""Document probes: PDF page counts with pypdf, image formats and sizes with Pillow."""

from __future__ import annotations

import logging
import os
import warnings
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from ingest.media.record import CORRUPT, ENCRYPTED, TRUNCATED, MediaProbe

_PIL_FORMATS = {"PNG": "PNG", "JPEG": "JPG", "GIF": "GIF", "WEBP": "WEBP", "TIFF": "TIFF"}
# Transcripts are screenshots: anything above this many pixels is not one, and decoding
# it could exhaust memory (a decompression bomb).
MAX_PIXELS = 100_000_000
# How every refused bomb's message starts (images and PDFs), so they are found by one search.
BOMB_REFUSED = "decompression bomb refused"

logging.getLogger("pypdf").setLevel(logging.ERROR)


def preload(pdf: bool) -> None:
    """Import what document probes load lazily, once, before worker processes are forked.

    pypdf takes longer to import (seconds on a busy machine) than a hundred probes take,
    and Pillow loads its format plugins on the first image it opens: done in the parent,
    every forked worker inherits both instead of paying for them itself.
    """
    Image.preinit()
    if pdf:
        import pypdf  # noqa: F401


def _tail(file: BinaryIO, size: int) -> bytes:
    file.seek(max(0, file.seek(0, os.SEEK_END) - size))
    tail = file.read(size)
    file.seek(0)
    return tail


def probe_pdf(file: BinaryIO, probe: MediaProbe) -> MediaProbe:
    """Page count; a PDF without its end-of-file marker is reported as truncated, and a
    decompression bomb (ingest.media.pdf_bomb) as corrupt, with what gives it away.

    pypdf reads the cross-reference table and the page tree, inflating in memory only the
    object and cross-reference streams they need, up to STRUCTURE_BYTES (past it pypdf's
    LimitReachedError refuses the file). Page contents and images are never decoded.
    """
    # pypdf takes longer to import than most probes take: only PDFs pay for it.
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    from ingest.media.pdf_bomb import STRUCTURE_BYTES, bomb_reason

    probe.has_video = False
    complete = b"%%EOF" in _tail(file, 2048)
    limits = {
        f"{kind}_maximum_output_length": STRUCTURE_BYTES
        for kind in ("zlib", "lzw", "run_length", "brotli", "jbig2")
    }
    try:
        with warnings.catch_warnings(), apply_configuration(**limits):
            warnings.simplefilter("ignore")
            # The open file, not its path: given a path, pypdf reads the whole file first.
            reader = PdfReader(file, strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                return probe.fail(ENCRYPTED, "PDF is password-protected")
            probe.pages = len(reader.pages)
            bomb = bomb_reason(reader, MAX_PIXELS)
    except LimitReachedError as error:
        return probe.fail(CORRUPT, f"PDF: {BOMB_REFUSED}: {error}")
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        if not complete:
            return probe.fail(
                TRUNCATED, f"PDF has no %%EOF marker at its end and cannot be read: {error}"
            )
        return probe.fail(CORRUPT, f"PDF: {type(error).__name__}: {error}")
    if bomb is not None:
        return probe.fail(CORRUPT, f"PDF: {BOMB_REFUSED}: {bomb}")
    if probe.pages == 0:
        return probe.fail(CORRUPT, "PDF has no pages")
    if not complete:
        return probe.fail(
            TRUNCATED, f"PDF has no %%EOF marker at its end ({probe.pages} pages recovered)"
        )
    return probe


def probe_image(file: BinaryIO, probe: MediaProbe) -> MediaProbe:
    """Format and size, then a full decode: a cut or damaged image fails to decode."""
    probe.has_video = False
    with warnings.catch_warnings():
        # Pillow warns past its limit while opening; _decode refuses what is past ours.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return _decode(file, probe)


def _decode(file: BinaryIO, probe: MediaProbe) -> MediaProbe:
    try:
        with Image.open(file) as image:
            probe.width, probe.height = image.size
            probe.detected_format = _PIL_FORMATS.get(image.format or "", probe.detected_format)
            if image.width * image.height > MAX_PIXELS:
                message = _bomb_message(image.width, image.height)
                return probe.fail(CORRUPT, f"{probe.detected_format}: {message}")
            if getattr(image, "n_frames", 1) > 1:
                probe.pages = image.n_frames
            image.load()
    except Image.DecompressionBombError as error:
        # Pillow refuses at twice its own limit while reading the header, before our check.
        return probe.fail(CORRUPT, f"{probe.detected_format}: {BOMB_REFUSED}: {error}")
    except UnidentifiedImageError as error:
        return probe.fail(CORRUPT, f"{probe.detected_format}: {error}")
    except (OSError, SyntaxError, ValueError) as error:
        status = TRUNCATED if "truncated" in str(error).lower() else CORRUPT
        return probe.fail(status, f"{probe.detected_format}: {error}")
    return probe


def _bomb_message(width: int, height: int) -> str:
    return (
        f"{BOMB_REFUSED}: {width}x{height} = {width * height} pixels "
        f"exceeds the limit of {MAX_PIXELS} pixels (not decoded)"
    )
