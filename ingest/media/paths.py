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


@dataclass(frozen=True, slots=True)
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
    return PathChecker(folder).check(listed)


class PathChecker:
    """check_path for many paths of one edition folder: the folder is resolved once, and
    a path without symlinks costs one lstat per directory not seen before plus its own."""

    def __init__(self, folder: Path) -> None:
        self.root = folder.resolve()
        self._plain_dirs: set[str] = set()

    def check(self, listed: str | None) -> CheckedPath:
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
        return self._plain_file(relative, pure) or _resolve_and_stat(self.root, relative, pure)

    def _plain_file(self, relative: str, pure: PurePosixPath) -> CheckedPath | None:
        """The checked path when neither it nor a folder above it is a symlink; else None.

        Such a path resolves to itself, so realpath's lstat of every component from / down
        is not needed. Anything unusual (a symlink, a missing folder, an error) returns None
        for _resolve_and_stat to handle.
        """
        if not pure.parts:
            return None
        directory = str(self.root)
        try:
            for part in pure.parts[:-1]:
                directory = f"{directory}/{part}"
                if directory not in self._plain_dirs:
                    if not stat.S_ISDIR(os.lstat(directory).st_mode):
                        return None
                    self._plain_dirs.add(directory)
            path = f"{directory}/{pure.parts[-1]}"
            info = os.lstat(path)
        except OSError:
            return None
        if stat.S_ISLNK(info.st_mode):
            return None
        return _stat_result(relative, Path(path), info)


def _resolve_and_stat(root: Path, relative: str, pure: PurePosixPath) -> CheckedPath:
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
    return _stat_result(relative, resolved, info)


def _stat_result(relative: str, path: Path, info: os.stat_result) -> CheckedPath:
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        return CheckedPath(relative, status=NOT_A_FILE, message=f"'{relative}' is {kind}")
    return CheckedPath(relative, path, info.st_size, info.st_mtime_ns)


def files_on_disk(folder: Path, skip: set[str]) -> list[str]:
    """Every regular file or symlink under the edition folder, relative, except those in skip."""
    root = str(folder.resolve())
    found = []
    # Plain strings, not Path objects: this walks every file of a drop folder on every run.
    for directory, _, names in os.walk(root):
        prefix = os.path.relpath(directory, root).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found.extend(prefix + name for name in names if prefix + name not in skip)
    return sorted(found)
