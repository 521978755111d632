"""Progress of a long step in the run's log: items done of total and the rate, every 10 s.

A step that probes thousands of files is otherwise silent until it ends; the log line is
written from a timer thread, so it comes even while one large file takes longer than that.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# How often a running step says how far it is.
PROGRESS_SECONDS = 10.0


@dataclass
class Progress:
    """Counts items done; while open, logs "done of total, rate" every `every` seconds."""

    what: str
    total: int
    log: Callable[[str], None]
    every: float = PROGRESS_SECONDS
    done: int = 0
    _started: float = field(default_factory=time.perf_counter)
    _stop: threading.Event = field(default_factory=threading.Event)
    _timer: threading.Thread | None = None

    def line(self) -> str:
        seconds = time.perf_counter() - self._started
        rate = self.done / seconds if seconds > 0 else 0.0
        return f"{self.what}: {self.done} of {self.total} done, {rate:.1f}/s"

    def update(self, done: int) -> None:
        self.done = done

    def _report(self) -> None:
        while not self._stop.wait(self.every):
            self.log(self.line())

    def __enter__(self) -> Progress:
        self._started = time.perf_counter()
        self._timer = threading.Thread(target=self._report, name="progress", daemon=True)
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._timer is not None:
            self._timer.join()
