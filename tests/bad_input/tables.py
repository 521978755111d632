"""Malformed drop-folder tables, each with the exact issues it must produce and its good rows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook

HEADER = "entry_id,category,participant_name,organization,submitted_at"


@dataclass(frozen=True)
class BadTable:
    """One malformed entries file: its bytes, what must be recorded, which rows must arrive."""

    file_name: str
    data: bytes
    issues: list[tuple[str, int | None, str]]  # (status, source_row, message)
    good_rows: dict[int, dict[str, str | None]]  # source_row -> values that must arrive


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def bad_csv_tables() -> dict[str, BadTable]:
    """Every CSV failure, one edition folder each (the key names the folder)."""
    return {
        "SEMI-2026": BadTable(
            "entries.csv",
            _csv(
                "entry_id;category;participant_name;organization;submitted_at\n"
                "S1;Sprzedaż;Anna Kowalska;Bank Północny, oddział 2;2026-03-01\n"
                "S2;Help-desk;Łukasz Żak;Telekom;2026-03-02\n"
            ),
            [("delimiter", None, "entries.csv is separated by semicolons, not commas (read as such)")],
            {2: {"organization": "Bank Północny, oddział 2"}, 3: {"participant_name": "Łukasz Żak"}},
        ),
        "BOM-2026": BadTable(
            "entries.csv",
            b"\xef\xbb\xbf" + _csv(f"{HEADER}\nB1,Sprzedaż,Zofia Wójcik,Bank,2026-03-01\n"),
            [("byte_order_mark", None, "entries.csv starts with a UTF-8 byte-order mark (removed)")],
            {2: {"entry_id": "B1", "participant_name": "Zofia Wójcik"}},
        ),
        "CP-2026": BadTable(
            "entries.csv",
            _csv(f"{HEADER}\nC1,Obsługa klienta,Małgorzata Źdźbło,Spółka Łódź,2026-03-01\n", "cp1250"),
            [(
                "windows_1250_encoding", None,
                "entries.csv is not UTF-8; it was read as Windows-1250 (Polish Excel's default)",
            )],
            {2: {"category": "Obsługa klienta", "participant_name": "Małgorzata Źdźbło"}},
        ),
        "RAGGED-2026": BadTable(
            "entries.csv",
            _csv(
                f"{HEADER}\n"
                "R1,Sprzedaż,Anna Nowak,Bank,2026-03-01\n"
                "R2,Sprzedaż,Jan Nowak,Bank Północny, S.A.,2026-03-02\n"
                "R3,Windykacja,Ewa Lis\n"
                ",,,,\n"
                "R4,Help-desk,Piotr Mazur,Telekom,2026-03-04\n"
            ),
            [
                ("ragged_row", 3, "entries.csv line 3 has 6 fields, the header has 5; the surplus "
                 "values are kept in extra_columns._surplus_fields"),
                ("ragged_row", 4, "entries.csv line 4 has 3 fields, the header has 5"),
                ("blank_row", 5, "entries.csv line 5 is blank (skipped)"),
                ("missing_value", 4, "entries.csv line 4 has no organization"),
            ],
            {2: {"entry_id": "R1"}, 3: {"entry_id": "R2"}, 4: {"entry_id": "R3"}, 6: {"entry_id": "R4"}},
        ),
        "NEWLINE-2026": BadTable(
            "entries.csv",
            _csv(
                f"{HEADER}\n"
                'N1,Sprzedaż,"Anna\nKowalska",Bank,2026-03-01\n'
                'N2,"Help-desk,Jan Nowak,Bank,2026-03-02\n'
                "N3,Windykacja,Ewa Lis,Bank,2026-03-03\n"
                "N4,Windykacja,Olena Shevchenko,Bank,2026-03-04\n"
            ),
            [(
                "unterminated_quote", 4, "entries.csv line 4 opens a quoted value that never closes; the line "
                "was skipped and the lines after it read on their own",
            )],
            {2: {"participant_name": "Anna\nKowalska"}, 5: {"entry_id": "N3"}, 6: {"entry_id": "N4"}},
        ),
        "DUP-2026": BadTable(
            "entries.csv",
            _csv(
                f"{HEADER},uwagi\n"
                "D1,Sprzedaż,Anna Nowak,Bank,2026-03-01,\n"
                "D1,Sprzedaż,Anna Nowak,Bank,2026-03-01,\n"
                "D1,Help-desk,Jan Nowak,Bank,2026-03-02,poprawka\n"
                ",Help-desk,Jan Kos,Bank,2026-03-03,\n"
                "D2,=HYPERLINK(\"http://x\"),Ewa Lis,Bank,2026-03-04,\n"
            ),
            [
                ("unknown_column", None,
                 "entries.csv: column 'uwagi' is not in the contract (kept in extra_columns)"),
                ("missing_value", 5, "entries.csv line 5 has no entry_id"),
                ("duplicate_row", 3, "entries.csv line 3 repeats line 2 exactly"),
                ("duplicate_id", 4, "entries.csv line 4: entry_id 'D1' already on line 2"),
                ("formula_cell", 6, "entries.csv line 6, category starts with '=' "
                 "('=HYPERLINK(\"http://x\")'): kept as text, never evaluated"),
            ],
            {2: {"entry_id": "D1"}, 3: {"entry_id": "D1"}, 4: {"category": "Help-desk"},
             5: {"participant_name": "Jan Kos"}, 6: {"category": '=HYPERLINK("http://x")'}},
        ),
        "EMPTY-2026": BadTable("entries.csv", b"", [("empty_file", None, "entries.csv is empty")], {}),
        "NOCOL-2026": BadTable(
            "entries.csv",
            _csv("entry_id,participant_name\nX1,Anna Nowak\n"),
            [
                ("missing_column", None, "entries.csv has no column 'category'"),
                ("missing_column", None, "entries.csv has no column 'organization'"),
            ],
            {2: {"entry_id": "X1", "category": None}},
        ),
    }  # fmt: skip


def formula_workbook(path: Path) -> BadTable:
    """An Excel export with a formula cell (no cached value, as openpyxl writes it)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    sheet.append(["X1", "Sprzedaż", "Anna Kowalska", "Bank Północny", "2026-03-01"])
    sheet.append(["X2", "Help-desk", "Jan Nowak", '=CONCAT("Tele","kom")', "2026-03-02"])
    workbook.save(path)
    return BadTable(
        "entries.xlsx",
        path.read_bytes(),
        [(
            "formula_cell", 3, 'entries.xlsx cell D3 (organization) holds the formula '
            '=CONCAT("Tele","kom"); no value was kept, the formula is never evaluated',
        ), ("missing_value", 3, "entries.xlsx line 3 has no organization")],
        {2: {"organization": "Bank Północny"}, 3: {"entry_id": "X2", "organization": None}},
    )  # fmt: skip
