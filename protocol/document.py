"""The protocol as a PDF for signing: the summary, each category's ranking, panel, formal
violations and decisions, and a signature block.

fpdf2's core fonts know no Polish letters, so the text is set in the DejaVu Sans subset
bundled beside this module (fonts/LICENSE), whatever fonts the machine has.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF, FontFace

from protocol.gather import CategorySection, EditionProtocol, Query, Table, gather
from protocol.labels import header, text

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVuSans"
BODY_SIZE = 7
HEADING_FILL = (225, 225, 225)
SIGNATURE_LINE = "_" * 40

# Relative widths of the wide columns; every other column is 1.
WIDTHS = {
    "organization_name": 3,
    "juror_name": 2,
    "message": 4,
    "reason": 3,
    "decision_reason": 3,
    "exclusion_reason": 2.5,
    "not_applied_reason": 2.5,
    "not_ranked_reason": 2,
    "decided_by": 1.5,
    "decided_at": 1.5,
    "appeal_received_at": 1.5,
    "conflict_kind": 1.5,
    "panel_status": 2,
    "decision": 1.5,
    "is_applied": 1.2,
    "entry_id": 1.3,
    "juror_id": 1.3,
    "rule_code": 2,
    "trimmed_criteria": 1.3,
    "official_score": 1.2,
    "raw_score": 1.2,
    "normalized_score": 1.3,
    "subject": 1.3,
    "decision_id": 1.5,
    "rank_in_category": 0.8,
}
# Numbers are aligned right, everything else left.
NUMBERS = (
    "rank_in_category",
    "official_score",
    "raw_score",
    "normalized_score",
    "jurors_counted",
    "rank_before",
    "rank_after",
)
# Columns the XLSX has and the page has no room for.
LEFT_OUT = ("was_formally_valid", "is_formally_valid")


class _Document(FPDF):
    def __init__(self, protocol: EditionProtocol) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.protocol = protocol
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_auto_page_break(auto=True, margin=15)
        self.set_title(f"{text('title', protocol.language)} {protocol.edition}")
        self.set_creator("Podium")

    def footer(self) -> None:
        language = self.protocol.language
        self.set_y(-12)
        self.set_font(FAMILY, size=BODY_SIZE)
        self.cell(
            0,
            6,
            f"{text('title', language)}: {self.protocol.edition} · "
            f"{text('page', language, page=self.page_no())}",
            align="C",
        )


def protocol_pdf(protocol: EditionProtocol) -> bytes:
    """The PDF's bytes."""
    language = protocol.language
    pdf = _Document(protocol)
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 16)
    pdf.multi_cell(0, 9, f"{text('title', language)}\n{protocol.contest_name}", align="C")
    pdf.ln(2)
    _heading(pdf, text("summary", language))
    _rows(
        pdf,
        (text("item", language), text("value", language)),
        [(label, shown(value, language)) for label, value in protocol.summary],
        (2, 3),
    )
    for section in protocol.categories:
        _category(pdf, section, language)
    _signatures(pdf, protocol)
    return bytes(pdf.output())


def _category(pdf: FPDF, section: CategorySection, language: str) -> None:
    pdf.add_page()
    pdf.set_font(FAMILY, "B", 13)
    name = f"{section.code} — {section.name}" if section.code else section.name
    pdf.multi_cell(0, 7, name)
    for key, table in (
        ("ranking", section.ranking),
        ("panel", section.panel),
        ("formal", section.violations),
        ("decisions", section.decisions),
    ):
        _heading(pdf, text(key, language))
        _table(pdf, table, language)


def _heading(pdf: FPDF, title: str) -> None:
    pdf.ln(2)
    pdf.set_font(FAMILY, "B", 10)
    pdf.multi_cell(0, 6, title)
    pdf.ln(1)


def _table(pdf: FPDF, table: Table, language: str) -> None:
    if not table.rows:
        pdf.set_font(FAMILY, size=BODY_SIZE + 1)
        pdf.multi_cell(0, 5, text("none", language))
        return
    kept = [number for number, column in enumerate(table.columns) if column not in LEFT_OUT]
    columns = [table.columns[number] for number in kept]
    _rows(
        pdf,
        [header(column, language) for column in columns],
        [[shown(row[number], language) for number in kept] for row in table.rows],
        [WIDTHS.get(column, 1) for column in columns],
        ["RIGHT" if column in NUMBERS else "LEFT" for column in columns],
    )


def _rows(
    pdf: FPDF,
    headings: Sequence[str],
    rows: Sequence[Sequence[str]],
    widths: Sequence[float],
    aligns: Sequence[str] | None = None,
) -> None:
    pdf.set_font(FAMILY, size=BODY_SIZE)
    with pdf.table(
        col_widths=tuple(widths),
        headings_style=FontFace(emphasis="BOLD", fill_color=HEADING_FILL),
        line_height=pdf.font_size * 1.6,
        text_align=tuple(aligns or ["LEFT"] * len(widths)),
        repeat_headings=1,
    ) as table:
        for values in (headings, *rows):
            line = table.row()
            for value in values:
                line.cell(value)


def _signatures(pdf: FPDF, protocol: EditionProtocol) -> None:
    language = protocol.language
    pdf.add_page()
    _heading(pdf, text("signatures", language))
    pdf.set_font(FAMILY, size=10)
    pdf.multi_cell(
        0, 6, text("attest", language, contest=protocol.contest_name, edition=protocol.edition)
    )
    lines = [(text("chair", language), "")]
    lines += [
        (text("members", language) if number == 0 else "", juror)
        for number, juror in enumerate(protocol.jurors)
    ]
    lines.append((text("place_date", language), ""))
    for label, name in lines:
        pdf.ln(6)
        pdf.cell(60, 8, label)
        pdf.cell(80, 8, name)
        pdf.cell(0, 8, SIGNATURE_LINE, new_x="LMARGIN", new_y="NEXT")


def shown(value: object, language: str) -> str:
    """A value as the PDF prints it: scores with two decimals (a decimal comma in Polish),
    times to the minute, yes or no."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return text("yes" if value else "no", language)
    if isinstance(value, float):
        number = f"{value:.2f}"
        return number.replace(".", ",") if language == "pl" else number
    if isinstance(value, dt.datetime):
        # A date written without a time is read as midnight: print it as the date it was.
        return value.strftime("%Y-%m-%d" if value.time() == dt.time() else "%Y-%m-%d %H:%M")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def edition_pdf(query: Query, contest_code: str, edition_year: int, language: str) -> bytes:
    """The PDF protocol of one edition, read through query (the dashboards' download)."""
    return protocol_pdf(gather(query, contest_code, edition_year, language))
