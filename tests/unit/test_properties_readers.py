"""Generated hostile tables through the public read path (ingest.tables.read_table).

Whatever bytes an entrant's tool writes, reading them ends in rows and findings, each with a
documented status and a specific message: never an exception, never a good row lost. The
examples are derandomized and bounded by the settings profile in tests/conftest.py; fixed
cases found by these properties are the @example lines and tests/fixtures/hostile/.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ingest.contract import ENTRIES
from ingest.drop_folder import Edition
from ingest.tables import TableRead, raw_schema, read_table

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"


def _documented_statuses() -> frozenset[str]:
    """The statuses of README's table-status table: every finding must be one of them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| table status | meaning |", 1)[1].split("\n\n", 1)[0]
    cells = [line.split("|")[1] for line in table.splitlines()[2:]]
    return frozenset(name for cell in cells for name in re.findall(r"`(\w+)`", cell))


STATUSES = _documented_statuses()

# Characters that break readers: NUL and other controls, byte-order marks, right-to-left
# and invisible marks, combining marks, astral letters and emoji, every line break
# str.splitlines knows, delimiters, quotes, a formula sign, Polish letters.
NASTY = (
    "\x00", "\x01", "\x1a", "\x7f", "\x85", "\x0b", "\x0c", "\x1c", "\u2028", "\u2029",
    "\r", "\n", "\r\n", "\t", '"', "'", ",", ";", "|", "=", "\ufeff", "\ufffd", "\u202e",
    "\u200f", "\u200b", "\u0301\u0301\u0301", "e\u0301", "\U0001f600", "\U00010348",
    "\U000e0041", "\U0010fffd", "ą", "Ł", "ż", "Ї", "مرحبا", "שלום",
)  # fmt: skip
CHARS = st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(NASTY))


def texts(pieces: st.SearchStrategy[str], max_size: int = 24) -> st.SearchStrategy[str]:
    return st.lists(pieces, max_size=max_size).map("".join)


FIELD = texts(CHARS)
# How an entrant's tool may write the text: every candidate encoding and some it is not.
ENCODINGS = (
    "utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1250", "iso-8859-2",
    "mac_latin2", "cp1252", "utf-32", "cesu",
)  # fmt: skip


def _encode(text: str, encoding: str) -> bytes:
    if encoding == "cesu":
        # Astral characters as two encoded surrogates (CESU-8, as Java and some databases
        # write them): bytes no UTF-8 decoder accepts.
        pairs = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
        return "".join(
            chr(0xD800 + ((ord(c) - 0x10000) >> 10)) + chr(0xDC00 + ((ord(c) - 0x10000) & 0x3FF))
            if ord(c) > 0xFFFF
            else c
            for c in pairs
        ).encode("utf-8", "surrogatepass")
    return text.encode(encoding, "replace")


@pytest.fixture(scope="module")
def csv_edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    return Edition("HOST", 2026, tmp_path_factory.mktemp("HOST-2026"))


@pytest.fixture(scope="module")
def xlsx_edition(tmp_path_factory: pytest.TempPathFactory) -> Edition:
    return Edition("HOSTX", 2026, tmp_path_factory.mktemp("HOSTX-2026"))


def read_csv(edition: Edition, data: bytes) -> TableRead:
    (edition.folder / "entries.csv").write_bytes(data)
    return read_table(edition, ENTRIES)


def read_xlsx(edition: Edition, data: bytes) -> TableRead:
    (edition.folder / "entries.xlsx").write_bytes(data)
    return read_table(edition, ENTRIES)


def assert_well_formed(read: TableRead, file_name: str) -> None:
    """Rows in the raw layout, in file order, and every finding documented and specific."""
    assert read.frame.schema == raw_schema(ENTRIES)
    lines = read.frame.get_column("_source_row").to_list()
    assert all(line >= 2 for line in lines)
    assert lines == sorted(set(lines)), "one row per start line, in file order"
    for issue in read.issues:
        assert issue.status in STATUSES, issue
        assert issue.message.startswith(file_name) or f" {file_name}" in issue.message, issue
        if file_name.endswith(".csv"):
            # The catch-all of read_table: an exception got out of the CSV reader.
            assert issue.status != "unreadable_file", issue.message


