"""Physical lines of a CSV text, as the csv module, spreadsheet programs and editors count them.

A line ends at CR LF, LF or a lone CR (the line end of Excel for Mac's "CSV (Macintosh)").
str.splitlines also breaks at form feeds, file separators, U+0085 and U+2028, which tools
write inside values without quoting them: breaking there would cut a row in two and shift
the number of every line after it.
"""

from __future__ import annotations

import re

LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def physical_lines(text: str) -> list[str]:
    """The lines of text, each with its line break (the last one may have none)."""
    return _LINE.findall(text)


def line_at(text: str, position: int) -> int:
    """The number of the line holding position (the first line is 1)."""
    return len(LINE_BREAK.findall(text, 0, position)) + 1
