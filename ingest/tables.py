"""Read one drop-folder table of one edition, keeping every good row and its origin.

Whatever cannot be taken as given becomes an issue with a specific status and message
(README, "The drop folder"): the file's encoding or delimiter, unknown, missing or
repeated columns, ragged or unclosed rows, blank rows, missing key values, duplicated
ids and rows, and spreadsheet formulas. Rows are kept unless they are blank.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from ingest.contract import TableContract
from ingest.drop_folder import Edition
from ingest.issues import IngestIssue
from ingest.readers.records import Finding, RawRows
from ingest.readers.text import decode, parse_rows, sniff_delimiter
from ingest.readers.workbook import read_workbook

LINEAGE_COLUMNS = ("contest_code", "edition_year", "_source_file", "_source_row", "_loaded_at")
SURPLUS_KEY = "_surplus_fields"


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


def _normalise_header(name: str | None, position: int) -> str:
    text = (name or "").replace("\ufeff", "").strip().lower()
    return text or f"column_{position + 1}"


def _read_raw(path: Path) -> RawRows:
    if path.suffix.lower() == ".xlsx":
        return read_workbook(path, path.name)
    data = path.read_bytes()
    if not data.strip():
        return RawRows([], [], [], [Finding("empty_file", f"{path.name} is empty")])
    text, findings = decode(data, path.name)
    delimiter, delimiter_findings = sniff_delimiter(text, path.name)
    raw = parse_rows(text, path.name, delimiter)
    raw.findings[:0] = findings + delimiter_findings
    return raw


def _shape_columns(
    raw: RawRows, contract: TableContract, name: str
) -> tuple[list[str], list[Finding]]:
    """Normalised header names; repeated names are renamed and reported."""
    findings, names, seen = [], [], set()
    for position, column in enumerate(raw.header):
        normalised = _normalise_header(column, position)
        if normalised in seen:
            renamed = f"{normalised}_{position + 1}"
            findings.append(
                Finding(
                    "duplicate_column",
                    f"{name} has a second column '{normalised}' (column {position + 1}); "
                    f"its values are kept as '{renamed}' in extra_columns",
                )
            )
            normalised = renamed
        seen.add(normalised)
        names.append(normalised)
    findings += [
        Finding("missing_column", f"{name} has no column '{column}'")
        for column in contract.required
        if column not in names
    ]
    findings += [
        Finding(
            "unknown_column", f"{name}: column '{c}' is not in the contract (kept in extra_columns)"
        )
        for c in names
        if c not in contract.columns
    ]
    return names, findings


def _shape_rows(
    raw: RawRows, names: list[str], name: str
) -> tuple[list[dict], list[int], list[Finding]]:
    """Rows as dicts; ragged rows padded or cut (surplus kept), blank rows dropped."""
    records, lines, findings = [], [], []
    width = len(names)
    for fields, line in zip(raw.rows, raw.lines, strict=True):
        values = [None if v is None or not str(v).strip() else str(v).strip() for v in fields]
        if all(v is None for v in values):
            findings.append(Finding("blank_row", f"{name} line {line} is blank (skipped)", line))
            continue
        record = dict(zip(names, values[:width], strict=False))
        if len(fields) != width and raw.header:
            surplus = [v for v in values[width:] if v is not None]
            detail = (
                f"; the surplus values are kept in extra_columns.{SURPLUS_KEY}" if surplus else ""
            )
            findings.append(
                Finding(
                    "ragged_row",
                    f"{name} line {line} has {len(fields)} fields, the header has {width}{detail}",
                    line,
                )
            )
            if surplus:
                record[SURPLUS_KEY] = surplus
        records.append(record)
        lines.append(line)
    return records, lines, findings


def _value_findings(
    frame: pl.DataFrame, contract: TableContract, name: str, header: list[str]
) -> list[Finding]:
    """Missing required values, repeated ids and rows, and formula-like text, via Polars."""
    findings: list[Finding] = []
    line = pl.col("_source_row")
    for column in contract.required:
        if column in header:
            for row in frame.filter(pl.col(column).is_null()).get_column("_source_row"):
                findings.append(Finding("missing_value", f"{name} line {row} has no {column}", row))
    content = [c for c in contract.columns if c in frame.columns] + ["extra_columns"]
    numbered = frame.with_columns(
        pl.col("_source_row").min().over(content).alias("_first_row"),
        pl.col("_source_row").min().over(list(contract.key)).alias("_first_key_row")
        if contract.key
        else pl.lit(None).alias("_first_key_row"),
    )
    for row, first in (
        numbered.filter(line != pl.col("_first_row")).select(line, "_first_row").rows()
    ):
        findings.append(
            Finding("duplicate_row", f"{name} line {row} repeats line {first} exactly", row)
        )
    if contract.key:
        repeated = numbered.filter(
            (line != pl.col("_first_key_row"))
            & (line == pl.col("_first_row"))
            & pl.col(contract.key[0]).is_not_null()
        )
        for record in repeated.iter_rows(named=True):
            key = ", ".join(f"{c} {record[c]!r}" for c in contract.key if record[c] is not None)
            findings.append(
                Finding(
                    "duplicate_id",
                    f"{name} line {record['_source_row']}: {key} already on line "
                    f"{record['_first_key_row']}",
                    record["_source_row"],
                )
            )
    for column in [c for c in contract.columns if c in frame.columns]:
        formulas = frame.filter(pl.col(column).str.starts_with("=")).select(line, column)
        for row, value in formulas.rows():
            findings.append(
                Finding(
                    "formula_cell",
                    f"{name} line {row}, {column} starts with '=' ({value[:40]!r}): kept as text, "
                    "never evaluated",
                    row,
                )
            )
    return findings


def read_table(edition: Edition, contract: TableContract) -> TableRead:
    """Read the edition's file for this contract; a missing optional file reads as no rows."""
    present = [edition.folder / n for n in contract.file_names if (edition.folder / n).is_file()]
    if not present:
        return TableRead(empty_raw_frame(contract), [])
    path = present[0]
    name = path.relative_to(edition.folder).as_posix()
    findings: list[Finding] = []
    if len(present) > 1:
        others = ", ".join(p.relative_to(edition.folder).as_posix() for p in present[1:])
        findings.append(Finding("two_files", f"both {name} and {others} exist; {name} was read"))
    try:
        raw = _read_raw(path)
    except Exception as error:  # any reader failure is this file's issue, never the run's
        findings.append(Finding("unreadable_file", f"{name}: {type(error).__name__}: {error}"))
        return TableRead(empty_raw_frame(contract), _issues(edition, contract, name, findings))
    if not raw.header:
        return TableRead(
            empty_raw_frame(contract), _issues(edition, contract, name, findings + raw.findings)
        )
    names, column_findings = _shape_columns(raw, contract, name)
    records, lines, row_findings = _shape_rows(raw, names, name)
    findings += raw.findings + column_findings + row_findings
    frame = _to_frame(edition, contract, name, names, records, lines)
    findings += _value_findings(frame, contract, name, names)
    return TableRead(frame, _issues(edition, contract, name, findings))


