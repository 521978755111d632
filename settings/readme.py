"""Write the configuration table of README.md from settings/environment.py.

`make analyst-docs` runs it (`python -m settings.readme`); with --check it only says whether
the table is out of date. tests/unit/test_settings.py holds the committed README to it.
"""

import sys

from docs.readme_sections import ReadmeSection
from settings.environment import markdown_table

SECTION = ReadmeSection("settings", "settings/environment.py")


def with_table(readme: str) -> str:
    """The README with its configuration table generated again."""
    return SECTION.refreshed(readme, markdown_table())


if __name__ == "__main__":
    sys.exit(SECTION.write(markdown_table(), check="--check" in sys.argv[1:]))
