"""The many-editions drop folder: one fictional contest with a century of editions.

    python -m benchmarks.many_editions TARGET [--seed S] [--editions 100] [--categories 25]
        [--entries 12000] [--scored-editions 10]

`HIST` ("Historyczne Nagrody Obsługi Klienta", fictional) has an edition every year from
1927 to 2026, each folder `HIST-<year>` defining itself through its own `catalog/`
(docs/catalog.md): no seed, model or line of code knows the contest. Each edition has the
same number of categories, written nominations with formal limits (interaction_form
`nomination`; essay, summary and bullet limits, a link limit, a required summary) that
drift a little from edition to edition, so categories of one edition, and one category
over the years, do not all share their limits. Every category continues the previous
edition's (`lineage.csv`: `same`, or `renamed` now and then, with the old name and code
as aliases); only the first edition writes a family code, and for a few categories only,
so nearly every family is found by following lineage back through the editions.

Entries are IBA-like (entry_id, category, nominee, organization, country, submitted_at,
essay, summary, links); about one in twenty breaks one limit of its category. The last
`scored_editions` editions are scored by five jurors on four criteria (0-10 in steps of
0.5) with a trimmed criterion panel; the older ones survive as published winners
(`results.csv`). No media: the scale is catalog rows and editions, not files.

Deterministic for a seed (the catalog's drift is drawn first, then each edition from its
own seed); plain csv writing, a few seconds for 12,000 entries.
"""

from __future__ import annotations

import argparse
import random
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.measure import report
from demo.catalog import IBA_COUNTRIES
from demo.people import People
from demo.records import write_csv
from ingest.contract import (
    CATALOG_ALIASES,
    CATALOG_AWARD_LEVELS,
    CATALOG_CATEGORIES,
    CATALOG_CRITERIA,
    CATALOG_EDITION,
    CATALOG_FOLDER,
    CATALOG_LINEAGE,
    CATALOG_SCORING,
    CATEGORY_LIMIT_COLUMNS,
)
from ingest.contract import (
    JURORS as JURORS_TABLE,
)
from ingest.contract import (
    RESULTS as RESULTS_TABLE,
)
from ingest.contract import (
    SCORES as SCORES_TABLE,
)

SEED = 2026
CONTEST = "HIST"
LAST_YEAR = 2026
EDITIONS = 100
CATEGORIES = 25
ENTRIES = 12_000
SCORED_EDITIONS = 10

# Headers as the drop-folder contract names the columns (ingest/contract.py).
EDITION_HEADER = list(CATALOG_EDITION.columns)
LIMIT_COLUMNS = [
    "essay_max_chars",
    "summary_max_chars",
    "summary_max_bullets",
    "summary_required",
    "max_links",
]
CATEGORY_HEADER = [
    *(c for c in CATALOG_CATEGORIES.columns if c not in CATEGORY_LIMIT_COLUMNS),
    *LIMIT_COLUMNS,
]
ALIAS_HEADER = list(CATALOG_ALIASES.columns)
LINEAGE_HEADER = list(CATALOG_LINEAGE.columns)
CRITERIA_HEADER = list(CATALOG_CRITERIA.columns)
SCORING_HEADER = list(CATALOG_SCORING.columns)
AWARD_HEADER = list(CATALOG_AWARD_LEVELS.columns)
ENTRY_HEADER = [
    "entry_id",
    "category",
    "nominee",
    "organization",
    "country",
    "submitted_at",
    "essay",
    "summary",
    "links",
]
JUROR_HEADER = list(JURORS_TABLE.columns)
SCORE_HEADER = list(SCORES_TABLE.columns)
RESULTS_HEADER = list(RESULTS_TABLE.columns)

CONTEST_NAME_PL = "Historyczne Nagrody Obsługi Klienta"
CONTEST_NAME_EN = "Historic Customer Service Awards (fictional benchmark contest)"

