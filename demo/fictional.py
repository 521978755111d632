"""GHA 2025 and GHA 2026: a fictional contest that only its drop folder's catalog/ defines.

"Nagroda Złotej Słuchawki" / "Golden Headset Awards" is made up for the demo: no seed, model
or line of code knows it. Each edition folder brings its own catalog (docs: the README's drop
folder and ingest.contract.CATALOG_CONTRACTS), so the warehouse must learn the contest, its
categories, lineage, criteria, scoring method and awards from these files alone.

- GHA-2025: three categories with no limits, entries, and the published winners list
  (results.csv: rank and award level). No jurors and no scores: its results are taken as given.
- GHA-2026: KONSULTANT kept the same (family_code left empty: its family comes from lineage),
  ZESPOL renamed ZESPOL_WSPARCIA, PISANE split into CZAT and KORESPONDENCJA, DEBIUT new; four
  criteria on a 0-10 scale in steps of 0.5 with different weights (INNOWACJA only for two
  categories, EMPATIA weighted 1.25 in KONSULTANT by criterion_weights.csv), scored with
  `criterion_panel`: per criterion the highest and lowest of five jurors' scores are trimmed,
  the three left are averaged and rounded half up to 2 decimals, then weight x panel score is
  rounded again. Every juror scores every applicable criterion of every entry; no juror works
  for an entrant.

Every GHA entry is valid: it breaks no rule. No cases.csv or files.csv: the contest has no
media, so it changes no media count. Deterministic for a seed; `scale` multiplies the entries.

Rounding boundaries (PANEL_BOUNDARY_CASES): the mean of three scores on a 0.5 grid is k/6, so
a panel score itself never ends in an exact 5 at the third decimal; the weighted score does.
Entry G26-00001 (KONSULTANT, the first entry of GHA-2026, whatever the seed or scale):
- EMPATIA (weight 1.25 in KONSULTANT): jurors J1-J5 give 8.0, 6.0, 6.5, 7.0, 5.0; trimming
  drops 8.0 (J1) and 5.0 (J5); the panel score is (6.0 + 6.5 + 7.0) / 3 = 6.5 exactly, and
  the weighted score 1.25 x 6.5 = 8.125: 8.13 half up, 8.12 half even.
- KOMUNIKACJA (weight 1.5): jurors give 7.0, 9.0, 8.0, 8.5, 6.5; trimming drops 9.0 (J2) and
  6.5 (J5); the panel mean (7.0 + 8.0 + 8.5) / 3 = 7.8333... is 7.83 either way, and the
  weighted score 1.5 x 7.83 = 11.745: 11.75 half up, 11.74 half even (unrounded, 1.5 x
  7.8333... would be 11.75).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

from demo.people import People
from demo.records import DemoEntry, write_csv
from ingest.contract import (
    CATALOG_ALIASES,
    CATALOG_AWARD_LEVELS,
    CATALOG_CATEGORIES,
    CATALOG_CRITERIA,
    CATALOG_CRITERION_WEIGHTS,
    CATALOG_EDITION,
    CATALOG_FOLDER,
    CATALOG_LINEAGE,
    CATALOG_SCORING,
    CATEGORY_LIMIT_COLUMNS,
    JURORS,
    RESULTS,
    SCORES,
)

CONTEST = "GHA"
EDITIONS = ("GHA-2025", "GHA-2026")
# Entries per category at scale 1: 2025 has one more than its three places, so its winners
# list shows every award and still leaves an entry out.
ENTRIES_PER_CATEGORY = {2025: 4, 2026: 3}
SCALE_MIN, SCALE_MAX, SCALE_STEP = 0.0, 10.0, 0.5

CONTEST_NAME_PL = "Nagroda Złotej Słuchawki"
CONTEST_NAME_EN = "Golden Headset Awards (fictional demo contest)"
# Headers as the drop-folder contract names the columns (ingest/contract.py).
EDITION_HEADER = list(CATALOG_EDITION.columns)
CATEGORY_HEADER = [c for c in CATALOG_CATEGORIES.columns if c not in CATEGORY_LIMIT_COLUMNS]
ALIAS_HEADER = list(CATALOG_ALIASES.columns)
LINEAGE_HEADER = list(CATALOG_LINEAGE.columns)
CRITERIA_HEADER = list(CATALOG_CRITERIA.columns)
WEIGHT_HEADER = list(CATALOG_CRITERION_WEIGHTS.columns)
AWARD_HEADER = list(CATALOG_AWARD_LEVELS.columns)
ENTRY_HEADER = ["entry_id", "category", "participant_name", "organization", "submitted_at"]
RESULTS_HEADER = list(RESULTS.columns)
JUROR_HEADER = list(JURORS.columns)
SCORE_HEADER = list(SCORES.columns)


@dataclass(frozen=True)
class Category:
    """One GHA category as its edition's catalog/categories.csv lists it."""

    code: str
    name_pl: str
    name_en: str
    family_code: str
    definition_pl: str
    formal_condition_pl: str
    aliases: tuple[str, ...] = ()


