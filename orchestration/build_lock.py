"""One writer per warehouse: every build holds a lock on its build folder for the whole run.

DuckDB's own file lock keeps the data safe, but a second writer dies at once with a raw
`Could not set lock on file` traceback. The build lock is taken before anything is written
and held until the run ends, by every writer: each Dagster run of the project (the UI, a
sensor, `dagster job execute`, `dg.materialize` in the tests) through the warehouse
resource, and `podium build` before it starts its run. Whoever holds it is written in the
lock file, so a waiting build can say for whom it waits.

`podium build` hands its lock to the run it starts: the run inherits the open lock file
(PODIUM_BUILD_LOCK_FD names its descriptor) and, since a flock belongs to the open file and
not to the process, holds the same lock instead of waiting for its own parent.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from settings.environment import inherited_lock_fd, lock_fd_env

LOCK_NAME = "build.lock"
# The build locks this process holds (lock file -> descriptor): Dagster may set up a run's
# resources again (after a failed step) while the first setup still holds the lock.
_HELD: dict[Path, int] = {}


@dataclass(frozen=True)
class HeldLock:
    """The build lock while it is held: its open file, to hand to a child process."""

    path: Path
    descriptor: int

    def child_env(self) -> Mapping[str, str]:
        """The environment that lets a child process (started with pass_fds) hold this lock."""
        return lock_fd_env(self.descriptor)


def _holder(handle: TextIO) -> str:
    handle.seek(0)
    return handle.read().strip() or "another build"


def _inherited(lock_path: Path) -> int | None:
    """The descriptor of this lock file handed down by the parent, if it still holds the lock."""
    descriptor = inherited_lock_fd()
    if descriptor is None:
        return None
    try:
        handed, ours = os.fstat(descriptor), lock_path.stat()
    except OSError:
        return None
    if (handed.st_dev, handed.st_ino) != (ours.st_dev, ours.st_ino):
        return None
    try:
        # Succeeds at once on the lock the parent holds through this same open file.
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return None
    return descriptor


@contextmanager
def build_lock(build_dir: Path, purpose: str, say: Callable[[str], None]) -> Iterator[HeldLock]:
    """Hold the build lock of build_dir while the block runs; when another build holds it,
    say for whom the build waits, then wait."""
    build_dir.mkdir(parents=True, exist_ok=True)
    lock_path = build_dir / LOCK_NAME
    lock_path.touch()
    inherited = _HELD.get(lock_path.resolve(), _inherited(lock_path))
    if inherited is not None:
        # This process (or the parent that started it) holds the lock already and lets go of
        # it: a second flock through a new open file would wait for ourselves.
        yield HeldLock(lock_path, inherited)
        return
    with lock_path.open("r+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            say(f"Waiting: {_holder(handle)} is writing {build_dir}")
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        started = dt.datetime.now().isoformat(timespec="seconds")
        handle.write(f"{purpose} (pid {os.getpid()}, started {started})\n")
        handle.flush()
        _HELD[lock_path.resolve()] = handle.fileno()
        try:
            yield HeldLock(lock_path, handle.fileno())
        finally:
            del _HELD[lock_path.resolve()]
            handle.seek(0)
            handle.truncate()
            handle.flush()
