"""The IBA 2026 edition: written nominations (essay or video), links and attachments."""

from __future__ import annotations

import random
from datetime import timedelta
from pathlib import Path

from demo import catalog
from demo.limits import NominationLimits, nomination_limits
from demo.media import MediaWriter
from demo.people import People
from demo.records import BreakPlan, DemoEntry, write_csv

IBA_RULE_BREAKS = (
    "essay_too_long",
    "too_many_links",
    "summary_too_many_bullets",
    "video_too_long",
    "too_many_attachments",
    "achievements_before_2024",
    "unknown_category",
    "rewin_not_updated",
)
SENTENCES = (
    "Od stycznia 2024 r. zespół skrócił średni czas oczekiwania na połączenie o 38%.",
    "Wdrożyliśmy nowy model obsługi wielokanałowej, obejmujący czat, e-mail i media społecznościowe.",
    "Wskaźnik NPS wzrósł z 31 do 54 punktów w ciągu pięciu kwartałów.",
    "Kierownik działu zbudował program mentoringu, z którego skorzystało 120 konsultantów.",
    "W czasie awarii sieci w lutym 2025 r. obsłużyliśmy trzykrotnie więcej zgłoszeń bez utraty jakości.",
    "Rotacja pracowników spadła do 11% rocznie, najniżej w historii firmy.",
    "Chatbot oparty na sztucznej inteligencji rozwiązuje dziś 42% spraw bez udziału konsultanta.",
    "Program lojalnościowy zmniejszył odpływ klientów o 17% rok do roku.",
    "Konsultanci przeszli szkolenia z komunikacji empatycznej i obsługi klientów z niepełnosprawnościami.",
    "Обслуговування клієнтів українською мовою стало стандартом у нашому контакт-центрі.",
)
BULLETS = (
    "NPS +23 pkt", "czas oczekiwania -38%", "FCR 87%", "rotacja 11%", "3 nagrody branżowe",
    "chatbot: 42% spraw", "120 osób w programie mentoringu", "obsługa w 4 językach",
    "CSAT 4,7/5", "odpływ klientów -17%", "0 skarg do regulatora", "wdrożenie CRM w 6 miesięcy",
)  # fmt: skip
# How long before the eligibility date the achievements of the entry breaking it start.
HALF_A_YEAR_DAYS = 184
COUNTRY_NOMINEES = ("Dział Obsługi Klienta", "Zespół Wsparcia Technicznego", "Biuro Obsługi")


def _essay(rng: random.Random, length: int) -> str:
    paragraphs, size = [], 0
    while size < length:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:length].rstrip()


def _written_category(rng: random.Random, code: str, name: str) -> str:
    draw = rng.random()
    if draw < 0.6:
        return code
    if draw < 0.8:
        return f"{code}. {name}"
    if draw < 0.9:
        return code.lower()
    return name


def write_iba(
    folder: Path, rng: random.Random, scale: int, short_media: bool = False
) -> list[DemoEntry]:
    """Write IBA-2026/entries.csv, files.csv and the attached files."""
    people, media = People(rng), MediaWriter(folder, rng, short_media)
    categories, limits = catalog.iba_categories(), nomination_limits("IBA", 2026)
    entries, rows = [], []
    breaks = BreakPlan(rng, IBA_RULE_BREAKS, len(categories) * 3 * scale)
    for code, name in categories.items():
        for _ in range(3 * scale):
            entry_id = f"IBA26-{len(entries) + 1:05d}"
            rule_break = breaks.next()
            written, official = _written_category(rng, code, name), code
            if rule_break == "unknown_category":
                written = official = rng.choice(catalog.UNKNOWN_IBA_CATEGORIES)
            organization, organization_written = people.organization()
            nominee = (
                people.participant()
                if code == "E05"
                else f"{rng.choice(COUNTRY_NOMINEES)} {organization.split()[0]}"
            )
            entries.append(
                DemoEntry(
                    "IBA-2026",
                    entry_id,
                    official,
                    written,
                    nominee,
                    organization_written,
                    (rule_break,) if rule_break else (),
                )
            )
            rows.append(_iba_row(rng, media, limits, list(categories), entry_id, code, written,
                                 nominee, organization_written, rule_break))  # fmt: skip
    write_csv(
        folder / "entries.csv",
        [
            "entry_id",
            "category",
            "nominee",
            "organization",
            "country",
            "submitted_at",
            "achievements_from",
            "essay",
            "summary",
            "attachments_note",
            "links",
            "previous_win_category",
            "updated_since_win",
        ],
        rows,
    )
    write_csv(
        folder / "files.csv", ["entry_id", "case_no", "interaction_no", "kind", "path"], media.rows
    )
    return entries


