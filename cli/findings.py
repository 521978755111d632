"""What `podium check` reports: every ingest finding and rule violation of a built warehouse."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import duckdb


@dataclass(frozen=True)
class Finding:
    """One thing an organizer must look at, located as precisely as the warehouse knows."""

    edition: str
    layer: str
    where: str
    code: str
    message: str


# One query per kind of finding: (layer, SQL giving edition, where, code, message_pl, message_en).
_QUERIES = (
    (
        "ingest",
        """
        select contest_code || '-' || edition_year, concat_ws(':', source_file, source_row),
            status, message, message
        from marts.fct_ingest_issues
        order by all
        """,
    ),
    (
        "formal",
        """
        select contest_code || '-' || edition_year,
            concat_ws(' ', entry_id, nullif(concat_ws('/', case_no, relative_path), '')),
            rule_code || ' (' || severity || ')', message_pl, message_en
        from marts.fct_violations
        order by all
        """,
    ),
    (
        "jury",
        """
        select contest_code || '-' || edition_year,
            concat_ws(' ', 'entry ' || entry_id, 'juror ' || juror_id, criterion_code),
            rule_code, reason_pl, reason
        from marts.fct_jury_violations
        order by all
        """,
    ),
)


def findings(warehouse: Path, language: str) -> list[Finding]:
    """Every finding of the warehouse, its message in language ('pl' or 'en')."""
    found = []
    with duckdb.connect(str(warehouse), read_only=True) as con:
        for layer, sql in _QUERIES:
            for edition, where, code, message_pl, message_en in con.execute(sql).fetchall():
                message = message_pl if language == "pl" else message_en
                found.append(Finding(edition, layer, where or "", code, message or ""))
    return found


def print_findings(found: list[Finding], out: TextIO) -> None:
    """The findings grouped by edition, one line each, with a count per layer."""
    per_edition: dict[str, list[Finding]] = defaultdict(list)
    for finding in found:
        per_edition[finding.edition].append(finding)
    for edition in sorted(per_edition):
        print(edition, file=out)
        for finding in per_edition[edition]:
            print(
                f"  {finding.layer:<6} {finding.where}  {finding.code}: {finding.message}", file=out
            )
    counts = defaultdict(int)
    for finding in found:
        counts[finding.layer] += 1
    summary = ", ".join(f"{counts[layer]} {layer}" for layer, _ in _QUERIES)
    print(f"{len(found)} findings ({summary})", file=out)
