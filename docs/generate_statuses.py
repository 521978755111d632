"""Write README.md's table of media probe statuses from their one file
(dbt_project/seeds/media/probe_statuses.csv, read by ingest/media/statuses.py).

`make analyst-docs` runs it (`python -m docs.generate_statuses`); with --check it only says
whether the table is out of date (tests/unit/test_probe_statuses.py holds the committed
README to it).
"""

import sys

from docs.readme_sections import README as README  # the tests read it here
from docs.readme_sections import ReadmeSection
from ingest.media.statuses import ProbeStatus, probe_statuses

SECTION = ReadmeSection("statuses", "dbt_project/seeds/media/probe_statuses.csv")


def statuses_markdown(statuses: tuple[ProbeStatus, ...] | None = None) -> str:
    """The text between the markers: every failure status with its meaning."""
    lines = ["", "| status | meaning |", "|---|---|"]
    lines += [
        f"| `{s.code}` | {s.meaning_en.replace('|', chr(92) + '|')} |"
        for s in statuses or probe_statuses()
        if s.formal_rule
    ]
    return "\n".join([*lines, "", ""])


def refreshed(readme: str, statuses: tuple[ProbeStatus, ...] | None = None) -> str:
    """The README with its statuses table generated again from the file."""
    return SECTION.refreshed(readme, statuses_markdown(statuses))


if __name__ == "__main__":
    sys.exit(SECTION.write(statuses_markdown(), check="--check" in sys.argv[1:]))
