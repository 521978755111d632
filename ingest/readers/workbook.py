"""Excel workbooks: the first sheet's cells through Polars (calamine), formulas found in the XML.

calamine returns what the spreadsheet program last computed for a formula cell; the sheet
XML says which cells hold formulas, so each is reported and never evaluated here.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree

import polars as pl

from ingest.readers.records import Finding, RawRows

_NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
_CELL = re.compile(r"^([A-Z]+)(\d+)$")


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = workbook.find("m:sheets/m:sheet", _NS)
    relation_id = sheet.get(f"{{{_NS['r']}}}id") if sheet is not None else None
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for relation in relations.findall("rel:Relationship", _NS):
        if relation.get("Id") == relation_id:
            target = relation.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return "xl/worksheets/sheet1.xml"


def formula_cells(path: Path) -> list[tuple[str, int, str, str | None]]:
    """(column letters, row, formula, cached value) of every formula in the first sheet."""
    with zipfile.ZipFile(path) as archive:
        part = str(PurePosixPath(_first_sheet_part(archive)))
        root = ElementTree.fromstring(archive.read(part))
    found = []
    for cell in root.iter(f"{{{_NS['m']}}}c"):
        formula = cell.find("m:f", _NS)
        match = _CELL.match(cell.get("r", ""))
        if formula is None or match is None:
            continue
        value = cell.find("m:v", _NS)
        found.append(
            (match[1], int(match[2]), formula.text or "", value.text if value is not None else None)
        )
    return found


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def read_workbook(path: Path, name: str) -> RawRows:
    """Header and rows of the first sheet; the header is on sheet row 1."""
    frame = pl.read_excel(
        path,
        infer_schema_length=0,
        drop_empty_rows=False,
        drop_empty_cols=False,
        raise_if_empty=False,
    )
    header = list(frame.columns)
    rows = [[None if v is None else str(v) for v in row] for row in frame.iter_rows()]
    findings = []
    for letters, row, formula, cached in formula_cells(path):
        column = _column_index(letters)
        column_name = header[column] if column < len(header) else letters
        kept = f"its last computed value {cached!r} was kept" if cached else "no value was kept"
        findings.append(
            Finding(
                "formula_cell",
                f"{name} cell {letters}{row} ({column_name}) holds the formula ={formula}; "
                f"{kept}, the formula is never evaluated",
                row,
            )
        )
    return RawRows(header, rows, list(range(2, len(rows) + 2)), findings)
