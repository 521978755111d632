"""Runs of the build job as a child process, with what it is doing shown as it goes.

`dagster job execute` logs one line per event; the step events say what finished and in
how long. A long step (dbt) is silent for a minute, so a line says it is still running.
"""

from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from orchestration.disk_space import DISK_FULL
from settings.environment import PROJECT_ROOT

JOB = "build_warehouse"
# Seconds of silence after which a still-running step is reported again.
HEARTBEAT_SECONDS = 10.0
_EVENT = re.compile(r" - (?P<step>[\w.]+) - (?P<event>STEP_START|STEP_SUCCESS|STEP_FAILURE) - ")
_TOOK = re.compile(r" in (?P<took>[^ ]+(?: [^ ]+)?)\.$")
# What a resource warns of at the start of a run (a damaged build file dropped) is news.
_RESOURCE_WARNING = re.compile(r" - (?:WARNING|ERROR) - resource:\w+ - [\w-]+ - (?P<message>.+)$")


@dataclass
class BuildRun:
    """What one run of the build job did: its exit code, steps and failures."""

    returncode: int = 0
    steps_done: list[str] = field(default_factory=list)
    failed_steps: list[str] = field(default_factory=list)
    log: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.failed_steps

    def disk_full(self) -> str | None:
        """The run's own disk-full message, if a full disk stopped it."""
        for line in self.log:
            if DISK_FULL in line:
                return line[line.index(DISK_FULL) :]
        return None

    def failure_log(self, most: int = 80) -> str:
        """The log from the first failed step on (what went wrong), at most `most` lines."""
        first = next((i for i, line in enumerate(self.log) if "STEP_FAILURE" in line), None)
        lines = self.log[first:] if first is not None else self.log[-most:]
        return "\n".join(lines[:most])


def build_command(tags: Mapping[str, str] | None = None) -> list[str]:
    """`dagster job execute` of the build job, with the run's tags when given."""
    command = [
        str(Path(sys.executable).with_name("dagster")),
        "job",
        "execute",
        "-m",
        "orchestration.definitions",
        "-j",
        JOB,
    ]
    return [*command, "--tags", json.dumps(dict(tags))] if tags else command


def _pump(stream: TextIO, lines: queue.Queue[str | None]) -> None:
    for line in stream:
        lines.put(line.rstrip("\n"))
    lines.put(None)


def run_build(
    env: Mapping[str, str],
    out: TextIO,
    pass_fds: Collection[int] = (),
    tags: Mapping[str, str] | None = None,
) -> BuildRun:
    """Run the build job with env (and the open files pass_fds, the run's tags), printing a
    line per finished step and a heartbeat."""
    process = subprocess.Popen(
        build_command(tags),
        cwd=PROJECT_ROOT,
        env={**os.environ, **env, "PYTHONPATH": str(PROJECT_ROOT)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        pass_fds=tuple(pass_fds),
    )
    lines: queue.Queue[str | None] = queue.Queue()
    threading.Thread(target=_pump, args=(process.stdout, lines), daemon=True).start()
    run = BuildRun()
    running: dict[str, float] = {}
    started = time.monotonic()
    while True:
        try:
            line = lines.get(timeout=HEARTBEAT_SECONDS)
        except queue.Empty:
            for step, since in running.items():
                print(f"  … {step} running for {time.monotonic() - since:.0f} s", file=out)
            continue
        if line is None:
            break
        run.log.append(line)
        warning = _RESOURCE_WARNING.search(line)
        if warning:
            print(f"  ! {warning['message']}", file=out, flush=True)
        match = _EVENT.search(line)
        if not match:
            continue
        step, event = match["step"], match["event"]
        if event == "STEP_START":
            running[step] = time.monotonic()
            continue
        running.pop(step, None)
        took = _TOOK.search(line)
        if event == "STEP_SUCCESS":
            run.steps_done.append(step)
            print(f"  ✓ {step} ({took['took'] if took else '?'})", file=out)
        else:
            run.failed_steps.append(step)
            print(f"  ✗ {step} failed", file=out)
        out.flush()
    run.returncode = process.wait()
    print(
        f"{len(run.steps_done)} steps done, {len(run.failed_steps)} failed, "
        f"in {time.monotonic() - started:.0f} s",
        file=out,
    )
    return run
