"""Probe the files that files.csv lists: size, content hash, format and duration."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass

import mutagen
import polars as pl

from ingest.drop_folder import Edition

MEDIA_SCHEMA: dict[str, pl.DataType] = {
    "contest_code": pl.String(),
    "edition_year": pl.Int32(),
    "relative_path": pl.String(),
    "size_bytes": pl.Int64(),
    "sha256": pl.String(),
    "detected_format": pl.String(),
    "duration_seconds": pl.Float64(),
    "probe_status": pl.String(),
    "probe_error": pl.String(),
}


@dataclass
class MediaProbe:
    """What one listed file turned out to be."""

    contest_code: str
    edition_year: int
    relative_path: str
    size_bytes: int | None = None
    sha256: str | None = None
    detected_format: str | None = None
    duration_seconds: float | None = None
    probe_status: str = "ok"
    probe_error: str | None = None


def probe_file(edition: Edition, relative_path: str) -> MediaProbe:
    """Probe one file of an edition folder; every failure becomes a status, never an error."""
    probe = MediaProbe(edition.contest_code, edition.edition_year, relative_path)
    edition_folder = edition.folder
    path = (edition_folder / relative_path).resolve()
    if not path.is_relative_to(edition_folder.resolve()):
        probe.probe_status, probe.probe_error = "path_escapes", "path leaves the edition folder"
        return probe
    if not path.is_file():
        probe.probe_status, probe.probe_error = "missing", f"{relative_path} does not exist"
        return probe
    data = path.read_bytes()
    probe.size_bytes = len(data)
    probe.sha256 = hashlib.sha256(data).hexdigest()
    if not data:
        probe.probe_status, probe.probe_error = "empty", f"{relative_path} is empty"
        return probe
    try:
        parsed = mutagen.File(path)
    except mutagen.MutagenError as error:
        probe.probe_status, probe.probe_error = "corrupt", str(error)
        return probe
    if parsed is not None:
        probe.detected_format = type(parsed).__name__.upper()
        probe.duration_seconds = float(parsed.info.length)
    return probe


def probes_to_frame(probes: list[MediaProbe]) -> pl.DataFrame:
    return pl.DataFrame([asdict(p) for p in probes], schema=MEDIA_SCHEMA)
