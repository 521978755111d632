"""Paths listed in files.csv, confined to their edition folder before anything is opened."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ingest.media.record import INVALID_PATH, MISSING, NO_PATH, NOT_A_FILE, PATH_ESCAPES

_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


def normalise_path(listed: str | None) -> str | None:
    """The listed path with Windows separators and a leading './' taken away."""
    if listed is None:
        return None
    text = listed.strip().replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return text or None


@dataclass(frozen=True)
class CheckedPath:
    """A listed path after confinement: the file to open, or why it is not opened."""

    relative_path: str | None
    path: Path | None = None
    size_bytes: int | None = None
    mtime_ns: int | None = None
    status: str | None = None
    message: str | None = None


def check_path(folder: Path, listed: str | None) -> CheckedPath:
    """Confine a listed path to the edition folder (symlinks resolved) and stat it."""
    relative = normalise_path(listed)
    if relative is None:
        return CheckedPath(None, status=NO_PATH, message="the row gives no path")
    if "\x00" in relative:
        return CheckedPath(relative, status=INVALID_PATH, message="the path holds a NUL byte")
    pure = PurePosixPath(relative)
    if pure.is_absolute() or _WINDOWS_DRIVE.match(relative):
        return CheckedPath(
            relative, status=PATH_ESCAPES, message=f"'{listed}' is an absolute path; not opened"
        )
    if ".." in pure.parts:
        return CheckedPath(
            relative,
            status=PATH_ESCAPES,
            message=f"'{listed}' climbs out of the edition folder with '..'; not opened",
        )
    root = folder.resolve()
    candidate = root / pure
    resolved = candidate.resolve()
    if not resolved.is_relative_to(root):
        return CheckedPath(
            relative,
            status=PATH_ESCAPES,
            message=f"'{relative}' is a symlink to {resolved}, outside the edition folder; "
            "not opened",
        )
    try:
        info = os.stat(resolved)
    except FileNotFoundError:
        message = (
            f"'{relative}' is a symlink to a missing file"
            if candidate.is_symlink()
            else f"'{relative}' does not exist in the edition folder"
        )
        return CheckedPath(relative, status=MISSING, message=message)
    except OSError as error:
        return CheckedPath(relative, status=MISSING, message=f"'{relative}': {error.strerror}")
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        return CheckedPath(relative, status=NOT_A_FILE, message=f"'{relative}' is {kind}")
    return CheckedPath(relative, resolved, info.st_size, info.st_mtime_ns)


def files_on_disk(folder: Path, skip: set[str]) -> list[str]:
    """Every regular file or symlink under the edition folder, relative, except those in skip."""
    root = folder.resolve()
    found = []
    for directory, _, names in os.walk(root):
        for name in names:
            relative = (Path(directory) / name).relative_to(root).as_posix()
            if relative not in skip:
                found.append(relative)
    return sorted(found)
