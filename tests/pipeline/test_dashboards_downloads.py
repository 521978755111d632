"""Every table a page shows downloads as XLSX beside CSV, with the same header and rows."""

import datetime as dt
import io
from collections.abc import Callable

import pandas as pd
import pytest
from openpyxl import load_workbook

from tests.dashboard_app import open_page

PAGES = ("participation", "formal_check", "scores", "entry")


def _xlsx_rows(data: bytes) -> tuple[list[str], list[tuple]]:
    sheet = load_workbook(io.BytesIO(data)).active
    header, *body = sheet.iter_rows(values_only=True)
    return list(header), body


def _same(csv_value: object, xlsx_value: object) -> bool:
    if pd.isna(csv_value):
        return xlsx_value in (None, "")
    if isinstance(xlsx_value, bool):
        return str(csv_value) == str(xlsx_value)
    if isinstance(xlsx_value, float | int):
        return float(csv_value) == pytest.approx(float(xlsx_value))
    if isinstance(xlsx_value, dt.datetime):
        # openpyxl reads a date cell back as midnight of that day.
        return pd.Timestamp(csv_value).tz_localize(None) == pd.Timestamp(xlsx_value)
    # CSV text cells starting like a formula carry a leading apostrophe; XLSX keeps the text.
    return str(csv_value).removeprefix("'") == str(xlsx_value)


@pytest.mark.parametrize("language", ["pl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_each_xlsx_download_holds_the_csv_downloads_rows(
    published_env,
    downloads: dict[str, Callable],
    page: str,
    language: str,
):
    open_page(page, language=language)
    tables = sorted(name[: -len(".xlsx")] for name in downloads if name.endswith(".xlsx"))
    tables = [name for name in tables if f"{name}.csv" in downloads]
    assert tables, f"the {page} page offers no table download"
    for name in tables:
        csv = pd.read_csv(
            io.BytesIO(downloads[f"{name}.csv"]()), encoding="utf-8-sig", dtype=object
        )
        header, rows = _xlsx_rows(downloads[f"{name}.xlsx"]())
        assert header == [str(c).removeprefix("'") for c in csv.columns], name
        assert len(rows) == len(csv), name
        for written, row in zip(csv.itertuples(index=False), rows, strict=True):
            assert all(_same(a, b) for a, b in zip(written, row, strict=True)), (name, row)
        # A column whose CSV text is all numbers (or all true/false) is typed so in the workbook.
        typed = pd.read_csv(io.BytesIO(downloads[f"{name}.csv"]()), encoding="utf-8-sig")
        for number, column in enumerate(typed.columns):
            cells = {type(row[number]) for row in rows} - {type(None)}
            if pd.api.types.is_bool_dtype(typed[column]):
                assert cells <= {bool}, (name, column, cells)
            elif pd.api.types.is_numeric_dtype(typed[column]):
                assert cells <= {int, float}, (name, column, cells)
