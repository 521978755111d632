"""The excerpts of docs/sources/excerpts.csv against the source documents themselves.

The documents are not in the repository. These tests run where they are present
(../shared/seeds beside the clone or beside a parent folder, or the folder PODIUM_SOURCE_DOCS
names) and are skipped otherwise; tests/pipeline/test_rules_catalog.py and
tests/pipeline/test_scores_rubric.py check the seeds against the excerpts in every clone.
Together they tie each seed value to the
document's words.
"""

from pathlib import Path

import pytest

from tests.source_excerpts import (
    EXCERPTS,
    SOURCE_DOCS_ENV,
    Excerpt,
    collapse,
    read_excerpts,
    source_documents_dir,
    the_excerpt,
)


@pytest.fixture(scope="module")
def documents_dir() -> Path:
    folder = source_documents_dir()
    if folder is None:
        pytest.skip(
            "source documents absent (no ../shared/seeds beside the clone or a parent folder, "
            f"no {SOURCE_DOCS_ENV}): the seeds are checked against {EXCERPTS.name} only"
        )
    # Only a set PODIUM_SOURCE_DOCS can name a folder that is not there: a typo must not pass
    # as "documents absent".
    if not folder.is_dir():
        pytest.fail(f"{SOURCE_DOCS_ENV} names {folder}, which is not a folder")
    return folder


@pytest.fixture(scope="module")
def documents(documents_dir: Path) -> dict[str, list[str]]:
    """Each quoted document's lines, numbered as an editor numbers them (from 1, by \\n)."""
    names = sorted({excerpt.source_document for excerpt in read_excerpts()})
    missing = [name for name in names if not (documents_dir / name).is_file()]
    assert not missing, f"{documents_dir} lacks {missing}"
    return {name: (documents_dir / name).read_text(encoding="utf-8").split("\n") for name in names}


def places(lines: list[str], text: str) -> list[tuple[int, int]]:
    """Every (first line, last line) the text is on, whitespace collapsed across lines."""
    flat, line_of = "", []
    for number, line in enumerate(lines, start=1):
        for word in line.split():
            if flat:
                flat += " "
                line_of.append(number)
            flat += word
            line_of.extend([number] * len(word))
    found, start = [], flat.find(text)
    while text and start >= 0:
        found.append((line_of[start], line_of[start + len(text) - 1]))
        start = flat.find(text, start + 1)
    return found


def test_places_finds_each_occurrence_with_its_first_and_last_line():
    lines = ["Title", "", "a b", "c", "a b c", "x a"]
    assert places(lines, "a b c") == [(3, 4), (5, 5)]
    assert places(lines, "c x a") == [(5, 6)]
    assert places(lines, "b x") == []


def test_every_excerpt_is_on_the_lines_it_names(documents):
    misplaced = []
    for excerpt in read_excerpts():
        found = places(documents[excerpt.source_document], excerpt.text)
        if (excerpt.line_start, excerpt.line_end) not in found:
            # Where it really is, so the excerpts can be corrected from this message.
            misplaced.append(
                f"{excerpt.source_document} lines {excerpt.line_start}-{excerpt.line_end} "
                f"({excerpt.fact} {excerpt.section}): found at {found or 'no line'}: "
                f"{excerpt.text[:80]!r}"
            )
    assert not misplaced, "\n".join(misplaced)


def _document_of(excerpt: Excerpt, documents: dict[str, list[str]]) -> str:
    return collapse("\n".join(documents[excerpt.source_document]))


def test_each_document_opens_with_its_title(documents):
    titles = [excerpt for excerpt in read_excerpts() if excerpt.fact == "edition_title"]
    assert titles
    for title in titles:
        assert _document_of(title, documents).startswith(title.text), title.source_document


def test_iba_headings_are_quoted_to_the_end_of_their_line(documents):
    """So a heading's excerpt holds "(nowość w 2026 r.)" whenever the document writes it."""
    headings = [
        excerpt
        for excerpt in read_excerpts()
        if (excerpt.fact, excerpt.contest_code) == ("category_name_pl", "IBA")
    ]
    assert len(headings) == 8
    for heading in headings:
        lines = documents[heading.source_document][heading.line_start - 1 : heading.line_end]
        assert collapse(" ".join(lines)).endswith(heading.text), heading.category_code


def test_iba_page_never_writes_the_code_e03(documents):
    # E03's name runs on from E02's description (test_rules_catalog quotes it).
    title = the_excerpt("edition_title", "IBA", "2026")
    assert "E03" not in _document_of(title, documents)


def test_only_the_2024_technical_table_has_a_language_column(documents):
    with_language = the_excerpt("technical_table_header", "PCCA", "2024")
    assert "Język" in _document_of(with_language, documents)
    without = the_excerpt("technical_table_header", "PCCA", "2026")
    assert "Język" not in _document_of(without, documents)


def test_glossary_terms_are_whole_entry_headings(documents):
    terms = [excerpt for excerpt in read_excerpts() if excerpt.fact == "glossary_term"]
    assert terms
    for term in terms:
        assert term.line_start == term.line_end, term.text
        line = documents[term.source_document][term.line_start - 1]
        assert line.strip() == term.text
