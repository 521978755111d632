"""The source documents' excerpts (docs/sources/excerpts.csv) and where the documents are.

The documents themselves are not in the repository. What the seeds take from them is quoted
in docs/sources/excerpts.csv, with the document's file name and the lines the words are on,
so every clone can check its seeds against the words; where the documents are present
(../shared/seeds beside the clone or beside a parent folder, or the folder named by
PODIUM_SOURCE_DOCS), tests/unit/test_source_documents.py also checks the excerpts against them.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from settings.environment import PROJECT_ROOT, SOURCE_DOCS, source_docs

EXCERPTS = PROJECT_ROOT / "docs" / "sources" / "excerpts.csv"
SOURCE_DOCS_ENV = SOURCE_DOCS.name


@dataclass(frozen=True)
class Excerpt:
    """Words of a source document, whitespace collapsed, and the lines they are on."""

    source_document: str
    line_start: int
    line_end: int
    section: str
    fact: str
    contest_code: str
    # As the seeds' CSV writes it, so seed rows and excerpts compare without conversions.
    edition_year: str
    category_code: str
    text: str


def collapse(text: str) -> str:
    """The text with every run of whitespace (line breaks of the PDF export, tabs) as one space."""
    return " ".join(text.split())


@cache
def read_excerpts() -> tuple[Excerpt, ...]:
    with EXCERPTS.open(encoding="utf-8", newline="") as handle:
        return tuple(
            Excerpt(
                source_document=row["source_document"],
                line_start=int(row["line_start"]),
                line_end=int(row["line_end"]),
                section=row["section"],
                fact=row["fact"],
                contest_code=row["contest_code"],
                edition_year=row["edition_year"],
                category_code=row["category_code"],
                text=row["excerpt"],
            )
            for row in csv.DictReader(handle)
        )


def excerpts_of(
    fact: str, contest_code: str = "", edition_year: str = "", category_code: str = ""
) -> list[Excerpt]:
    """The excerpts quoting `fact` for exactly this edition and category (blank: none)."""
    key = (fact, contest_code, edition_year, category_code)
    return [
        excerpt
        for excerpt in read_excerpts()
        if (excerpt.fact, excerpt.contest_code, excerpt.edition_year, excerpt.category_code) == key
    ]


def the_excerpt(
    fact: str, contest_code: str = "", edition_year: str = "", category_code: str = ""
) -> Excerpt:
    """The one excerpt quoting `fact` for this edition and category."""
    found = excerpts_of(fact, contest_code, edition_year, category_code)
    if len(found) != 1:
        where = " ".join(filter(None, [contest_code, edition_year, category_code]))
        raise LookupError(f"{EXCERPTS.name} has {len(found)} excerpts of {fact} {where}")
    return found[0]


def source_documents_dir() -> Path | None:
    """The folder of the source documents, or None where this clone has none beside it.

    PODIUM_SOURCE_DOCS wins when set (it is returned even if it is no folder, so that a
    mistyped path fails instead of silently skipping); otherwise ../shared/seeds beside the
    clone, or beside one of its parent folders (a git worktree sits inside another folder).
    """
    named = source_docs()
    if named is not None:
        return named.resolve()
    for folder in [PROJECT_ROOT, *PROJECT_ROOT.parents]:
        candidate = folder.parent / "shared" / "seeds"
        if candidate.is_dir():
            return candidate
    return None
