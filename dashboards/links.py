"""Deep links to one entry: the Entry page's address with `?entry=<contest>-<year>-<entry id>`,
e.g. `/entry?entry=PCCA-2026-P26-00013`, the edition written as its folder is (PCCA-2026).

The year, four digits between hyphens, splits the key: contest codes and entry ids may hold
hyphens of their own. An entry id that appears more than once in an edition (a duplicate the
formal check flags) names every copy; the page opens the first and offers the others.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

import streamlit as st

# The Entry page's url_path (st.Page) and the query parameter naming the entry.
ENTRY_PAGE = "entry"
ENTRY_PARAMETER = "entry"
_KEY = re.compile(r"(?P<contest>.+?)-(?P<year>\d{4})-(?P<entry_id>.+)")
# What a link cell shows: the entry id, captured from the URL (JavaScript regex; Streamlit
# decodes the captured text).
ENTRY_ID_IN_URL = rf"[?&]{ENTRY_PARAMETER}=.+?-\d{{4}}-([^&]+)$"


@dataclass(frozen=True)
class EntryLink:
    """The entry a link names."""

    contest: str
    edition_year: int
    entry_id: str

    @property
    def key(self) -> str:
        return f"{self.contest}-{self.edition_year}-{self.entry_id}"


def parse_entry_key(text: str) -> EntryLink | None:
    """The entry a `?entry=` value names, or None when it is not one."""
    found = _KEY.fullmatch(text.strip())
    if found is None:
        return None
    return EntryLink(found["contest"], int(found["year"]), found["entry_id"])


def entry_url(contest: str, edition_year: int, entry_id: str) -> str:
    """The address of the Entry page on that entry, from the server's root (and its
    baseUrlPath, when the app is served under one)."""
    base = str(st.get_option("server.baseUrlPath") or "").strip("/")
    page = f"/{base}/{ENTRY_PAGE}" if base else f"/{ENTRY_PAGE}"
    key = EntryLink(contest, int(edition_year), entry_id).key
    return f"{page}?{urlencode({ENTRY_PARAMETER: key})}"