NO_RECORDINGS = "Zgłoszenie bez nagrań i załączników: opis w formularzu (konkurs fikcyjny)."

CATEGORIES = {
    2025: (
        Category(
            "KONSULTANT", "Konsultant Roku", "Agent of the Year", "GHA_KONSULTANT",
            "Nagroda dla konsultanta, który w rozmowach łączy skuteczność z życzliwością.",
            NO_RECORDINGS,
        ),
        Category(
            "ZESPOL", "Zespół Roku", "Team of the Year", "GHA_ZESPOL",
            "Nagroda dla zespołu infolinii, który najlepiej współpracuje na rzecz klienta.",
            NO_RECORDINGS,
        ),
        Category(
            "PISANE", "Mistrz Kanałów Pisanych", "Written Channels Champion", "GHA_PISANE",
            "Nagroda za obsługę klienta na czacie, w e-mailach i listach.",
            NO_RECORDINGS,
        ),
    ),
    2026: (
        # Kept the same; no family_code written, so the family comes from lineage.
        Category(
            "KONSULTANT", "Konsultant Roku", "Agent of the Year", "",
            "Nagroda dla konsultanta, który w rozmowach łączy skuteczność z życzliwością.",
            NO_RECORDINGS, aliases=("Konsultantka Roku",),
        ),
        Category(
            "ZESPOL_WSPARCIA", "Zespół Wsparcia Roku", "Support Team of the Year", "GHA_ZESPOL",
            "Nagroda dla zespołu wsparcia, który najlepiej współpracuje na rzecz klienta.",
            NO_RECORDINGS, aliases=("Zespół Roku", "Team of the Year"),
        ),
        Category(
            "CZAT", "Mistrz Czatu", "Chat Champion", "GHA_PISANE",
            "Nagroda za obsługę klienta na czacie.",
            NO_RECORDINGS, aliases=("Najlepszy czat",),
        ),
        Category(
            "KORESPONDENCJA", "Mistrz Korespondencji", "E-mail and Letters Champion",
            "GHA_PISANE",
            "Nagroda za odpowiedzi na e-maile i listy klientów.",
            NO_RECORDINGS, aliases=("E-mail", "Listy i e-maile"),
        ),
        Category(
            "DEBIUT", "Debiut Roku", "Newcomer of the Year", "GHA_DEBIUT",
            "Nagroda dla konsultanta w pierwszym roku pracy (nowa kategoria 2026).",
            NO_RECORDINGS, aliases=("Debiutant Roku",),
        ),
    ),
}  # fmt: skip

# 2026 categories from 2025 ones: (from, to, relation, note).
LINEAGE_2026 = (
    ("KONSULTANT", "KONSULTANT", "same", "Unchanged; its family comes from this link."),
    ("ZESPOL", "ZESPOL_WSPARCIA", "renamed", "Team of the Year renamed Support Team of the Year."),
    ("PISANE", "CZAT", "split_into", "Written channels split: chat."),
    ("PISANE", "KORESPONDENCJA", "split_into", "Written channels split: e-mail and letters."),
)


@dataclass(frozen=True)
class Criterion:
    code: str
    name_pl: str
    name_en: str
    weight: float
    categories: tuple[str, ...] = ()  # empty: every category


CRITERIA_2026 = (
    Criterion("KOMUNIKACJA", "Jasność komunikacji", "Clarity of communication", 1.5),
    Criterion("EMPATIA", "Empatia i życzliwość", "Empathy and courtesy", 1.0),
    Criterion("SKUTECZNOSC", "Skuteczność rozwiązania", "Effectiveness of the solution", 2.0),
    Criterion(
        "INNOWACJA", "Innowacyjność podejścia", "Innovative approach", 0.5,
        ("ZESPOL_WSPARCIA", "DEBIUT"),
    ),
)  # fmt: skip
# (category, criterion) -> the weight that replaces the criterion's own in that category.
WEIGHT_OVERRIDES_2026 = {("KONSULTANT", "EMPATIA"): 1.25}
# The columns left out (former_employer_years) are not written and take their defaults, as
# in a scoring.csv written before they existed.
SCORING_2026 = {
    "aggregation": "criterion_panel", "trim_highest": 1, "trim_lowest": 1, "decimals": 2,
    "rounding": "half_up", "total": "points", "normalization": "none",
    "conflict_policy": "exclude", "min_evaluations": 3,
}  # fmt: skip