# (code, Polish name, English name) of each line of categories, in catalog order.
THEMES = (
    ("KONSULTANT", "Konsultant Roku", "Agent of the Year"),
    ("ZESPOL", "Zespół Roku", "Team of the Year"),
    ("LIDER", "Lider Zespołu Roku", "Team Leader of the Year"),
    ("TRENER", "Trener Roku", "Coach of the Year"),
    ("CZAT", "Mistrz Czatu", "Chat Champion"),
    ("KORESPONDENCJA", "Mistrz Korespondencji", "Letters Champion"),
    ("INFOLINIA", "Infolinia Roku", "Helpline of the Year"),
    ("WSPARCIE", "Wsparcie Techniczne Roku", "Technical Support of the Year"),
    ("SPRZEDAZ", "Sprzedaż przez Telefon", "Telephone Sales"),
    ("WINDYKACJA", "Windykacja z Empatią", "Collections with Empathy"),
    ("REKLAMACJE", "Obsługa Reklamacji", "Complaints Handling"),
    ("INNOWACJA", "Innowacja w Obsłudze", "Service Innovation"),
    ("DEBIUT", "Debiut Roku", "Newcomer of the Year"),
    ("JAKOSC", "Jakość Obsługi", "Service Quality"),
    ("SZKOLENIA", "Program Szkoleń", "Training Programme"),
    ("DOSTEPNOSC", "Obsługa bez Barier", "Accessible Service"),
    ("JEZYKI", "Obsługa Wielojęzyczna", "Multilingual Service"),
    ("KRYZYS", "Obsługa w Kryzysie", "Crisis Response"),
    ("SPOLECZNOSC", "Zaangażowanie Społeczne", "Community Engagement"),
    ("OUTSOURCING", "Outsourcing Roku", "Outsourcer of the Year"),
    ("ZAPLECZE", "Zaplecze Roku", "Back Office of the Year"),
    ("SAMOOBSLUGA", "Samoobsługa Klienta", "Customer Self-Service"),
    ("LOJALNOSC", "Program Lojalnościowy", "Loyalty Programme"),
    ("MENTOR", "Mentor Roku", "Mentor of the Year"),
    ("KIEROWNIK", "Kierownik Roku", "Manager of the Year"),
)
# The values each limit is drawn from; a category's limits drift between editions.
LIMIT_VALUES = {
    "essay_max_chars": (4000, 4500, 4900, 5000),
    "summary_max_chars": (1000, 1150, 1200),
    "summary_max_bullets": (8, 10),
    "max_links": (5, 8, 10),
}
# Per edition and category: the chance that one of its limits changes, that it is renamed.
LIMIT_DRIFT = 0.05
RENAME = 0.04
# The first edition writes a family code for every FAMILY_EVERY-th category only.
FAMILY_EVERY = 5
# About one entry in RULE_BREAK_EVERY breaks one limit of its category.
RULE_BREAK_EVERY = 20
RULE_BREAKS = (
    "essay_too_long",
    "summary_too_long",
    "summary_too_many_bullets",
    "summary_missing",
    "too_many_links",
)

SCALE_MIN, SCALE_MAX, SCALE_STEP = 0.0, 10.0, 0.5
# (code, Polish name, English name, weight); every criterion applies to every category.
CRITERIA = (
    ("KOMUNIKACJA", "Jasność komunikacji", "Clarity of communication", 1.5),
    ("EMPATIA", "Empatia i życzliwość", "Empathy and courtesy", 1.0),
    ("SKUTECZNOSC", "Skuteczność", "Effectiveness", 2.0),
    ("ORYGINALNOSC", "Oryginalność", "Originality", 0.5),
)
SCORING = {
    "aggregation": "criterion_panel",
    "trim_highest": 1,
    "trim_lowest": 1,
    "decimals": 2,
    "rounding": "half_up",
    "total": "points",
    "normalization": "none",
    "conflict_policy": "exclude",
    "min_evaluations": 3,
}
AWARD_LEVELS = (
    ("gold", "Złoto", "Gold", 1, 1, ""),
    ("silver", "Srebro", "Silver", 2, 2, ""),
    ("bronze", "Brąz", "Bronze", 3, 3, ""),
)
# Jurors of a scored edition: name, organization (never an entrant's), bias of their scores.
JURORS = (
    ("Zofia Dawna", "Fundacja Dawnych Nagród", -0.5),
    ("Jędrzej Kronikarz", "Archiwum Obsługi Klienta", 0.5),
    ("Urszula Rocznik", "Fundacja Dawnych Nagród", 0.0),
    ("Łucja Wspomnień", "Towarzystwo Historii Infolinii", 0.25),
    ("Bożydar Stulecki", "Kapituła Stulecia", -0.25),
)
NOMINEE_TEAMS = ("Dział Obsługi Klienta", "Zespół Wsparcia", "Biuro Obsługi", "Infolinia")
SENTENCES = (
    "Zespół skrócił średni czas oczekiwania na połączenie o jedną trzecią.",
    "Wdrożyliśmy obsługę wielokanałową: telefon, czat, e-mail i list.",
    "Zadowolenie klientów wzrosło w każdym kwartale roku.",
    "Kierownik zbudował program mentoringu dla nowych konsultantów.",
    "W czasie awarii obsłużyliśmy trzykrotnie więcej zgłoszeń bez utraty jakości.",
    "Rotacja pracowników spadła do najniższego poziomu w historii firmy.",
    "Klienci z niepełnosprawnościami mają dziś własną ścieżkę obsługi.",
    "Program lojalnościowy zmniejszył odpływ klientów rok do roku.",
    "Konsultanci przeszli szkolenia z komunikacji empatycznej.",
    "Обслуговування клієнтів українською мовою стало нашим стандартом.",
)
BULLETS = (
    "czas oczekiwania -33%", "FCR 87%", "rotacja 11%", "3 nagrody branżowe", "CSAT 4,7/5",
    "odpływ klientów -17%", "0 skarg do regulatora", "obsługa w 4 językach",
    "120 osób w programie mentoringu", "nowy CRM w 6 miesięcy", "NPS +23 pkt", "czat 24/7",
)  # fmt: skip


