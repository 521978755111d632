"""XLSX workbooks of tables, as Excel users expect them.

One header row (bold, frozen), numbers and dates as typed cells, columns wide enough to
read, and never a formula: entrants write their own text, and a cell that starts with `=`
is stored as that text, not evaluated.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

# Excel's own limits for a sheet name and a column's width (in characters).
SHEET_NAME_MAX = 31
SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
WIDTH_MIN, WIDTH_MAX = 8, 60
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
# openpyxl cannot store these control characters in a cell; they never mean anything here.
_ILLEGAL = {c: None for c in range(32) if chr(c) not in "\t\n\r"}


def sheet_title(name: str, taken: Iterable[str] = ()) -> str:
    """A valid sheet name for name, unique among taken (case-insensitively, as Excel does)."""
    base = name.translate(SHEET_NAME_FORBIDDEN).strip("'") or "Sheet"
    used = {title.lower() for title in taken}
    title = base[:SHEET_NAME_MAX]
    number = 2
    while title.lower() in used:
        suffix = f" ({number})"
        title = base[: SHEET_NAME_MAX - len(suffix)] + suffix
        number += 1
    return title


def _cell_value(value: object) -> object:
    """The value as openpyxl should store it: typed where Excel has a type, else text."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime | dt.time) and value.tzinfo is not None:
        # Excel has no time zones: the warehouse's instants are written in UTC.
        if isinstance(value, dt.time):
            return value.replace(tzinfo=None)
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, bool | int | float | dt.date | dt.datetime | dt.time):
        return value
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple | np.ndarray):
        return ", ".join("" if v is None else str(v) for v in value)
    if isinstance(value, np.generic):
        return _cell_value(value.item())
    return str(value).translate(_ILLEGAL)


def _set(cell: Cell, value: object) -> None:
    cell.value = value
    if isinstance(value, str):
        # A text starting with '=' would otherwise be written as a formula.
        cell.data_type = "s"
    elif isinstance(value, dt.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT


def write_table(
    sheet: Worksheet,
    columns: Sequence[str],
    rows: Iterable[Sequence[object]],
    first_row: int = 1,
) -> int:
    """Write a header and rows from first_row on; return the row after the last written."""
    widths = [len(str(column)) for column in columns]
    for number, column in enumerate(columns, start=1):
        cell = sheet.cell(row=first_row, column=number)
        _set(cell, str(column))
        cell.font = Font(bold=True)
    row_number = first_row
    for row_number, row in enumerate(rows, start=first_row + 1):
        for number, raw in enumerate(row, start=1):
            value = _cell_value(raw)
            _set(sheet.cell(row=row_number, column=number), value)
            shown = value.isoformat() if isinstance(value, dt.date) else value
            widths[number - 1] = max(widths[number - 1], len(str(shown or "")))
    if first_row == 1:
        sheet.freeze_panes = "A2"
    for number, width in enumerate(widths, start=1):
        letter = get_column_letter(number)
        current = sheet.column_dimensions[letter].width or 0
        wanted = min(max(width + 2, WIDTH_MIN), WIDTH_MAX)
        sheet.column_dimensions[letter].width = max(current, wanted)
    return row_number + 1


def write_frame(sheet: Worksheet, frame: pd.DataFrame, first_row: int = 1) -> int:
    """write_table for a DataFrame (its column names as the header)."""
    rows = frame.astype(object).itertuples(index=False, name=None)
    return write_table(sheet, [str(c) for c in frame.columns], rows, first_row)


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def frame_to_xlsx(frame: pd.DataFrame, sheet_name: str = "data") -> bytes:
    """One-sheet XLSX of frame."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(sheet_name)
    write_frame(sheet, frame)
    return workbook_bytes(workbook)
