"""Probes as Polars frames (kept apart so probing processes never import Polars)."""

from __future__ import annotations

from dataclasses import fields

import polars as pl

from ingest.media.record import MediaProbe

MEDIA_SCHEMA: dict[str, pl.DataType] = {
    "contest_code": pl.String(),
    "edition_year": pl.Int32(),
    "relative_path": pl.String(),
    "size_bytes": pl.Int64(),
    "mtime_ns": pl.Int64(),
    "sha256": pl.String(),
    "detected_format": pl.String(),
    "extension_format": pl.String(),
    "codec": pl.String(),
    "duration_seconds": pl.Float64(),
    "duration_method": pl.String(),
    "header_duration_seconds": pl.Float64(),
    "bitrate": pl.Int64(),
    "sample_rate": pl.Int64(),
    "channels": pl.Int32(),
    "has_video": pl.Boolean(),
    "pages": pl.Int32(),
    "width": pl.Int32(),
    "height": pl.Int32(),
    "probe_status": pl.String(),
    "probe_error": pl.String(),
    "probe_version": pl.Int32(),
}
if tuple(MEDIA_SCHEMA) != tuple(f.name for f in fields(MediaProbe)):
    raise ImportError("MEDIA_SCHEMA and MediaProbe disagree")


def probes_to_frame(probes: list[MediaProbe]) -> pl.DataFrame:
    """The probes as a frame with a fixed schema, also when there are none."""
    # Column by column with getattr: dataclasses.asdict deep-copies every field, which cost
    # more than the probing itself at hundreds of thousands of files.
    return pl.DataFrame(
        {name: [getattr(p, name) for p in probes] for name in MEDIA_SCHEMA}, schema=MEDIA_SCHEMA
    )


def frame_to_probes(frame: pl.DataFrame) -> list[MediaProbe]:
    return [MediaProbe(**row) for row in frame.select(list(MEDIA_SCHEMA)).iter_rows(named=True)]