@st.composite
def hostile_tables(draw: st.DrawFn) -> bytes:
    """A table written with any delimiter, quote and encoding, perhaps cut anywhere."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|", ":", " ", "\x00", "\u2028"]))
    quote = draw(st.sampled_from(['"', "'", ""]))
    ending = draw(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85"]))
    names = st.one_of(st.sampled_from(ENTRIES.columns), FIELD)
    header = draw(st.lists(names, max_size=8))
    rows = draw(st.lists(st.lists(FIELD, max_size=9), max_size=8))

    def cell(value: str) -> str:
        quoted = quote and draw(st.booleans())
        return f"{quote}{value.replace(quote, quote * 2)}{quote}" if quoted else value

    text = ending.join(delimiter.join(cell(v) for v in row) for row in [header, *rows])
    data = _encode(text + draw(st.sampled_from(["", ending])), draw(st.sampled_from(ENCODINGS)))
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    return data


@given(data=st.binary(max_size=4000))
@example(data=b"\x00" * 7)
@example(data=b"\xff\xfe\x00")
@example(data=b'"' + b"a\n" * 50)
def test_random_bytes_read_as_rows_and_findings(csv_edition, data):
    assert_well_formed(read_csv(csv_edition, data), "entries.csv")


@given(data=hostile_tables())
def test_any_delimiter_quote_encoding_and_cut_reads_as_rows_and_findings(csv_edition, data):
    assert_well_formed(read_csv(csv_edition, data), "entries.csv")


@settings(max_examples=8, deadline=None)
@given(
    size=st.integers(130_000, 3_000_000),
    char=st.sampled_from(["x", "ą", "\U0001f600", '"', "\x00", ","]),
    quoted=st.booleans(),
)
def test_huge_fields_keep_their_row(csv_edition, size, char, quoted):
    huge = char * (size // len(char.encode()))
    value = '"' + huge.replace('"', '""') + '"' if quoted else huge
    text = (
        f"entry_id,category,organization,essay\nE1,Sprzedaż,Bank,{value}\nE2,Sprzedaż,Bank,krótki\n"
    )
    read = read_csv(csv_edition, text.encode())
    assert_well_formed(read, "entries.csv")
    assert read.frame.get_column("entry_id").to_list()[-1] == "E2"
    if char not in ('"', ",") or quoted:
        assert read.frame.get_column("essay").to_list()[0] == huge.strip()


# A good value: any text a tool quotes properly, line breaks and delimiters included; the
# reader strips the ends, so a good value has none to strip.
GOOD_VALUE = (
    texts(st.one_of(st.characters(exclude_categories=("Cs", "Cc")), st.sampled_from(NASTY)))
    .map(str.strip)
    .filter(bool)
)
# Bad lines: ragged, blank, control bytes, quotes inside values, formulas, and stray quotes.
STRAY_QUOTES = ['"', 'BAD,"never closed', 'BAD,Sprzedaż,Bank,"', 'BAD,a"b,c"d']
BAD_LINES = st.one_of(
    st.sampled_from(
        [
            "BAD,too,many,fields,here,and,here",
            "BAD",
            "",
            ",,",
            "\x00\x00\x00",
            "BAD,=SUM(A1:A9),x",
            "\ufeffBAD,x,y",
        ]
    ),
    texts(CHARS, max_size=30).map(lambda line: re.sub(r'[\r\n"]', " ", line)),
)
# Two stray quotes around good rows written unquoted leave a record that is ragged or has
# text after a closing quote: the reader can tell. Around a quoted good value they may leave
# a valid CSV record of the header's width (one multi-line value), which no reader can tell
# from an entrant's essay: so stray quotes come with plain good values only.
PLAIN_VALUE = GOOD_VALUE.map(lambda text: re.sub(r'[",\r\n]', " ", text).strip()).filter(bool)


@st.composite
def good_among_bad(draw: st.DrawFn) -> tuple[str, dict[int, tuple[str, str, str]]]:
    """A CSV of good rows (unique ids) with bad lines between; the good rows by start line."""
    stray = draw(st.booleans())
    value = PLAIN_VALUE if stray else GOOD_VALUE
    bad = st.one_of(BAD_LINES, st.sampled_from(STRAY_QUOTES)) if stray else BAD_LINES
    good = draw(st.lists(st.tuples(value, value), min_size=1, max_size=6))
    lines = ["entry_id,category,organization"]
    expected: dict[int, tuple[str, str, str]] = {}
    for number, (category, organization) in enumerate(good, start=1):
        lines += draw(st.lists(bad, max_size=2))
        row = (f"G{number}", category, organization)
        buffer = io.StringIO()
        csv.writer(buffer).writerow(row)  # quotes a value with CR or LF for its terminator
        # Physical lines end at CR LF, LF or a lone CR, also inside a quoted value.
        start = len(re.findall(r"\r\n|\r|\n", "\n".join(lines))) + 2
        expected[start] = row
        lines.append(buffer.getvalue().removesuffix("\r\n"))
    lines += draw(st.lists(bad, max_size=2))
    return "\n".join(lines) + "\n", expected


def _assert_good_rows_kept(read: TableRead, expected: dict[int, tuple[str, str, str]]) -> None:
    found = {
        row["_source_row"]: (row["entry_id"], row["category"], row["organization"])
        for row in read.frame.iter_rows(named=True)
    }
    assert {line: found.get(line) for line in expected} == expected


@given(table=good_among_bad(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
@example(  # U+0085 made valid UTF-8 read as Mac Central European ("¬Ö" for it)
    table=("entry_id,category,organization\nG1,0,0\x85:\n", {2: ("G1", "0", "0\x85:")}),
    encoding="utf-8",
)
@example(  # two stray quotes closed around a good row and swallowed it
    table=('entry_id,category,organization\n"\nG1,0,0\n"\n', {3: ("G1", "0", "0")}),
    encoding="utf-8",
)
@example(  # a quote inside an unquoted value hid the swallowing (csv takes it as text)
    table=(
        'entry_id,category,organization\n"\nG3,",0",0\n"\n',
        {3: ("G3", ",0", "0")},
    ),
    encoding="utf-8",
)
@example(  # a CR inside a quoted value is a physical line: the next row starts a line later
    table=(
        'entry_id,category,organization\nG1,0,"0\r0"\nG2,0,0\n',
        {2: ("G1", "0", "0\r0"), 4: ("G2", "0", "0")},
    ),
    encoding="utf-8",
)
def test_every_good_row_among_bad_lines_is_kept_on_its_line(csv_edition, table, encoding):
    text, expected = table
    read = read_csv(csv_edition, text.encode(encoding))
    assert_well_formed(read, "entries.csv")
    _assert_good_rows_kept(read, expected)


def _workbook(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


CELL = st.one_of(
    st.none(),
    FIELD.map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text)),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.sampled_from(["=1+1", "=A1", '=CONCAT("a","b")', "=1/0"]),
)


@settings(deadline=None)
@given(
    header=st.lists(st.one_of(st.sampled_from(ENTRIES.columns), CELL), max_size=8),
    rows=st.lists(st.lists(CELL, max_size=9), max_size=6),
)
def test_any_workbook_reads_as_rows_and_findings(xlsx_edition, header, rows):
    read = read_xlsx(xlsx_edition, _workbook([header, *rows]))
    assert_well_formed(read, "entries.xlsx")


@settings(deadline=None)
@given(
    good=st.lists(
        st.tuples(
            # XML reads a raw CR as LF (Excel writes a CR as _x000D_), and openpyxl writes
            # a text starting with = as a formula.
            GOOD_VALUE.map(lambda text: ILLEGAL_CHARACTERS_RE.sub("", text.replace("\r", "")))
            .map(str.strip)
            .filter(lambda text: text and not text.startswith("=")),
            st.sampled_from(["Bank", "Telekom", "Ubezpieczenia Łódź"]),
        ),
        min_size=1,
        max_size=5,
    ),
    bad=st.lists(st.lists(CELL, max_size=9), max_size=4),
)
def test_every_good_workbook_row_among_bad_rows_is_kept(xlsx_edition, good, bad):
    rows: list[list[object]] = [["entry_id", "category", "organization"]]
    expected: dict[int, tuple[str, str, str]] = {}
    for number, (category, organization) in enumerate(good, start=1):
        rows += bad[number - 1 : number]
        expected[len(rows) + 1] = (f"G{number}", category, organization)
        rows.append(list(expected[len(rows) + 1]))
    read = read_xlsx(xlsx_edition, _workbook(rows))
    assert_well_formed(read, "entries.xlsx")
    _assert_good_rows_kept(read, expected)


@pytest.fixture(scope="module")
def real_workbook() -> bytes:
    return _workbook(
        [
            ["entry_id", "category", "organization", "essay"],
            ["W1", "Sprzedaż", "Bank Północny", "Dzień dobry"],
            ["W2", "Help-desk", '=CONCAT("Tele","kom")', None],
        ]
    )


@settings(deadline=None)
@given(cut=st.integers(0, 10_000), flips=st.lists(st.integers(0, 10**6), max_size=6))
def test_cut_or_bit_flipped_workbook_reads_or_says_why(xlsx_edition, real_workbook, cut, flips):
    data = bytearray(real_workbook[: len(real_workbook) - cut % len(real_workbook)])
    for flip in flips:
        if data:
            data[flip % len(data)] ^= 1 << (flip % 8)
    read = read_xlsx(xlsx_edition, bytes(data))
    assert_well_formed(read, "entries.xlsx")
    unreadable = [i for i in read.issues if i.status == "unreadable_file"]
    assert read.frame.height or unreadable or not data or read.issues
    for issue in unreadable:
        # A parser's own complaint, not a Python error from a bug in our reader.
        assert not re.search(r": (TypeError|AttributeError|IndexError|KeyError)\b", issue.message)


@pytest.mark.parametrize("path", sorted(HOSTILE.glob("*.csv")), ids=lambda path: path.name)
def test_hostile_corpus_keeps_every_good_row_on_its_line(csv_edition, path):
    """Cases the properties found: each good row's id is G and the line it starts on."""
    data = path.read_bytes()
    read = read_csv(csv_edition, data)
    assert_well_formed(read, "entries.csv")
    planted = re.findall(r"(?:^|[\r\n])G(\d+),", data.decode("utf-8"))
    found = {
        row["entry_id"]: row["_source_row"]
        for row in read.frame.iter_rows(named=True)
        if re.fullmatch(r"G\d+", row["entry_id"] or "")
    }
    assert found == {f"G{line}": int(line) for line in planted}
