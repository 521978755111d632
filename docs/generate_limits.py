"""Write the limits tables of README.md from the rules catalog seeds (dbt_project/seeds/rules/).

The catalog states each limit once; the README shows them, never restates them. `make
analyst-docs` runs it (`python -m docs.generate_limits`); with --check it only says whether
the tables are out of date (tests/unit/test_readme_limits.py holds the committed README to it).
"""

import csv
import sys
from pathlib import Path

from docs.readme_sections import PROJECT_ROOT, ReadmeSection

RULES_SEEDS = PROJECT_ROOT / "dbt_project" / "seeds" / "rules"
SECTION = ReadmeSection("limits", "dbt_project/seeds/rules/")
SCOPES = {"recording": "a recording", "case": "a call sequence"}
EMPTY = "—"


def _rows(seeds: Path, seed: str) -> list[dict[str, str]]:
    with (seeds / seed).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _listed(value: str) -> str:
    return ", ".join(value.split("|")) if value else EMPTY


def _number(value: str) -> str:
    return f"{int(value):,}" if value else EMPTY


def _minutes(seconds: str, scope: str = "") -> str:
    """1200 s as '20 min', with what the limit counts when the scope is given."""
    if not seconds:
        return EMPTY
    text = f"{int(seconds) / 60:g} min"
    return f"{text} {SCOPES[scope]}" if scope else text


def _clock(seconds: str) -> str:
    """300 s as '5:00'."""
    if not seconds:
        return EMPTY
    minutes, rest = divmod(int(seconds), 60)
    return f"{minutes}:{rest:02d}"


def _technical_table(seeds: Path) -> list[str]:
    names = {
        (row["contest_code"], row["edition_year"], row["category_code"]): row["category_name_en"]
        for row in _rows(seeds, "categories.csv")
    }
    lines = [
        "| edition | category | cases per entry | interactions per case | directions "
        "| client types | languages | formats | duration limit |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in _rows(seeds, "category_technical_limits.csv"):
        key = (row["contest_code"], row["edition_year"], row["category_code"])
        cells = [
            f"{row['contest_code']} {row['edition_year']}",
            f"`{row['category_code']}` {names.get(key, '')}".rstrip(),
            _number(row["cases_per_entry"]),
            _number(row["max_interactions_per_case"]),
            _listed(row["directions"]),
            _listed(row["client_types"]),
            _listed(row["languages"]),
            _listed(row["allowed_formats"]),
            _minutes(row["duration_limit_seconds"], row["duration_limit_scope"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _nomination_table(seeds: Path) -> list[str]:
    lines = [
        "| edition | essay (characters) | or video | summary (characters) | summary bullets "
        "| attachments note (characters) | links | attachments | achievements since |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in _rows(seeds, "nomination_limits.csv"):
        cells = [
            f"{row['contest_code']} {row['edition_year']}",
            _number(row["essay_max_chars"]),
            _clock(row["video_max_seconds"]),
            _number(row["summary_max_chars"]),
            _number(row["summary_max_bullets"]),
            _number(row["attachments_note_max_chars"]),
            _number(row["max_links"]),
            _number(row["max_attachments"]),
            row["achievements_since"] or EMPTY,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def limits_markdown(seeds: Path = RULES_SEEDS) -> str:
    """The text between the markers: every limit of the built-in catalog, by edition."""
    lines = [
        "",
        "Recorded and written categories (`category_technical_limits`):",
        "",
        *_technical_table(seeds),
        "",
        "Written nominations (`nomination_limits`):",
        "",
        *_nomination_table(seeds),
        "",
        "",
    ]
    return "\n".join(lines)


def refreshed(readme: str, seeds: Path = RULES_SEEDS) -> str:
    """The README with its limits section generated again from the seeds."""
    return SECTION.refreshed(readme, limits_markdown(seeds))


if __name__ == "__main__":
    sys.exit(SECTION.write(limits_markdown(), check="--check" in sys.argv[1:]))
