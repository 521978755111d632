"""CSV files as entrants' tools write them: odd encodings, delimiters, ragged and open rows.

The csv module parses (it reports the physical line each record starts on, which Polars
cannot); the rows then go to Polars for every check on their values.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
from collections import Counter

# decode lives with the encodings it tells apart; ingest.tables reads it from here.
from ingest.readers.encodings import decode as decode
from ingest.readers.lines import LINE_BREAK, physical_lines
from ingest.readers.records import Finding, RawRows

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
# The csv module refuses a field over 128 KiB, which made the whole file unreadable. A long
# essay pasted whole is a row to keep (its length is for the formal checks to judge); the
# file is in memory already, so no field can be longer than it.
csv.field_size_limit(2**31 - 1)


def _header_counts(first_line: str) -> Counter:
    counts: Counter = Counter()
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in DELIMITERS:
            counts[char] += 1
    return counts


def sniff_delimiter(text: str, name: str) -> tuple[str, list[Finding]]:
    """The delimiter the header line uses most; anything but a comma is reported."""
    first_line = LINE_BREAK.split(text, maxsplit=1)[0]
    counts = _header_counts(first_line)
    if not counts:
        return ",", []
    delimiter = counts.most_common(1)[0][0]
    if delimiter == ",":
        return ",", []
    return delimiter, [
        Finding(
            "delimiter",
            f"{name} is separated by {DELIMITER_NAMES[delimiter]}s, not commas (read as such)",
        )
    ]


def _records(lines: list[str], position: int, delimiter: str):
    """(start line, fields, lines spanned) of every record from lines[position] on."""
    # One item per physical line: the reader counts lines as physical_lines cuts them.
    reader = csv.reader(itertools.islice(lines, position, None), delimiter=delimiter)
    consumed = 0
    for fields in reader:
        yield position + 1 + consumed, fields, reader.line_num - consumed
        consumed = reader.line_num


@functools.cache
def _well_quoted(delimiter: str) -> re.Pattern[str]:
    """A record as RFC 4180 writes it: a quote only opens a field, closes it, or is doubled
    inside it. (The csv module also takes a quote inside an unquoted field, as text.)"""
    d = re.escape(delimiter)
    # Possessive: a failed match gives up at once instead of trying every split of a value.
    field = rf'(?:"(?:[^"]++|"")*+"|[^"{d}\r\n]*+)'
    return re.compile(rf"{field}(?:{d}{field})*+(?:\r\n|\r|\n)?")


def _swallows_rows(
    lines: list[str], start: int, span: int, fields: list[str], width: int, delimiter: str
) -> bool:
    """A record over several lines that is ragged or not well quoted, while the lines after
    its first read on their own as a whole row: a stray quote opened it, and another stray
    quote lines later closed it around the rows between."""
    if width < 2:
        return False
    block = "".join(lines[start - 1 : start - 1 + span])
    if len(fields) == width and _well_quoted(delimiter).fullmatch(block):
        return False
    for inner_start, inner_fields, _ in _records(lines, start, delimiter):
        if inner_start >= start + span:
            return False
        if len(inner_fields) == width:
            return True
    return False


def _stray_quote(name: str, start: int, span: int, closes: bool) -> Finding:
    if closes:
        what = f"a quoted value that closes only on line {start + span - 1}, around whole rows"
    else:
        what = "a quoted value that never closes"
    return Finding(
        "unterminated_quote",
        f"{name} line {start} opens {what}; the line was skipped and the lines after it "
        "read on their own",
        start,
    )


def parse_rows(text: str, name: str, delimiter: str) -> RawRows:
    """Header and rows with their start lines; a stray quote costs only its own line."""
    lines = physical_lines(text)
    findings: list[Finding] = []
    header: list[str] | None = None
    rows, starts = [], []
    position = 0  # index in lines where parsing (re)starts
    while position < len(lines):
        restart = None
        for start, fields, span in _records(lines, position, delimiter):
            if span > 1:
                block = "".join(lines[start - 1 : start - 1 + span])
                never_closes = start - 1 + span >= len(lines) and block.count('"') % 2
                closes_late = header is not None and _swallows_rows(
                    lines, start, span, fields, len(header), delimiter
                )
                if never_closes or closes_late:
                    findings.append(_stray_quote(name, start, span, not never_closes))
                    restart = start  # resume on the next physical line
                    break
            if header is None:
                header = fields
                continue
            rows.append(fields)
            starts.append(start)
        if restart is None:
            break
        position = restart
    return RawRows(header or [], rows, starts, findings)
