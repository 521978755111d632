"""Real transcripts of written conversations: PDF (fpdf2) and PNG/JPG/GIF screenshots (Pillow)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw

UNICODE_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
# A fixed date keeps the PDF bytes (and their hash) the same from run to run.
CREATED = datetime(2026, 1, 1, tzinfo=UTC)
_ASCII = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")

CHAT = (
    ("Klient", "Dzień dobry, nie mogę zalogować się do aplikacji."),
    ("Konsultant", "Dzień dobry, nazywam się Ania, chętnie pomogę. Jaki komunikat się pojawia?"),
    ("Klient", "Że hasło wygasło, a link do zmiany nie przychodzi."),
    ("Konsultant", "Sprawdziłam: adres e-mail miał literówkę. Poprawiłam go i wysłałam link."),
    ("Klient", "Jest! Udało się, dziękuję za szybką pomoc."),
    ("Konsultant", "Cieszę się. Czy mogę jeszcze w czymś pomóc?"),
    ("Klient", "Nie, wszystko działa. Miłego dnia!"),
)


@cache
def transcript_pdf(pages: int = 1, title: str = "Zapis rozmowy (czat)") -> bytes:
    """A PDF of a chat transcript over the given number of pages."""
    pdf = FPDF()
    pdf.set_creation_date(CREATED)
    if UNICODE_FONT.is_file():
        pdf.add_font("DejaVu", fname=str(UNICODE_FONT))
        pdf.set_font("DejaVu", size=11)

        def text(value: str) -> str:
            return value
    else:
        pdf.set_font("helvetica", size=11)

        def text(value: str) -> str:
            return value.translate(_ASCII)

    for page in range(pages):
        pdf.add_page()
        pdf.cell(text=text(f"{title} — strona {page + 1}"), new_x="LMARGIN", new_y="NEXT")
        for who, said in CHAT:
            pdf.multi_cell(0, 8, text=text(f"{who}: {said}"), new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@cache
def transcript_image(image_format: str, variant: int = 0) -> bytes:
    """A screenshot-like image of a chat (PNG, JPEG or GIF)."""
    width, height = 360 + 40 * variant, 300 + 60 * (variant % 3)
    image = Image.new("RGB", (width, height), (245, 246, 250))
    draw = ImageDraw.Draw(image)
    y = 10
    for index, (who, said) in enumerate(CHAT):
        if y > height - 40:
            break
        left = 10 if who == "Klient" else 80
        draw.rounded_rectangle((left, y, left + width - 100, y + 30), 8, fill=(210, 225, 250))
        draw.text((left + 8, y + 9), f"{who}: {said[:38]}".translate(_ASCII), fill=(20, 20, 20))
        y += 38 + 2 * (index % 2)
    buffer = io.BytesIO()
    if image_format == "GIF":
        image.convert("P", palette=Image.Palette.ADAPTIVE, colors=32).save(buffer, "GIF")
    else:
        image.save(buffer, "JPEG" if image_format == "JPG" else image_format)
    return buffer.getvalue()
