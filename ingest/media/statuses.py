"""The probe statuses, read from their one statement: the dbt seed media/probe_statuses.csv.

The probe, the formal checks (expectations/rules.py), the dashboards' labels and dbt's tests
all read this file, so adding or renaming a status is one edit there.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

STATUSES_FILE = (
    Path(__file__).resolve().parents[2] / "dbt_project" / "seeds" / "media" / "probe_statuses.csv"
)
# set_by: the probe writes the status, or marts.fct_media does (a row no probe answered).
SET_BY = ("probe", "mart")


@dataclass(frozen=True)
class ProbeStatus:
    """One status a listed file can end with, its words and what it means for the checks.

    formal_rule is the formal rule a file with this status breaks; none for a file that was
    read (`ok`).
    """

    code: str
    set_by: str
    formal_rule: str | None
    label_pl: str
    label_en: str
    meaning_pl: str
    meaning_en: str


def read_statuses(path: Path | None = None) -> tuple[ProbeStatus, ...]:
    """Every status of the file (the project's by default), in its order; a malformed file
    fails loudly here."""
    path = path or STATUSES_FILE
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    statuses = tuple(_status(row, path) for row in rows)
    codes = [s.code for s in statuses]
    duplicated = sorted({c for c in codes if codes.count(c) > 1})
    if duplicated:
        raise ValueError(f"{path.name}: status listed more than once: {', '.join(duplicated)}")
    return statuses


def _status(row: dict[str, str], path: Path) -> ProbeStatus:
    if row["set_by"] not in SET_BY:
        raise ValueError(f"{path.name}, status {row['probe_status']!r}: set_by not in {SET_BY}")
    return ProbeStatus(
        code=row["probe_status"],
        set_by=row["set_by"],
        formal_rule=row["formal_rule"] or None,
        label_pl=row["label_pl"],
        label_en=row["label_en"],
        meaning_pl=row["meaning_pl"],
        meaning_en=row["meaning_en"],
    )


@cache
def probe_statuses() -> tuple[ProbeStatus, ...]:
    """The statuses of the project's file (read once: it does not change while running)."""
    return read_statuses()


def status_code(code: str, statuses: tuple[ProbeStatus, ...] | None = None) -> str:
    """code itself, once checked to be a status of the file: a renamed status fails at import."""
    if code not in {s.code for s in statuses or probe_statuses()}:
        raise ValueError(f"{STATUSES_FILE.name} has no probe status {code!r}")
    return code


def rule_value_set(
    rule_code: str, expectation: str, statuses: tuple[ProbeStatus, ...] | None = None
) -> list[str]:
    """A formal rule's value set: the statuses it flags (not_in_set), or all others (in_set).

    An in_set rule lists what it lets pass, so it also catches a value that is no status of
    the file at all.
    """
    chosen = statuses or probe_statuses()
    if expectation == "not_in_set":
        return [s.code for s in chosen if s.formal_rule == rule_code]
    if expectation == "in_set":
        return [s.code for s in chosen if s.formal_rule != rule_code]
    raise ValueError(f"probe statuses give value sets to in_set or not_in_set, not {expectation}")
