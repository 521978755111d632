"""Run a memory-heavy step in a child process, so its memory goes back when the step ends.

Reading millions of score rows or probing hundreds of thousands of files builds Python
objects by the million. Freed in the Dagster process, that memory mostly stays with it
(the allocator keeps its arenas), and it would still be held while dbt and DuckDB run in
the next steps. In a forked child it is returned to the system when the child exits; the
step hands back only a small summary.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

Result = TypeVar("Result")


def run_isolated(function: Callable[..., Result], *args: object) -> Result:
    """function(*args) in a forked child process; its exception, if any, is raised here."""
    # fork, as for the probe workers: the child starts with the step's code imported.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(function, *args).result()
