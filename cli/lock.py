"""One build at a time per warehouse: a second `podium build` waits for the first.

DuckDB's own file lock keeps the data safe, but a second writer dies at once with a raw
`Could not set lock on file` traceback. The build lock is taken before any writer starts and
held for the whole run; whoever holds it is written in the lock file, so a waiting build can
say for whom it waits.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

LOCK_NAME = "build.lock"


def _holder(handle) -> str:
    handle.seek(0)
    return handle.read().strip() or "another build"


@contextmanager
def build_lock(build_dir: Path, purpose: str, out: TextIO) -> Iterator[None]:
    """Hold the build lock of build_dir while the block runs, waiting (and saying for whom)
    when another build holds it."""
    build_dir.mkdir(parents=True, exist_ok=True)
    with (build_dir / LOCK_NAME).open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Waiting: {_holder(handle)} is writing {build_dir}", file=out, flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        handle.seek(0)
        handle.truncate()
        started = dt.datetime.now().isoformat(timespec="seconds")
        handle.write(f"{purpose} (pid {os.getpid()}, started {started})\n")
        handle.flush()
        try:
            yield
        finally:
            handle.seek(0)
            handle.truncate()
            handle.flush()
