"""Disk space for a build: checked before a run writes, and named when a disk fills up.

A full disk surfaces in many places (DuckDB's `IO Error: ... No space left on device`,
`OSError: [Errno 28]` in a copy, dbt failing); each becomes one message that names the disk
and the space the build needs against the space it has.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from settings.environment import PodiumPaths

DISK_FULL = "Disk full:"
# How a full disk reads in errors that lost their errno (DuckDB, dbt's log).
_FULL_WORDS = ("no space left on device", "[errno 28]", "disk is full")


class DiskFullError(Exception):
    """The build stopped, or would stop, for want of disk space; the message says where."""


@dataclass(frozen=True)
class Need:
    """Space one file of the build needs on the disk holding `folder`."""

    folder: Path
    bytes: int
    what: str


def _size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _existing(path: Path) -> Path:
    while not path.exists():
        path = path.parent
    return path


def mount_point(path: Path) -> Path:
    """The mount point of the filesystem holding path (or its nearest existing folder)."""
    path = _existing(path.resolve())
    while not os.path.ismount(path):
        path = path.parent
    return path


def free_bytes(path: Path) -> int:
    stats = os.statvfs(_existing(path))
    return stats.f_bavail * stats.f_frsize


def _mib(count: int) -> str:
    return f"{count / 2**20:.1f} MiB"


def build_needs(paths: PodiumPaths) -> list[Need]:
    """The least free space a build needs, as far as the files of the last one tell: the build
    file grown to the size of the last build (or of the published warehouse, for a first
    build), and a copy of it and of the sponsors' file staged beside each published file
    before the rename. dbt's and Great Expectations' working files come on top, so a build
    refused by this estimate could never have finished."""
    build = _size(paths.build_db) + _size(paths.build_db.with_name(f"{paths.build_db.name}.wal"))
    basis = max(build, _size(paths.warehouse))
    return [
        Need(paths.build_dir, basis - build, "the build file's growth"),
        Need(paths.warehouse.parent, basis, f"a {_mib(basis)} copy to publish"),
        Need(paths.sponsor_warehouse.parent, _size(paths.sponsor_warehouse), "the sponsors' copy"),
    ]


def _message(needs: Iterable[Need], ran_out: bool) -> str | None:
    """The message for the disk with the least space to spare, or None if each has enough."""
    by_disk: dict[Path, list[Need]] = {}
    for need in needs:
        if need.bytes or ran_out:
            by_disk.setdefault(mount_point(need.folder), []).append(need)
    worst = None
    for mount, on_disk in by_disk.items():
        needed, free = sum(need.bytes for need in on_disk), free_bytes(mount)
        if (ran_out or free < needed) and (worst is None or free - needed < worst[0]):
            worst = (free - needed, mount, on_disk[0].folder, free, needed, on_disk)
    if worst is None:
        return None
    _, mount, folder, free, needed, on_disk = worst
    what = " + ".join(need.what for need in on_disk if need.bytes)
    happened = "ran out of space during the build" if ran_out else "has too little space"
    # A first build has no earlier file to estimate from.
    wanted = f"at least {_mib(needed)} ({what})" if needed else "more than that"
    return (
        f"{DISK_FULL} {mount} (holding {folder}) {happened}: {_mib(free)} free, the build "
        f"needs {wanted}. Free space there or set PODIUM_WAREHOUSE to a bigger disk; "
        "nothing half-written was published."
    )


def check_space(paths: PodiumPaths) -> None:
    """Refuse to start a build that would not fit, before anything is written."""
    message = _message(build_needs(paths), ran_out=False)
    if message:
        raise DiskFullError(message)


def is_disk_full(error: BaseException | str) -> bool:
    """Whether error (or any error it came from, or a log's text) says the disk is full."""
    if isinstance(error, str):
        return any(word in error.lower() for word in _FULL_WORDS)
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.errno == errno.ENOSPC:
            return True
        if isinstance(seen, DiskFullError) or is_disk_full(str(seen)):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def disk_full_message(paths: PodiumPaths) -> str:
    """The one message for a build that ran out of space, naming the fullest of its disks."""
    return str(_message(build_needs(paths), ran_out=True))


@contextmanager
def naming_a_full_disk(needs: Callable[[], list[Need]]) -> Iterator[None]:
    """Turn an error a full disk caused inside the block into a DiskFullError naming the disk
    (with the space `needs` says is needed); any other error passes as it is."""
    try:
        yield
    except Exception as error:
        if isinstance(error, DiskFullError) or not is_disk_full(error):
            raise
        raise DiskFullError(str(_message(needs(), ran_out=True))) from error
