"""Which encoding a CSV file is in, told from its text.

Candidates: UTF-8 (with or without a byte-order mark), UTF-16 (a byte-order mark, or the zero
bytes UTF-16 puts beside ASCII), and the three single-byte code pages Polish files come in:
Windows-1250 (Excel), ISO-8859-2 (older Polish systems) and Mac Central European. Every byte
decodes in ISO-8859-2 and Mac Central European, and nearly every one in Windows-1250, so
"decodes" proves nothing: an ISO-8859-2 file read as Windows-1250 turns ą ś ź Ą Ś Ź into
± ¶ Ľ ˇ ¦ ¬ without an error. The single-byte readings are therefore scored by how plausible
their letters are as Polish or Central European text, line by line.

A detector such as charset-normalizer was measured and not used: limited to these
candidates it reads a three-row ISO-8859-2 file of Polish names as Windows-1250.
"""

from __future__ import annotations

import functools
import re
import string
import unicodedata
from collections import Counter
from dataclasses import dataclass

from ingest.readers.lines import LINE_BREAK, line_at
from ingest.readers.records import Finding


@dataclass(frozen=True)
class Encoding:
    """A codec, the name a person knows it by, and the finding status a file read in it gets."""

    codec: str
    label: str
    status: str  # "": plain UTF-8, nothing to report


UTF8 = Encoding("utf-8", "UTF-8", "")
UTF8_BOM = Encoding("utf-8", "UTF-8", "byte_order_mark")
UTF16_LE = Encoding("utf-16-le", "UTF-16 little-endian", "utf16_encoding")
UTF16_BE = Encoding("utf-16-be", "UTF-16 big-endian", "utf16_encoding")
WINDOWS_1250 = Encoding("cp1250", "Windows-1250", "windows_1250_encoding")
ISO_8859_2 = Encoding("iso-8859-2", "ISO-8859-2", "iso_8859_2_encoding")
MAC_CENTRAL_EUROPEAN = Encoding(
    "mac_latin2", "Mac Central European", "mac_central_european_encoding"
)
# In order of preference: two readings that score the same give the same text, and the first
# (Polish Excel's default) is named.
SINGLE_BYTE = (WINDOWS_1250, ISO_8859_2, MAC_CENTRAL_EUROPEAN)

# Every status this module reports, for the places that list reader statuses (README, dbt).
ENCODING_STATUSES = (
    "byte_order_mark",
    "utf16_encoding",
    *(encoding.status for encoding in SINGLE_BYTE),
    "invalid_encoding",
)
CANDIDATES_NAMED = "UTF-8, UTF-16, Windows-1250, ISO-8859-2 or Mac Central European"

POLISH_LETTERS = frozenset("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ")
# Non-letters that Polish text really contains; any other non-ASCII symbol (± ¶ ¬ ˇ ≥ …) is
# what a byte read in the wrong code page looks like.
# No-break space, soft hyphen, Polish and English quotes, guillemets, en and em dash,
# ellipsis, bullet, euro, degree, section, copyright, registered, trade mark, multiplication.
TYPOGRAPHY = frozenset(
    "\u00a0\u00ad\u201e\u201d\u201c\u201a\u2018\u2019\u00ab\u00bb\u2013\u2014\u2026"
    "\u2022\u20ac\u00b0\u00a7\u00a9\u00ae\u2122\u00d7"
)
# Of those, the ones that may sit between two letters of one word: apostrophes (O'Neil), the
# soft hyphen and the en dash (Nowak-Kowalska typed with Word's dash).
JOINERS = frozenset("\u2019\u2018\u00ad\u2013")
MISREAD = -4  # cancels two Polish letters: a line of misread bytes sinks below zero
# Control characters are never text; tab, line and form feeds are (Excel, FileMaker write them).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_OR_REPLACED = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")
# Bytes to split words by: ASCII punctuation and the separators tools put inside values
# (vertical tab, form feed, file to unit separators) to spaces. bytes.splitlines breaks at
# CR, LF and CR LF only, so the lines of these bytes are the CSV parser's physical lines.
_WORD_BREAKS = bytes.maketrans(
    string.punctuation.encode() + b"\x0b\x0c\x1c\x1d\x1e\x1f",
    b" " * (len(string.punctuation) + 6),
)
_LETTER_CATEGORIES = frozenset({"Lu", "Ll", "Lt", "Lo"})  # not Lm: ˇ is a "modifier letter"


@dataclass(frozen=True)
class Reading:
    """A file read in one encoding: its text, how Polish it looks, and where it stops reading."""

    encoding: Encoding
    data: bytes
    text: str
    score: int
    bad_line: int | None  # the first line that is not plausible text; None: every line is

    @property
    def fits(self) -> bool:
        return self.bad_line is None


