"""XLSX files of tables: typed cells, a frozen bold header, readable widths, never a formula."""

import datetime as dt
import io

import pandas as pd
from openpyxl import Workbook, load_workbook

from spreadsheets.xlsx import SHEET_NAME_MAX, frame_to_xlsx, sheet_title, write_table


def _read(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_values_keep_their_types_and_text_is_never_a_formula():
    frame = pd.DataFrame(
        {
            "entry_id": ['=HYPERLINK("http://x")', "+48 600", "Zażółć gęślą jaźń"],
            "score": [81.25, None, 3.0],
            "rank": pd.array([1, 2, None], dtype="Int64"),
            "submitted_on": [dt.date(2026, 3, 1), dt.date(2026, 3, 2), None],
            "validated_at": pd.to_datetime(["2026-03-01 12:30:00", None, "2026-03-03 08:00:05"]),
            "valid": [True, False, True],
        }
    )
    sheet = _read(frame_to_xlsx(frame, "entries"))
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == tuple(frame.columns)
    assert rows[1][0] == '=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"
    assert rows[2][0] == "+48 600"
    assert rows[3][0] == "Zażółć gęślą jaźń"
    assert [r[1] for r in rows[1:]] == [81.25, None, 3.0]
    assert [r[2] for r in rows[1:]] == [1, 2, None]
    assert sheet["D2"].is_date and sheet["D2"].value.date() == dt.date(2026, 3, 1)
    assert sheet["E4"].value == dt.datetime(2026, 3, 3, 8, 0, 5)
    assert [r[5] for r in rows[1:]] == [True, False, True]


def test_header_is_bold_frozen_and_columns_are_wide_enough():
    frame = pd.DataFrame({"a": ["x" * 30], "long_column_name": [1]})
    sheet = _read(frame_to_xlsx(frame))
    assert sheet.freeze_panes == "A2"
    assert sheet["A1"].font.b and sheet["B1"].font.b
    assert sheet.column_dimensions["A"].width >= 30
    assert sheet.column_dimensions["B"].width >= len("long_column_name")


def test_a_table_below_a_title_keeps_earlier_rows():
    workbook = Workbook()
    sheet = workbook.active
    sheet["A1"] = "Title"
    after = write_table(sheet, ["k", "v"], [("a", 1), ("b", 2)], first_row=3)
    assert after == 6
    assert [c.value for c in sheet[5]] == ["b", 2]
    assert sheet["A1"].value == "Title"


def test_sheet_titles_are_valid_and_unique():
    first = sheet_title("Obsługa klienta w kanałach pisanych: czat/e-mail [2026]")
    assert len(first) <= SHEET_NAME_MAX
    assert not set("[]:*?/\\") & set(first)
    second = sheet_title("Obsługa klienta w kanałach pisanych: czat/e-mail [2026]", [first])
    assert second != first and len(second) <= SHEET_NAME_MAX
    assert sheet_title("", []) == "Sheet"
