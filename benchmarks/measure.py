"""Run one benchmark step as a child process: wall time and peak memory of its whole tree.

Memory is sampled from /proc every 0.1 s: the proportional set size (PSS) summed over the
child and every process it starts (Dagster's dbt subprocess, probe workers), and the
largest single process's own high-water mark (VmHWM). Not `getrusage`: Linux carries the
parent's maximum resident size into a child's across fork and exec, so a small child of
a large harness would report the harness's size.
"""

from __future__ import annotations

import json
import os
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

RESULT_PREFIX = "BENCH_RESULT "
SAMPLE_SECONDS = 0.1
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


class StepFailed(RuntimeError):
    """A benchmark step exited with an error; its log says why."""


@dataclass
class StepResult:
    """What one child process cost, and the result it reported (a JSON line)."""

    name: str
    seconds: float
    peak_tree_bytes: int
    peak_process_bytes: int
    reported: dict = field(default_factory=dict)


def _parents() -> dict[int, int]:
    parents = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may itself hold spaces or parentheses.
        parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
    return parents


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for pid, parent in _parents().items():
        children.setdefault(parent, []).append(pid)
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(children.get(pid, ()))
    return tree


def _high_water_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _memory_bytes(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return 0


class _TreeSampler(threading.Thread):
    def __init__(self, root: int) -> None:
        super().__init__(daemon=True)
        self.root = root
        self.peak = 0
        self.peak_process = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            tree = _descendants(self.root)
            self.peak = max(self.peak, sum(_memory_bytes(p) for p in tree))
            self.peak_process = max([self.peak_process, *(_high_water_bytes(p) for p in tree)])
            self.done.wait(SAMPLE_SECONDS)


def run_step(name: str, argv: list[str], env: dict[str, str], log: Path, cwd: Path) -> StepResult:
    """Run argv to completion, logging its output; raise StepFailed on a non-zero exit."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(argv, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT)
        sampler = _TreeSampler(process.pid)
        sampler.start()
        returncode = process.wait()
        seconds = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    if returncode != 0:
        raise StepFailed(f"{name} exited with {returncode}; see {log}")
    reported = {}
    for line in log.read_text(errors="replace").splitlines():
        if line.startswith(RESULT_PREFIX):
            reported = json.loads(line[len(RESULT_PREFIX) :])
    return StepResult(
        name=name,
        seconds=seconds,
        peak_tree_bytes=sampler.peak,
        peak_process_bytes=sampler.peak_process,
        reported=reported,
    )


def report(result: dict) -> None:
    """Print a worker's result where run_step finds it."""
    print(RESULT_PREFIX + json.dumps(result), flush=True)
