"""The machine a benchmark ran on, and how busy it was with other work."""

from __future__ import annotations

import os
import platform
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path


@dataclass(frozen=True)
class Machine:
    """Cores, memory and CPU of this host, and the load other processes put on it."""

    cpu_model: str
    cores: int
    ram_gib: float
    os: str
    load_average: tuple[float, float, float]
    measured_at: str

    def as_dict(self) -> dict:
        return asdict(self)


def _cpu_model() -> str:
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _ram_gib() -> float:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 1024**2, 1)
    return 0.0


def this_machine() -> Machine:
    """Describe the host now; the load average shows whether other work competed."""
    return Machine(
        cpu_model=_cpu_model(),
        cores=os.cpu_count() or 1,
        ram_gib=_ram_gib(),
        os=f"{platform.system()} {platform.release()}",
        load_average=tuple(round(x, 2) for x in os.getloadavg()),
        measured_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )
