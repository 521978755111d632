"""Atomic publishing of the Data Docs folder: readers see the last complete site, never half.

A folder cannot be renamed over a non-empty one, so the published path is a symbolic link
to a versioned copy (`.data_docs/<version>/`) and a new version is swapped in by renaming a
fresh link over it, which is atomic. The previous version is kept for readers still on it.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

KEPT_VERSIONS = 2


def publish_data_docs(built: Path, target: Path) -> Path:
    """Copy the built site beside target, point target at it, and return its index page."""
    if not (built / "index.html").is_file():
        raise FileNotFoundError(f"no Data Docs were built in {built}")
    versions = target.with_name(f".{target.name}")
    versions.mkdir(parents=True, exist_ok=True)
    version = versions / f"{time.time_ns()}-{os.getpid()}"
    shutil.copytree(built, version)
    link = target.with_name(f".{target.name}.{os.getpid()}.link")
    link.unlink(missing_ok=True)
    link.symlink_to(version.relative_to(target.parent), target_is_directory=True)
    if target.is_dir() and not target.is_symlink():
        # A real folder from an older layout: moved aside once, then links take over.
        shutil.rmtree(target)
    os.replace(link, target)
    for old in sorted(versions.iterdir(), key=lambda p: p.stat().st_mtime)[:-KEPT_VERSIONS]:
        shutil.rmtree(old, ignore_errors=True)
    return target / "index.html"