@dataclass
class Category:
    """One category of one edition, as its catalog/categories.csv writes it."""

    line: int  # the index of its line in THEMES (stable through renames)
    code: str
    name_pl: str
    name_en: str
    family_code: str
    limits: dict[str, int]
    previous_code: str | None = None
    renamed_from: tuple[str, str] | None = None  # (code, Polish name) of the last edition


@dataclass
class Edition:
    """One edition's catalog, before its entries are drawn."""

    year: int
    seed: float
    categories: list[Category] = field(default_factory=list)

    @property
    def folder_name(self) -> str:
        return f"{CONTEST}-{self.year}"


def plan_catalog(
    rng: random.Random, editions: int, categories: int, last_year: int = LAST_YEAR
) -> list[Edition]:
    """Every edition's categories and limits: the first drawn, each next drifting from it."""
    if not 1 <= categories <= len(THEMES):
        raise ValueError(f"categories must be 1..{len(THEMES)}")
    first_year = last_year - editions + 1
    plan: list[Edition] = []
    current: list[Category] = []
    renames = [0] * categories
    for year in range(first_year, last_year + 1):
        edition = Edition(year, rng.random())
        if not current:
            for line in range(categories):
                code, name_pl, name_en = THEMES[line]
                family = f"{CONTEST}_{code}" if line % FAMILY_EVERY == 0 else ""
                limits = {name: rng.choice(values) for name, values in LIMIT_VALUES.items()}
                current.append(Category(line, code, name_pl, name_en, family, limits))
        else:
            following = []
            for before in current:
                limits = dict(before.limits)
                if rng.random() < LIMIT_DRIFT:
                    name = rng.choice(sorted(LIMIT_VALUES))
                    limits[name] = rng.choice(LIMIT_VALUES[name])
                code, name_pl, name_en = before.code, before.name_pl, before.name_en
                renamed_from = None
                if rng.random() < RENAME:
                    renames[before.line] += 1
                    base_code, base_pl, base_en = THEMES[before.line]
                    number = renames[before.line] + 1
                    code = f"{base_code}_{number}"
                    name_pl = f"{base_pl} ({number}. formuła)"
                    name_en = f"{base_en} (format {number})"
                    renamed_from = (before.code, before.name_pl)
                following.append(
                    Category(before.line, code, name_pl, name_en, "", limits, before.code,
                             renamed_from)
                )  # fmt: skip
            current = following
        edition.categories = current
        plan.append(edition)
    return plan


def _write_catalog(folder: Path, edition: Edition) -> None:
    catalog = folder / CATALOG_FOLDER
    write_csv(
        catalog / "edition.csv",
        EDITION_HEADER,
        [[CONTEST_NAME_PL, CONTEST_NAME_EN, "Obsługa klienta", "Customer service",
          f"Regulamin fikcyjny {CONTEST} {edition.year} (benchmark Podium)"]],
    )  # fmt: skip
    write_csv(
        catalog / "categories.csv",
        CATEGORY_HEADER,
        [
            [c.code, c.name_pl, c.name_en, c.family_code, "nomination", order, "false",
             f"Nagroda {c.name_pl} za rok {edition.year - 1}.",
             "Zgłoszenie pisemne: esej, podsumowanie w punktach, linki.",
             c.limits["essay_max_chars"], c.limits["summary_max_chars"],
             c.limits["summary_max_bullets"], "true", c.limits["max_links"]]
            for order, c in enumerate(edition.categories, start=1)
        ],
    )  # fmt: skip
    renamed = [c for c in edition.categories if c.renamed_from]
    if renamed:
        write_csv(
            catalog / "category_aliases.csv",
            ALIAS_HEADER,
            [[alias, c.code] for c in renamed for alias in c.renamed_from],
        )
    if any(c.previous_code for c in edition.categories):
        write_csv(
            catalog / "lineage.csv",
            LINEAGE_HEADER,
            [
                [CONTEST, edition.year - 1, c.previous_code, c.code,
                 "renamed" if c.renamed_from else "same",
                 f"Renamed from {c.previous_code}." if c.renamed_from else ""]
                for c in edition.categories
            ],
        )  # fmt: skip
    write_csv(
        catalog / "criteria.csv",
        CRITERIA_HEADER,
        [
            [code, name_pl, name_en, f"{SCALE_MIN:g}", f"{SCALE_MAX:g}", f"{SCALE_STEP:g}",
             f"{weight:g}", ""]
            for code, name_pl, name_en, weight in CRITERIA
        ],
    )  # fmt: skip
    # Columns the benchmark leaves out take the scoring method's defaults.
    write_csv(
        catalog / "scoring.csv", SCORING_HEADER, [[SCORING.get(c, "") for c in SCORING_HEADER]]
    )
    write_csv(catalog / "award_levels.csv", AWARD_HEADER, [list(a) for a in AWARD_LEVELS])


