"""Read one drop-folder table of one edition with Polars, keeping every row and its origin."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import polars as pl

from ingest.contract import TableContract
from ingest.drop_folder import Edition
from ingest.issues import IngestIssue

LINEAGE_COLUMNS = ("contest_code", "edition_year", "_source_file", "_source_row", "_loaded_at")


@dataclass
class TableRead:
    """The rows read from one file, already in the raw layout, and what went wrong."""

    frame: pl.DataFrame
    issues: list[IngestIssue]


def raw_schema(contract: TableContract) -> dict[str, pl.DataType]:
    """The raw layout: every contract column as text, unknown columns as JSON, and lineage."""
    schema: dict[str, pl.DataType] = {
        "contest_code": pl.String(),
        "edition_year": pl.Int32(),
    }
    schema.update({column: pl.String() for column in contract.columns})
    schema.update(
        {
            "extra_columns": pl.String(),
            "_source_file": pl.String(),
            "_source_row": pl.Int64(),
            "_loaded_at": pl.Datetime("us", "UTC"),
        }
    )
    return schema


def empty_raw_frame(contract: TableContract) -> pl.DataFrame:
    return pl.DataFrame(schema=raw_schema(contract))


def _normalise_header(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower()


def _read_file(path) -> pl.DataFrame:
    if path.suffix.lower() == ".xlsx":
        return pl.read_excel(path, infer_schema_length=0)
    return pl.read_csv(path, infer_schema=False, encoding="utf8-lossy")


def read_table(edition: Edition, contract: TableContract) -> TableRead:
    """Read the edition's file for this contract; a missing optional file reads as no rows."""
    issue = _issue_factory(edition, contract)
    path = next(
        (edition.folder / n for n in contract.file_names if (edition.folder / n).is_file()), None
    )
    if path is None:
        return TableRead(empty_raw_frame(contract), [])
    relative = path.name
    try:
        frame = _read_file(path)
    except Exception as error:
        return TableRead(
            empty_raw_frame(contract),
            [issue(relative, None, "unreadable_file", f"{relative}: {error}")],
        )
    frame = frame.rename({c: _normalise_header(c) for c in frame.columns})
    issues = [
        issue(relative, None, "missing_column", f"{relative} has no column '{column}'")
        for column in contract.required
        if column not in frame.columns
    ]
    extra = [c for c in frame.columns if c not in contract.columns]
    issues += [
        issue(relative, None, "unknown_column", f"{relative}: column '{c}' is not in the contract")
        for c in extra
    ]
    loaded_at = datetime.now(UTC)
    rows = frame.to_dicts()
    records = []
    for number, row in enumerate(rows, start=2):
        record: dict[str, object] = {
            "contest_code": edition.contest_code,
            "edition_year": edition.edition_year,
        }
        record.update({c: _clean(row.get(c)) for c in contract.columns})
        extras = {c: row[c] for c in extra if row.get(c) not in (None, "")}
        record["extra_columns"] = json.dumps(extras, ensure_ascii=False) if extras else None
        record["_source_file"] = f"{edition.name}/{relative}"
        record["_source_row"] = number
        record["_loaded_at"] = loaded_at
        records.append(record)
    return TableRead(pl.DataFrame(records, schema=raw_schema(contract)), issues)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _issue_factory(edition: Edition, contract: TableContract):
    def issue(source_file: str, row: int | None, status: str, message: str) -> IngestIssue:
        return IngestIssue(
            contest_code=edition.contest_code,
            edition_year=edition.edition_year,
            source_table=contract.name,
            source_file=f"{edition.name}/{source_file}",
            source_row=row,
            status=status,
            message=message,
        )

    return issue
