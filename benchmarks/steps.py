"""Step durations of a Dagster run, read from the run's own log lines."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

STEP_SUCCESS = re.compile(
    r'Finished execution of step "(?P<step>[^"]+)" in (?P<duration>[^.]+(?:\.\d+)?\w*)\.'
)
UNITS = {"h": 3600.0, "m": 60.0, "s": 1.0, "ms": 0.001}
PART = re.compile(r"(?P<value>\d+(?:\.\d+)?)(?P<unit>ms|h|m|s)")


def parse_duration(text: str) -> float:
    """Seconds in Dagster's format_duration text: 0.83ms, 533ms, 5.6s, 4m52s, 1h4m."""
    return sum(float(p["value"]) * UNITS[p["unit"]] for p in PART.finditer(text))


def step_seconds(log: Path) -> dict[str, float]:
    """Seconds each step of the run took, by step key."""
    return {
        match["step"]: parse_duration(match["duration"])
        for match in STEP_SUCCESS.finditer(log.read_text(errors="replace"))
    }


# Dagster's log lines start with their time, to the second.
RUN_EVENT = re.compile(
    r"^(?P<at>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}) - dagster - \w+ - .*? - "
    r"(?P<event>RUN_START|RUN_SUCCESS|RUN_FAILURE) - ",
    re.M,
)


def run_seconds(log: Path) -> float | None:
    """Seconds from the run's start to its end as the run logged them: the time inside the
    job, without starting Python and loading the code location."""
    times = {
        match["event"]: dt.datetime.strptime(match["at"], "%Y-%m-%d %H:%M:%S %z")
        for match in RUN_EVENT.finditer(log.read_text(errors="replace"))
    }
    end = times.get("RUN_SUCCESS") or times.get("RUN_FAILURE")
    start = times.get("RUN_START")
    return (end - start).total_seconds() if start and end else None
