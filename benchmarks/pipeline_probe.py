"""The pipeline's probe step outside Dagster: the same calls the raw.media asset makes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ingest.drop_folder import discover_editions
from ingest.media import probe_file


def probe_like_the_asset(pairs: list[tuple[Path, str]]) -> Counter:
    """Probe every (edition folder, relative path) as raw_media does; count the statuses."""
    editions = {}
    for folder in {folder for folder, _ in pairs}:
        (edition,) = [e for e in discover_editions(folder.parent) if e.folder == folder]
        editions[folder] = edition
    probes = [probe_file(editions[folder], relative) for folder, relative in pairs]
    return Counter(probe.probe_status for probe in probes)
