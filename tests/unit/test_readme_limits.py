"""README.md shows the rules catalog's limits as docs/generate_limits.py writes them from the
seeds, so the README restates no limit by hand."""

import re

from docs import generate_limits
from docs.readme_sections import README


def test_the_readme_limits_are_the_generated_ones():
    current = README.read_text(encoding="utf-8")
    assert generate_limits.refreshed(current) == current, "run make analyst-docs"


def test_the_generated_tables_hold_every_catalog_row():
    section = generate_limits.limits_markdown()
    rows = re.findall(r"^\| (PCCA|IBA) \d{4} \|", section, re.M)
    # 20 categories of PCCA 2024 and 2026, one IBA edition of nominations.
    assert rows.count("PCCA") == 20
    assert rows.count("IBA") == 1