def _is_letter(char: str) -> bool:
    return bool(char) and unicodedata.category(char) in _LETTER_CATEGORIES


def _letter_score(char: str, before: str, after: str) -> int:
    if char.isupper() and before.islower():
        return MISREAD  # "jaĽń": ISO-8859-2 ź read as Windows-1250; no word flips case inside
    if before.isdigit() or after.isdigit():
        return MISREAD  # "ą5": Windows-1250 "±5" read as ISO-8859-2
    return 2 if char in POLISH_LETTERS else 1


def char_score(line: str, index: int) -> int:
    """How plausible the non-ASCII character at index is in a name or Polish text."""
    char = line[index]
    before = line[index - 1] if index else ""
    after = line[index + 1 : index + 2]
    if _is_letter(char):
        return _letter_score(char, before, after)
    if char.isspace() or before.isdigit() or after.isdigit():
        # No-break space is a space; ±5, 20°, 5€: symbols go with numbers, and no misread
        # letter sits by a digit.
        return 0
    inside_word = _is_letter(before) and _is_letter(after)
    if char in TYPOGRAPHY and not (inside_word and char not in JOINERS):
        return 0
    return MISREAD


@functools.lru_cache(maxsize=65536)
def word_score(word: str) -> int:
    """The sum over a whitespace-free word's non-ASCII characters (each judged by its
    neighbours, which lie inside the word or are whitespace)."""
    if word.isascii():
        return 0
    return sum(char_score(word, index) for index, char in enumerate(word) if ord(char) > 127)


def _first_unreadable_line(text: str, clean: bool) -> int | None:
    # U+FFFD marks a byte the codec could not decode only when the strict decode failed; a
    # file that decodes strictly may carry a real U+FFFD some earlier tool wrote.
    found = (_CONTROL if clean else _CONTROL_OR_REPLACED).search(text)
    return None if found is None else line_at(text, found.start())


@dataclass(frozen=True)
class Words:
    """A single-byte file split into words, alike in every single-byte code page.

    The same words recur through a file, so each distinct one is scored once. ASCII
    punctuation counts as a space (char_score asks of a neighbour only: letter, digit or
    neither), so CSV fields split into words. Split on the bytes, which the code pages share.
    """

    spaced: bytes  # punctuation and in-value separators as spaces; line breaks kept
    counts: Counter[bytes]  # the words holding a non-ASCII byte, with how often each occurs


def words_of(data: bytes) -> Words:
    spaced = data.translate(_WORD_BREAKS)
    return Words(spaced, Counter(word for word in spaced.split() if not word.isascii()))


def _first_implausible_line(codec: str, words: Words, until: int | None) -> tuple[int, int | None]:
    """The total score, and the first line scoring below zero (None: no line does); lines
    from `until` on are not looked at (the reading already stops there)."""
    scores = {word: word_score(word.decode(codec, errors="replace")) for word in words.counts}
    if min(scores.values(), default=0) >= 0:  # the usual right reading: no line can go below
        return sum(scores[word] * count for word, count in words.counts.items()), None
    total = 0
    lines = words.spaced.splitlines()[: None if until is None else until - 1]
    for number, line in enumerate(lines, start=1):
        score = sum(scores.get(word, 0) for word in line.split())
        if score < 0:
            return total, number
        total += score
    return total, None


def read_as(data: bytes, encoding: Encoding, words: Words | None = None) -> Reading:
    """The file read in encoding; given its words (single-byte code pages), every line must
    also score as plausible Polish or Central European text."""
    try:
        text, clean = data.decode(encoding.codec), True
    except UnicodeDecodeError:
        text, clean = data.decode(encoding.codec, errors="replace"), False
    unreadable = _first_unreadable_line(text, clean)
    score, implausible = (0, None)
    if words is not None:
        score, implausible = _first_implausible_line(encoding.codec, words, unreadable)
    bad_lines = [line for line in (unreadable, implausible) if line is not None]
    return Reading(encoding, data, text, score, min(bad_lines, default=None))


def utf16_without_bom(data: bytes) -> Encoding | None:
    """UTF-16 byte order told by zero bytes: ASCII (every CSV's header and delimiters) puts a
    zero beside each character, on the high side; no text in the other candidates has zeros."""
    if len(data) % 2 or b"\x00" not in data:
        return None
    pairs = len(data) // 2
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    if odd_zeros >= pairs / 4 and even_zeros <= odd_zeros / 20:
        return UTF16_LE
    if even_zeros >= pairs / 4 and odd_zeros <= even_zeros / 20:
        return UTF16_BE
    return None


def escaped(line: str, limit: int = 80) -> str:
    """A line fit for a message: control characters as escapes, cut to limit characters."""
    shown = "".join(
        char if char.isprintable() else char.encode("unicode_escape").decode("ascii")
        for char in line
    )
    return shown if len(shown) <= limit else shown[:limit] + "…"


