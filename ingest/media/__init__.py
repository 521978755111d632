"""Probing the files that files.csv lists: format by content, true durations, reasons."""

from ingest.media.probe import probe_file, probe_path

__all__ = ["probe_file", "probe_path"]
