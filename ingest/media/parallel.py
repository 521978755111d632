"""Probing many files on every core: one process per core, files handed out in chunks."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from ingest.media.documents import preload
from ingest.media.paths import CheckedPath
from ingest.media.probe import probe_checked
from ingest.media.record import MediaProbe
from ingest.media.sniff import extension_format

ProbeTask = tuple[str, int, CheckedPath]
# Below this many files, forking and feeding the workers (20-100 ms) is not paid back by
# sharing probes of 0.5-3 ms each.
POOL_THRESHOLD = 150


def _probe_task(task: ProbeTask) -> MediaProbe:
    return probe_checked(*task)


def worker_count() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _ignore(done: int) -> None:
    return None


def probe_many(
    tasks: list[ProbeTask],
    workers: int | None = None,
    min_files: int = POOL_THRESHOLD,
    progress: Callable[[int], None] = _ignore,
) -> list[MediaProbe]:
    """Probe every task, in order; in worker processes when there are enough of them.
    progress is told how many files are done each time one is."""
    workers = workers or worker_count()
    probes: list[MediaProbe] = []
    if workers == 1 or len(tasks) < min_files:
        for task in tasks:
            probes.append(_probe_task(task))
            progress(len(probes))
        return probes
    # fork: workers start at once with the probing code already imported. spawn and
    # forkserver re-import the __main__ module in every worker, which under `dagster` or
    # an embedding tool is heavy or not importable at all. The workers only read files
    # and parse bytes: none of the parent's threads or locks is used in them.
    # A name can lie about the content; a misnamed PDF only makes its worker import pypdf.
    preload(pdf=any(extension_format(task[2].relative_path or "") == "PDF" for task in tasks))
    context = multiprocessing.get_context("fork")
    chunk = max(1, len(tasks) // (workers * 4))
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        for probe in pool.map(_probe_task, tasks, chunksize=chunk):
            probes.append(probe)
            progress(len(probes))
    return probes
