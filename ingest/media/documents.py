"""Document probes: PDF page counts with pypdf, image formats and sizes with Pillow."""

from __future__ import annotations

import io
import logging
import warnings

from PIL import Image, UnidentifiedImageError

from ingest.media.record import CORRUPT, ENCRYPTED, TRUNCATED, MediaProbe

_PIL_FORMATS = {"PNG": "PNG", "JPEG": "JPG", "GIF": "GIF", "WEBP": "WEBP", "TIFF": "TIFF"}
# Transcripts are screenshots: anything above this many pixels is not one, and decoding
# it could exhaust memory (a decompression bomb).
MAX_PIXELS = 100_000_000

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


def probe_pdf(data: bytes, probe: MediaProbe) -> MediaProbe:
    """Page count; a PDF without its end-of-file marker is reported as truncated."""
    # pypdf takes longer to import than most probes take: only PDFs pay for it.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    probe.has_video = False
    complete = b"%%EOF" in data[-2048:]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                return probe.fail(ENCRYPTED, "PDF is password-protected")
            probe.pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        if not complete:
            return probe.fail(
                TRUNCATED, f"PDF has no %%EOF marker at its end and cannot be read: {error}"
            )
        return probe.fail(CORRUPT, f"PDF: {type(error).__name__}: {error}")
    if probe.pages == 0:
        return probe.fail(CORRUPT, "PDF has no pages")
    if not complete:
        return probe.fail(
            TRUNCATED, f"PDF has no %%EOF marker at its end ({probe.pages} pages recovered)"
        )
    return probe


def probe_image(data: bytes, probe: MediaProbe) -> MediaProbe:
    """Format and size, then a full decode: a cut or damaged image fails to decode."""
    probe.has_video = False
    try:
        with Image.open(io.BytesIO(data)) as image:
            probe.width, probe.height = image.size
            probe.detected_format = _PIL_FORMATS.get(image.format or "", probe.detected_format)
            if image.width * image.height > MAX_PIXELS:
                return probe.fail(
                    CORRUPT, f"image of {image.width}x{image.height} pixels exceeds the limit"
                )
            if getattr(image, "n_frames", 1) > 1:
                probe.pages = image.n_frames
            image.load()
    except (UnidentifiedImageError, Image.DecompressionBombError) as error:
        return probe.fail(CORRUPT, f"{probe.detected_format}: {error}")
    except (OSError, SyntaxError, ValueError) as error:
        status = TRUNCATED if "truncated" in str(error).lower() else CORRUPT
        return probe.fail(status, f"{probe.detected_format}: {error}")
    return probe
