"""The protocol as an XLSX workbook: a summary sheet, then one sheet per category with its
ranking, panel, formal violations and decisions one below the other.

Cells are typed by spreadsheets.xlsx (numbers, dates, never a formula); scores keep every
digit and are only shown with two decimals.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from protocol.gather import CategorySection, EditionProtocol, Query, Table, gather
from protocol.labels import header, text
from spreadsheets.xlsx import sheet_title, workbook_bytes, write_table

SCORE_COLUMNS = ("official_score", "raw_score", "normalized_score")
SCORE_FORMAT = "0.00"
TITLE_FONT = Font(bold=True, size=13)


def protocol_workbook(protocol: EditionProtocol) -> Workbook:
    workbook = Workbook()
    summary = workbook.active
    language = protocol.language
    summary.title = sheet_title(text("summary", language))
    summary_rows = [(label, value) for label, value in protocol.summary]
    after = write_table(summary, (text("item", language), text("value", language)), summary_rows)
    taken = [summary.title]
    listing = []
    for section in protocol.categories:
        sheet = workbook.create_sheet(sheet_title(section.code or section.name, taken))
        taken.append(sheet.title)
        listing.append((section.code, section.name, sheet.title))
        _category_sheet(sheet, section, language)
    _title(summary, after + 1, text("categories", language))
    write_table(
        summary,
        [header(column, language) for column in ("category_code", "category_name", "sheet")],
        listing,
        first_row=after + 2,
    )
    return workbook


def protocol_xlsx(protocol: EditionProtocol) -> bytes:
    """The workbook's bytes (the dashboards' download builds it in memory)."""
    return workbook_bytes(protocol_workbook(protocol))


def _title(sheet: Worksheet, row: int, title: str) -> None:
    cell = sheet.cell(row=row, column=1, value=title)
    cell.data_type = "s"
    cell.font = TITLE_FONT


def _category_sheet(sheet: Worksheet, section: CategorySection, language: str) -> None:
    heading = f"{section.code} — {section.name}" if section.code else section.name
    _title(sheet, 1, f"{heading}: {text('ranking', language)}")
    row = _table(sheet, section.ranking, 2, language)
    # The ranking's header stays in view; the tables below it have their own.
    sheet.freeze_panes = "A3"
    for key, table in (
        ("panel", section.panel),
        ("formal", section.violations),
        ("decisions", section.decisions),
    ):
        _title(sheet, row + 1, text(key, language))
        row = _table(sheet, table, row + 2, language)


def _table(sheet: Worksheet, table: Table, first_row: int, language: str) -> int:
    """Write table from first_row; return the row after it."""
    after = write_table(
        sheet, [header(column, language) for column in table.columns], table.rows, first_row
    )
    if not table.rows:
        sheet.cell(row=after, column=1, value=text("none", language))
        return after + 1
    for number, column in enumerate(table.columns, start=1):
        if column in SCORE_COLUMNS:
            for row in range(first_row + 1, after):
                sheet.cell(row=row, column=number).number_format = SCORE_FORMAT
    return after


def edition_xlsx(query: Query, contest_code: str, edition_year: int, language: str) -> bytes:
    """The XLSX protocol of one edition, read through query (the dashboards' download)."""
    return protocol_xlsx(gather(query, contest_code, edition_year, language))