PLACES = [
    ["first_place", "I miejsce", "First place", 1, 1, ""],
    ["second_place", "II miejsce", "Second place", 2, 2, ""],
    ["third_place", "III miejsce", "Third place", 3, 3, ""],
]
AWARD_LEVELS = {
    2025: PLACES,
    2026: [
        *PLACES,
        ["wyroznienie", "Wyróżnienie", "Honourable mention", 4, "", 35],
    ],
}

# Jurors of 2026: name, organization (none an entrant's) and the bias of their scores.
JURORS_2026 = (
    ("Zofia Słuchajska", "Fundacja Złotej Słuchawki", -0.5),
    ("Jędrzej Gwiazdowski", "Akademia Uprzejmej Rozmowy", 0.5),
    ("Urszula Żółkiewska", "Fundacja Złotej Słuchawki", 0.0),
    ("Łucja Dźwięcka", "Towarzystwo Miłośników Infolinii", 0.25),
    ("Bożydar Ćmielewski", "Niezależna Kapituła Słuchawki", -0.25),
)


@dataclass(frozen=True)
class BoundaryCase:
    """A panel whose weighted score lands exactly on a rounding tie (see the module doc)."""

    entry_id: str
    criterion_code: str
    juror_scores: tuple[float, ...]  # jurors J1..J5, in order
    weight: float
    panel_score: float  # the trimmed mean, rounded to 2 decimals (no tie there)
    weighted_unrounded: float  # weight x panel score: a tie at the third decimal
    half_up: float
    half_even: float


BOUNDARY_ENTRY = "G26-00001"  # the first KONSULTANT entry of GHA-2026
PANEL_BOUNDARY_CASES = (
    BoundaryCase(
        BOUNDARY_ENTRY, "EMPATIA", (8.0, 6.0, 6.5, 7.0, 5.0), 1.25, 6.5, 8.125, 8.13, 8.12
    ),
    BoundaryCase(
        BOUNDARY_ENTRY, "KOMUNIKACJA", (7.0, 9.0, 8.0, 8.5, 6.5), 1.5, 7.83, 11.745, 11.75, 11.74
    ),
)


def _number(value: float) -> str:
    """A weight or score as written in the catalog: 1.5, 2, 0.5."""
    return f"{value:g}"


def _score(value: float) -> str:
    """A score on the 0.5 grid as jurors' sheets write it: 7.0, 8.5."""
    return f"{value:.1f}"


def _write_catalog(folder: Path, year: int) -> None:
    catalog = folder / CATALOG_FOLDER
    source = (
        f"Regulamin fikcyjny GHA {year} (dane demonstracyjne Podium; brak dokumentu źródłowego)"
    )
    write_csv(
        catalog / "edition.csv",
        EDITION_HEADER,
        [[CONTEST_NAME_PL, CONTEST_NAME_EN, "Obsługa klienta (konkurs fikcyjny)",
          "Customer service (fictional contest)", source]],
    )  # fmt: skip
    # interaction_form stays empty: nothing is submitted to check or score by form (no media;
    # the catalog's criteria name their categories themselves).
    write_csv(
        catalog / "categories.csv",
        CATEGORY_HEADER,
        [
            [c.code, c.name_pl, c.name_en, c.family_code, "", order, "false",
             c.definition_pl, c.formal_condition_pl]
            for order, c in enumerate(CATEGORIES[year], start=1)
        ],
    )  # fmt: skip
    write_csv(catalog / "award_levels.csv", AWARD_HEADER, AWARD_LEVELS[year])
    if year == 2025:
        return
    write_csv(
        catalog / "category_aliases.csv",
        ALIAS_HEADER,
        [[alias, c.code] for c in CATEGORIES[year] for alias in c.aliases],
    )
    write_csv(
        catalog / "lineage.csv",
        LINEAGE_HEADER,
        [[CONTEST, 2025, source_code, target, relation, note]
         for source_code, target, relation, note in LINEAGE_2026],
    )  # fmt: skip
    write_csv(
        catalog / "criteria.csv",
        CRITERIA_HEADER,
        [
            [c.code, c.name_pl, c.name_en, _number(SCALE_MIN), _number(SCALE_MAX),
             _number(SCALE_STEP), _number(c.weight), "|".join(c.categories)]
            for c in CRITERIA_2026
        ],
    )  # fmt: skip
    write_csv(
        catalog / "criterion_weights.csv",
        WEIGHT_HEADER,
        [[category, criterion, _number(weight)]
         for (category, criterion), weight in WEIGHT_OVERRIDES_2026.items()],
    )  # fmt: skip
    header = [column for column in CATALOG_SCORING.columns if column in SCORING_2026]
    write_csv(catalog / "scoring.csv", header, [[SCORING_2026[column] for column in header]])


