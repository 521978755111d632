"""The formal limits the demo entries follow or break, read from the rules catalog seeds
(dbt_project/seeds/rules/): the catalog states each limit once, and the demo follows it."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project/seeds"
# Read at each call rather than at import, so a test can point it at a changed copy.
RULES_SEEDS = SEEDS / "rules"
# A category without a language column (PCCA 2026) is held in Polish.
DEFAULT_LANGUAGE = "PL"


@dataclass(frozen=True)
class CategoryLimits:
    """One PCCA category's row of the technical table (category_technical_limits.csv)."""

    cases: int
    max_interactions: int
    directions: tuple[str, ...]
    client_types: tuple[str, ...]
    voice: bool
    language: str
    duration_limit_seconds: int | None


@dataclass(frozen=True)
class NominationLimits:
    """An IBA edition's nomination limits (nomination_limits.csv)."""

    essay_max_chars: int
    video_max_seconds: int
    summary_max_bullets: int
    max_links: int
    max_attachments: int
    achievements_since: date


def edition_rows(seed: str, contest_code: str, year: int) -> list[dict[str, str]]:
    """The rows of a rules seed (e.g. categories.csv) that belong to the edition."""
    with (RULES_SEEDS / seed).open(encoding="utf-8", newline="") as handle:
        return [
            row
            for row in csv.DictReader(handle)
            if row["contest_code"] == contest_code and int(row["edition_year"]) == year
        ]


def _list(value: str) -> tuple[str, ...]:
    return tuple(value.split("|")) if value else ()


def category_limits(contest_code: str, year: int) -> dict[str, CategoryLimits]:
    """Each category code of the edition with its technical limits."""
    return {
        row["category_code"]: CategoryLimits(
            cases=int(row["cases_per_entry"]),
            # Empty ('n/d', not applicable: written channels): the demo writes one a case.
            max_interactions=int(row["max_interactions_per_case"] or 1),
            directions=_list(row["directions"]),
            client_types=_list(row["client_types"]),
            voice=row["interaction_form"] == "voice",
            language=row["languages"].split("|")[0] or DEFAULT_LANGUAGE,
            duration_limit_seconds=int(row["duration_limit_seconds"])
            if row["duration_limit_seconds"]
            else None,
        )
        for row in edition_rows("category_technical_limits.csv", contest_code, year)
    }


def nomination_limits(contest_code: str, year: int) -> NominationLimits:
    """The nomination limits of the edition."""
    (row,) = edition_rows("nomination_limits.csv", contest_code, year)
    return NominationLimits(
        essay_max_chars=int(row["essay_max_chars"]),
        video_max_seconds=int(row["video_max_seconds"]),
        summary_max_bullets=int(row["summary_max_bullets"]),
        max_links=int(row["max_links"]),
        max_attachments=int(row["max_attachments"]),
        achievements_since=date.fromisoformat(row["achievements_since"]),
    )