def _to_frame(edition, contract, name, names, records, lines) -> pl.DataFrame:
    extra = [c for c in names if c not in contract.columns] + [SURPLUS_KEY]
    columns: dict[str, list] = {c: [r.get(c) for r in records] for c in contract.columns}
    extras = []
    for record in records:
        kept = {c: record[c] for c in extra if record.get(c) not in (None, "", [])}
        extras.append(json.dumps(kept, ensure_ascii=False) if kept else None)
    height = len(records)
    columns.update(
        {
            "contest_code": [edition.contest_code] * height,
            "edition_year": [edition.edition_year] * height,
            "extra_columns": extras,
            "_source_file": [f"{edition.name}/{name}"] * height,
            "_source_row": lines,
            "_loaded_at": [datetime.now(UTC)] * height,
        }
    )
    return pl.DataFrame(columns, schema=raw_schema(contract)).select(list(raw_schema(contract)))


def _issues(edition: Edition, contract: TableContract, name: str, findings: list[Finding]):
    return [
        IngestIssue(
            contest_code=edition.contest_code,
            edition_year=edition.edition_year,
            source_table=contract.issues_source_table,
            source_file=f"{edition.name}/{name}",
            source_row=finding.row,
            status=finding.status,
            message=finding.message,
        )
        for finding in findings
    ]
