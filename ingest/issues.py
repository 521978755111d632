"""Ingest issues: every row or file that could not be taken as given, with its reason."""

from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa


@dataclass(frozen=True)
class IngestIssue:
    """One problem found while reading the drop folder."""

    contest_code: str
    edition_year: int
    source_table: str
    source_file: str
    source_row: int | None
    status: str
    message: str


ISSUE_SCHEMA = pa.schema(
    [
        ("contest_code", pa.string()),
        ("edition_year", pa.int32()),
        ("source_table", pa.string()),
        ("source_file", pa.string()),
        ("source_row", pa.int64()),
        ("status", pa.string()),
        ("message", pa.string()),
    ]
)


def issues_to_arrow(issues: list[IngestIssue]) -> pa.Table:
    """The issues as an Arrow table with a fixed schema, also when there are none."""
    columns = {field.name: [getattr(i, field.name) for i in issues] for field in ISSUE_SCHEMA}
    return pa.table(columns, schema=ISSUE_SCHEMA)