def misread_pairs(chosen: Reading, other: Reading, most: int = 3) -> tuple[list[str], int]:
    """("'±' for 'ą'", …) where other reads the same bytes differently, and the first line.

    Both are single-byte readings of the same bytes, so a position is a byte and a character in
    each; only the first place each distinct byte occurs need be compared.
    """
    firsts = sorted(chosen.data.find(byte) for byte in set(chosen.data) if byte > 127)
    differing = [at for at in firsts if chosen.text[at] != other.text[at]][:most]
    pairs = [f"'{escaped(other.text[at])}' for '{chosen.text[at]}'" for at in differing]
    return pairs, line_at(chosen.text, differing[0]) if differing else 0


def _contrast(chosen: Reading, other: Reading) -> str:
    pairs, line = misread_pairs(chosen, other)
    return f"as {other.encoding.label} it would read {', '.join(pairs)} (first on line {line})"


def _single_byte_finding(chosen: Reading, readings: list[Reading], name: str) -> Finding:
    """Which code page was read, and why: what the runner-up would have made of the bytes."""
    head = f"{name} is not UTF-8; it was read as {chosen.encoding.label}"
    if chosen.encoding == WINDOWS_1250:
        rivals = [r for r in readings if r.fits and r is not chosen and r.text != chosen.text]
        reason = "(Polish Excel's default)"
        if rivals:
            rival = max(rivals, key=lambda r: r.score)
            reason += f"; {_contrast(chosen, rival)}, which reads less like Polish"
        return Finding(WINDOWS_1250.status, f"{head} {reason}")
    windows = next(r for r in readings if r.encoding == WINDOWS_1250)
    return Finding(chosen.encoding.status, f"{head}: {_contrast(chosen, windows)}")


def _invalid(readings: list[Reading], name: str) -> tuple[str, list[Finding]]:
    """The reading that gets furthest, and its first bad line, escaped."""
    furthest = max(readings, key=lambda r: r.bad_line or 0)  # first wins a tie
    line = furthest.bad_line or 1
    shown = furthest.data.decode(furthest.encoding.codec, errors="backslashreplace")
    text = escaped((LINE_BREAK.split(shown) or [""])[line - 1])
    label = furthest.encoding.label
    message = (
        f"{name} does not read as {CANDIDATES_NAMED}: the one that reads furthest, {label}, "
        f"stops at line {line} ('{text}'); the file was read as {label}, unreadable "
        "characters replaced with U+FFFD"
    )
    return furthest.text, [Finding("invalid_encoding", message, line)]


def _with_bom(data: bytes, name: str) -> tuple[str, list[Finding]] | None:
    """A byte-order mark decides the encoding; the text must still read."""
    if data.startswith(b"\xef\xbb\xbf"):
        reading = read_as(data[3:], UTF8_BOM)
        note = f"{name} starts with a UTF-8 byte-order mark (removed)"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = UTF16_LE if data.startswith(b"\xff\xfe") else UTF16_BE
        reading = read_as(data[2:], encoding)
        note = f"{name} is UTF-16 (an Excel 'Unicode text' export; {encoding.label} by its mark)"
    else:
        return None
    notice = Finding(reading.encoding.status, note)
    if reading.fits:
        return reading.text, [notice]
    text, findings = _invalid([reading], name)
    return text, [notice, *findings]


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def decode(data: bytes, name: str) -> tuple[str, list[Finding]]:
    """The text of a CSV file; anything but plain UTF-8 is reported with how it was read."""
    marked = _with_bom(data, name)
    if marked is not None:
        return marked
    utf16 = utf16_without_bom(data)
    guessed = [] if utf16 is None else [read_as(data, utf16)]
    if guessed and guessed[0].fits:
        note = (
            f"{name} is {guessed[0].encoding.label} without a byte-order mark "
            "(told by the zero byte beside each ASCII character)"
        )
        return guessed[0].text, [Finding("utf16_encoding", note)]
    # Valid UTF-8 is taken as it is: Polish text in a single-byte code page almost never is.
    utf8 = read_as(data, UTF8)
    if utf8.fits:
        return utf8.text, []
    if _is_utf8(data):
        # Valid UTF-8 holding control characters (U+0085 from a mangled ellipsis): a code
        # page reads those bytes as letters ("Â…") and would misread every other letter.
        return _invalid([*guessed, utf8], name)
    words = words_of(data)
    readings = [read_as(data, encoding, words) for encoding in SINGLE_BYTE]
    fitting = [reading for reading in readings if reading.fits]
    if not fitting:
        return _invalid([*guessed, utf8, *readings], name)
    chosen = max(fitting, key=lambda r: r.score)  # first wins a tie: Windows-1250 first
    return chosen.text, [_single_byte_finding(chosen, readings, name)]
