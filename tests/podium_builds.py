"""Real `podium build` processes on tiny hand-made drop folders in scratch folders."""

from __future__ import annotations

import csv
import hashlib
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import duckdb

from settings.environment import PROJECT_ROOT, PodiumPaths

PODIUM = str(Path(sys.executable).with_name("podium"))


def _csv(path: Path, rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def tiny_drop(root: Path, entries: int) -> Path:
    """One edition with one category and `entries` valid entries: a build in seconds."""
    edition = root / "TST-2026"
    _csv(
        edition / "catalog" / "categories.csv",
        [["category_code", "category_name_pl", "category_name_en"], ["C", "Kultura", "Culture"]],
    )
    _csv(
        edition / "entries.csv",
        [["entry_id", "category", "organization"]]
        + [[f"T{number}", "C", f"Org{number}"] for number in range(1, entries + 1)],
    )
    return root


@dataclass(frozen=True)
class Scratch:
    """A drop folder, a warehouse folder and a Dagster home for `podium build`."""

    data_dir: Path
    out_dir: Path
    dagster_home: Path

    @property
    def paths(self) -> PodiumPaths:
        return PodiumPaths(
            self.data_dir, self.out_dir / "podium.duckdb", self.out_dir / "sponsor.duckdb"
        )

    def env(self, **extra: str) -> dict[str, str]:
        self.dagster_home.mkdir(parents=True, exist_ok=True)
        return {
            **os.environ,
            "PODIUM_DATA_DIR": str(self.data_dir),
            "PODIUM_WAREHOUSE": str(self.paths.warehouse),
            "PODIUM_SPONSOR_WAREHOUSE": str(self.paths.sponsor_warehouse),
            "DAGSTER_HOME": str(self.dagster_home),
            **extra,
        }

    def start_build(self, **extra: str) -> subprocess.Popen:
        """`podium build` in its own process group (so a test can kill all of it), stderr
        apart from stdout."""
        return subprocess.Popen(
            [PODIUM, "build"],
            cwd=PROJECT_ROOT,
            env=self.env(**extra),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def build(self, **extra: str) -> subprocess.CompletedProcess:
        process = self.start_build(**extra)
        stdout, stderr = process.communicate(timeout=1200)
        return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def kill_group(process: subprocess.Popen) -> None:
    """Kill a build started by start_build with everything it started."""
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


class Lines:
    """A process's output read as it comes, so a test can wait for a line with a deadline."""

    def __init__(self, stream: IO[str]) -> None:
        self.seen: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line)
        self._lines.put(None)

    def until(self, needle: str, timeout: float = 600) -> str:
        """The first line (from here on) holding needle; AssertionError if none comes in time."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            if line is None:
                break
            self.seen.append(line)
            if needle in line:
                return line
        raise AssertionError(f"no line with {needle!r} in:\n{''.join(self.seen)[-5000:]}")

    def rest(self) -> str:
        """Everything after the lines seen, once the stream has ended."""
        lines = []
        while (line := self._lines.get(timeout=600)) is not None:
            lines.append(line)
        self.seen.extend(lines)
        return "".join(lines)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def entry_ids(warehouse: Path) -> list[str]:
    """The published warehouse's entries, read as the dashboards read it."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute("select entry_id from marts.fct_entries order by entry_id").fetchall()
    return [entry_id for (entry_id,) in rows]
