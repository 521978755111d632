"""CSV files as entrants' tools write them: odd encodings, delimiters, ragged and open rows.

The csv module parses (it reports the physical line each record starts on, which Polars
cannot); the rows then go to Polars for every check on their values.
"""

from __future__ import annotations

import csv
import io
from collections import Counter

# decode lives with the encodings it tells apart; ingest.tables reads it from here.
from ingest.readers.encodings import decode as decode
from ingest.readers.records import Finding, RawRows

DELIMITERS = (",", ";", "\t", "|")
DELIMITER_NAMES = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


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
    first_line = text.split("\n", 1)[0]
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


def _records(lines: list[str], first_line: int, delimiter: str):
    """(start line, fields, lines spanned) of every record in the given physical lines."""
    reader = csv.reader(io.StringIO("".join(lines)), delimiter=delimiter)
    consumed = 0
    for fields in reader:
        yield first_line + consumed, fields, reader.line_num - consumed
        consumed = reader.line_num


def parse_rows(text: str, name: str, delimiter: str) -> RawRows:
    """Header and rows with their start lines; an unclosed quote costs only its own line."""
    lines = text.splitlines(keepends=True)
    findings: list[Finding] = []
    header: list[str] | None = None
    rows, starts = [], []
    position = 0  # index in lines where parsing (re)starts
    while position < len(lines):
        restart = None
        for start, fields, span in _records(lines[position:], position + 1, delimiter):
            reaches_end = start - 1 + span >= len(lines)
            block = "".join(lines[start - 1 : start - 1 + span])
            if reaches_end and span > 1 and block.count('"') % 2 == 1:
                findings.append(
                    Finding(
                        "unterminated_quote",
                        f"line {start} opens a quoted value that never closes; the line was "
                        "skipped and the lines after it read on their own",
                        start,
                    )
                )
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