def _iba_row(rng, media: MediaWriter, limits: NominationLimits, codes: list[str], entry_id, code,
             written, nominee, organization, rule_break):  # fmt: skip
    # Each draw stays inside its limit, or beyond it for the entry meant to break it.
    video = rng.random() < 0.25 or rule_break == "video_too_long"
    essay, video_limit = "", limits.video_max_seconds
    if video:
        too_long = rule_break == "video_too_long"
        seconds = (
            rng.randint(video_limit + 80, video_limit + 160)
            if too_long
            else rng.randint(min(90, video_limit // 2), video_limit - 5)
        )
        seconds = media.written_seconds(seconds, keep=too_long)
        relative, data = media.recording(f"media/{entry_id}/film", seconds, "MP4V")
        media.write(relative, data)
        media.listed(entry_id, "", 1, "video", relative)
    else:
        essay_limit = limits.essay_max_chars
        length = (
            rng.randint(essay_limit + 100, essay_limit + 1300)
            if rule_break == "essay_too_long"
            else rng.randint(min(1500, essay_limit // 2), essay_limit - 100)
        )
        essay = _essay(rng, length)
    most_bullets, most_links, most_attachments = (
        limits.summary_max_bullets,
        limits.max_links,
        limits.max_attachments,
    )
    bullets = rng.sample(
        BULLETS,
        most_bullets + 2
        if rule_break == "summary_too_many_bullets"
        else rng.randint(min(3, most_bullets), min(8, most_bullets)),
    )
    links = [f"https://{organization.split()[0].lower()}.example/{entry_id.lower()}/{n}" for n in
             range(rng.randint(most_links + 1, most_links + 3) if rule_break == "too_many_links"
                   else rng.randint(0, min(6, most_links)))]  # fmt: skip
    attachments = (
        rng.randint(most_attachments + 1, most_attachments + 2)
        if rule_break == "too_many_attachments"
        else rng.randint(0, min(4, most_attachments))
    )
    for number in range(1, attachments + 1):
        fmt = rng.choice(("PDF", "PDF", "PNG", "JPG"))
        relative, data = media.transcript(f"media/{entry_id}/zalacznik_{number}", fmt)
        media.write(relative, data)
        media.listed(entry_id, "", number, "document", relative)
    previous, updated = "", ""
    if rule_break == "rewin_not_updated":
        previous, updated = code, rng.choice(("nie", "no"))
    elif rng.random() < 0.1:
        previous = rng.choice(codes)
        updated = rng.choice(("tak", "yes")) if previous == code else rng.choice(("tak", "nie"))
    since = limits.achievements_since
    if rule_break == "achievements_before_2024":
        since -= timedelta(days=HALF_A_YEAR_DAYS)
    return [
        entry_id, written, nominee, organization, rng.choice(catalog.IBA_COUNTRIES),
        f"2026-0{rng.randint(3, 5)}-{rng.randint(1, 28):02d}T12:{rng.randint(0, 59):02d}:00",
        since.isoformat(), essay, "\n".join(f"- {b}" for b in bullets),
        f"Załączniki 1–{attachments} potwierdzają wyniki opisane w eseju." if attachments else "",
        "\n".join(links), previous, updated,
    ]  # fmt: skip