def _entries(
    folder: Path, year: int, rng: random.Random, scale: int
) -> list[tuple[DemoEntry, Category]]:
    people = People(rng)
    made: list[tuple[DemoEntry, Category]] = []
    rows = []
    prefix = f"G{year % 100}"
    for category in CATEGORIES[year]:
        names = (category.name_en, category.code, *category.aliases)
        for _ in range(ENTRIES_PER_CATEGORY[year] * scale):
            entry_id = f"{prefix}-{len(made) + 1:05d}"
            written = rng.choice(names) if rng.random() < 0.25 else category.name_pl
            participant = people.participant()
            _, organization = people.organization()
            entry = DemoEntry(
                f"{CONTEST}-{year}", entry_id, category.name_pl, written, participant, organization
            )
            made.append((entry, category))
            submitted = (
                f"{year - 1}-{rng.randint(10, 12)}-{rng.randint(1, 28):02d}"
                f"T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00"
            )
            rows.append([entry_id, written, participant, organization, submitted])
    write_csv(folder / "entries.csv", ENTRY_HEADER, rows)
    return made


def _published_results(
    folder: Path, rng: random.Random, made: list[tuple[DemoEntry, Category]]
) -> None:
    """The winners list of 2025: places 1-3 of each category (never all its entries)."""
    rows = []
    for category in CATEGORIES[2025]:
        entries = [entry for entry, c in made if c is category]
        order = sorted(entries, key=lambda _: rng.random())
        for rank, entry in enumerate(order[: min(len(PLACES), len(entries) - 1)], start=1):
            rows.append([entry.entry_id, rank, PLACES[rank - 1][0]])
    write_csv(folder / "results.csv", RESULTS_HEADER, rows)


def applicable_criteria(category_code: str) -> list[Criterion]:
    """The GHA 2026 criteria a category is scored on."""
    return [c for c in CRITERIA_2026 if not c.categories or category_code in c.categories]


def _jury(folder: Path, rng: random.Random, made: list[tuple[DemoEntry, Category]]) -> None:
    jurors = [(f"G26-J{n}", *juror) for n, juror in enumerate(JURORS_2026, start=1)]
    fixed = {
        (case.entry_id, case.criterion_code): case.juror_scores for case in PANEL_BOUNDARY_CASES
    }
    rows = []
    for entry, category in made:
        quality = rng.uniform(5.0, 8.5)
        for number, (juror_id, _, _, bias) in enumerate(jurors):
            for criterion in applicable_criteria(category.code):
                value = round((quality + bias + rng.gauss(0.0, 0.9)) / SCALE_STEP) * SCALE_STEP
                value = min(SCALE_MAX, max(SCALE_MIN, value))
                if (entry.entry_id, criterion.code) in fixed:
                    value = fixed[entry.entry_id, criterion.code][number]
                rows.append([entry.entry_id, juror_id, criterion.code, _score(value)])
    juror_rows = [
        {"juror_id": j, "juror_name": name, "organization": org} for j, name, org, _ in jurors
    ]
    write_csv(
        folder / "jurors.csv",
        JUROR_HEADER,
        [[row.get(c, "") for c in JUROR_HEADER] for row in juror_rows],
    )
    write_csv(folder / "scores.csv", SCORE_HEADER, rows)


def write_fictional(target: Path, seed: float, scale: int) -> dict[str, list[DemoEntry]]:
    """Write GHA-2025 and GHA-2026 under target; their entries (all valid) by edition."""
    rng = random.Random(seed)
    seeds = {name: rng.random() for name in EDITIONS}
    written: dict[str, list[DemoEntry]] = {}
    for name in EDITIONS:
        folder, year = target / name, int(name[-4:])
        edition_rng = random.Random(seeds[name])
        _write_catalog(folder, year)
        made = _entries(folder, year, edition_rng, scale)
        if year == 2025:
            _published_results(folder, edition_rng, made)
        else:
            _jury(folder, edition_rng, made)
        written[name] = [entry for entry, _ in made]
    return written