def _essay(rng: random.Random, length: int) -> str:
    paragraphs, size = [], 0
    while size < length:
        paragraph = " ".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 4)))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)[:length].rstrip()


def _written(rng: random.Random, category: Category) -> str:
    draw = rng.random()
    if category.renamed_from and draw < 0.1:
        return category.renamed_from[1]  # last edition's name: an alias
    if draw < 0.5:
        return category.code
    if draw < 0.8:
        return category.name_pl
    if draw < 0.9:
        return category.name_en
    return category.code.lower()


def _entry_row(
    rng: random.Random, people: People, entry_id: str, year: int, category: Category, rule: str
) -> list[object]:
    limits = category.limits
    organization = people.organization()[1]
    nominee = (
        people.participant()
        if rng.random() < 0.5
        else f"{rng.choice(NOMINEE_TEAMS)} {organization.split()[0]}"
    )
    essay_limit = limits["essay_max_chars"]
    essay_length = (
        essay_limit + rng.randint(20, 400)
        if rule == "essay_too_long"
        else rng.randint(essay_limit // 4, essay_limit - 50)
    )
    # A summary too long keeps a bullet free for its one long bullet: it breaks one limit.
    bullet_count = (
        limits["summary_max_bullets"] + rng.randint(1, 2)
        if rule == "summary_too_many_bullets"
        else rng.randint(3, min(8, limits["summary_max_bullets"] - 1))
    )
    bullets = [rng.choice(BULLETS) for _ in range(bullet_count)]
    summary = "\n".join(f"- {b}" for b in bullets)
    if rule == "summary_too_long":
        filler = _essay(rng, limits["summary_max_chars"]).replace("\n", " ")
        summary = f"{summary}\n- {filler}"
    elif rule == "summary_missing":
        summary = ""
    link_count = (
        limits["max_links"] + rng.randint(1, 3)
        if rule == "too_many_links"
        else rng.randint(0, limits["max_links"])
    )
    domain = organization.split()[0].lower().strip(".,\"'")
    links = "\n".join(f"https://{domain}.example/{entry_id.lower()}/{n}" for n in range(link_count))
    submitted = (
        f"{year - 1}-{rng.randint(9, 12)}-{rng.randint(1, 28):02d}"
        f"T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00"
    )
    return [
        entry_id, _written(rng, category), nominee, organization, rng.choice(IBA_COUNTRIES),
        submitted, _essay(rng, essay_length), summary, links,
    ]  # fmt: skip


@dataclass
class EditionWritten:
    """What one edition folder holds."""

    entries: int = 0
    scores: int = 0
    published_results: int = 0
    rule_breaks: Counter = field(default_factory=Counter)


def _write_edition(target: Path, edition: Edition, entries: int, scored: bool) -> EditionWritten:
    rng = random.Random(edition.seed)
    people = People(rng)
    folder = target / edition.folder_name
    _write_catalog(folder, edition)
    written = EditionWritten(entries=entries)
    # Every category gets entries // categories entries; the rest go to categories drawn.
    per_category = [entries // len(edition.categories)] * len(edition.categories)
    for line in rng.sample(range(len(per_category)), entries % len(per_category)):
        per_category[line] += 1
    rows, made = [], []  # made: (entry id, category, breaks a rule)
    for category, count in zip(edition.categories, per_category, strict=True):
        for _ in range(count):
            entry_id = f"H{edition.year}-{len(rows) + 1:04d}"
            rule = rng.choice(RULE_BREAKS) if rng.randrange(RULE_BREAK_EVERY) == 0 else ""
            if rule:
                written.rule_breaks[rule] += 1
            rows.append(_entry_row(rng, people, entry_id, edition.year, category, rule))
            made.append((entry_id, category, bool(rule)))
    write_csv(folder / "entries.csv", ENTRY_HEADER, rows)
    if scored:
        written.scores = _write_jury(folder, rng, edition.year, [m[0] for m in made])
    else:
        written.published_results = _write_results(folder, rng, edition.categories, made)
    return written


def _write_jury(folder: Path, rng: random.Random, year: int, entry_ids: list[str]) -> int:
    jurors = [(f"H{year}-J{n}", name, org, bias) for n, (name, org, bias) in
              enumerate(JURORS, start=1)]  # fmt: skip
    rows = []
    for entry_id in entry_ids:
        quality = rng.uniform(4.5, 8.5)
        for juror_id, _, _, bias in jurors:
            for code, *_ in CRITERIA:
                value = round((quality + bias + rng.gauss(0.0, 0.9)) / SCALE_STEP) * SCALE_STEP
                value = min(SCALE_MAX, max(SCALE_MIN, value))
                rows.append([entry_id, juror_id, code, f"{value:.1f}"])
    written = [
        {"juror_id": j, "juror_name": name, "organization": org} for j, name, org, _ in jurors
    ]
    write_csv(
        folder / "jurors.csv", JUROR_HEADER, [[r.get(c, "") for c in JUROR_HEADER] for r in written]
    )
    write_csv(folder / "scores.csv", SCORE_HEADER, rows)
    return len(rows)


def _write_results(
    folder: Path,
    rng: random.Random,
    categories: list[Category],
    made: list[tuple[str, Category, bool]],
) -> int:
    """The winners list: places 1-3 of each category among its entries breaking no rule."""
    rows = []
    for category in categories:
        valid = [entry_id for entry_id, c, breaks in made if c is category and not breaks]
        for rank, entry_id in enumerate(rng.sample(valid, min(len(AWARD_LEVELS), len(valid))), 1):
            rows.append([entry_id, rank, AWARD_LEVELS[rank - 1][0]])
    write_csv(folder / "results.csv", RESULTS_HEADER, rows)
    return len(rows)


def generate(
    target: Path,
    seed: int = SEED,
    editions: int = EDITIONS,
    categories: int = CATEGORIES,
    entries: int = ENTRIES,
    scored_editions: int = SCORED_EDITIONS,
) -> dict:
    """Write the HIST editions under target; what was written, as counts."""
    rng = random.Random(seed)
    plan = plan_catalog(rng, editions, categories)
    per_edition = [entries // editions + (1 if n < entries % editions else 0)
                   for n in range(editions)]  # fmt: skip
    totals = EditionWritten()
    for number, (edition, count) in enumerate(zip(plan, per_edition, strict=True)):
        written = _write_edition(target, edition, count, number >= editions - scored_editions)
        totals.entries += written.entries
        totals.scores += written.scores
        totals.published_results += written.published_results
        totals.rule_breaks.update(written.rule_breaks)
    catalog_rows = [c for e in plan for c in e.categories]
    return {
        "contest": CONTEST,
        "editions": editions,
        "first_year": plan[0].year,
        "last_year": plan[-1].year,
        "categories_per_edition": categories,
        "catalog_categories": len(catalog_rows),
        "renamed": sum(1 for c in catalog_rows if c.renamed_from),
        "limit_sets": len({tuple(sorted(c.limits.items())) for c in catalog_rows}),
        "entries": totals.entries,
        "scored_editions": min(scored_editions, editions),
        "scores": totals.scores,
        "published_results": totals.published_results,
        "rule_breaks": dict(sorted(totals.rule_breaks.items())),
    }


def disk_bytes(folder: Path) -> int:
    """Bytes allocated on disk under folder, as du counts them."""
    return sum(p.stat().st_blocks * 512 for p in folder.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--editions", type=int, default=EDITIONS)
    parser.add_argument("--categories", type=int, default=CATEGORIES)
    parser.add_argument("--entries", type=int, default=ENTRIES)
    parser.add_argument("--scored-editions", type=int, default=SCORED_EDITIONS)
    args = parser.parse_args()
    if args.target.exists():
        shutil.rmtree(args.target)
    started = time.perf_counter()
    summary = generate(
        args.target, args.seed, args.editions, args.categories, args.entries, args.scored_editions
    )
    seconds = time.perf_counter() - started
    report({**summary, "seconds": seconds, "disk_bytes": disk_bytes(args.target)})


if __name__ == "__main__":
    main()
