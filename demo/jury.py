"""Demo jurors.csv and scores.csv for every edition folder, with jurors who have real biases.

Each edition gets a harsh juror, a lenient one, a juror who works for an entrant's
organization (so the warehouse has a conflict of interest to exclude) and neutral ones.
In the editions named in FORMER_EMPLOYER_EDITIONS the harsh juror also lists two former
employers among the entrants' organizations: one left within the edition's former-employer
window (a conflict) and one left long before it (none); the last neutral juror lists one
without a year (MALFORMED_FORMER_EMPLOYER: reported and ignored). Scores follow the rubric seed, so the
demo and the warehouse share one definition of it.
"""

from __future__ import annotations

import csv
import random
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from demo.catalog import ORGANIZATIONS
from demo.limits import SEEDS
from ingest.contract import ENTRIES, JURORS
from ingest.drop_folder import discover_editions
from ingest.tables import read_table

RUBRIC_SEED = SEEDS / "scoring/scoring_criteria.csv"

JUROR_NAMES = {
    "PCCA": ["Barbara Nowicka", "Grzegorz Dąbrowski", "Małgorzata Lis", "Piotr Zieliński",
             "Katarzyna Wójcik"],
    "IBA": ["Margaret Ellison", "Tomás Herrera", "Ingrid Solberg", "Daniel Okafor",
            "Hanna Kowalczyk"],
}  # fmt: skip
NEUTRAL_ORGANIZATIONS = ["Stowarzyszenie Marketingu Bezpośredniego", "Uniwersytet Łódzki"]
ORGANIZATION_SEED = SEEDS / "organizations/organization_legal_forms.csv"
# Editions whose harsh juror lists former employers; years left: one recent, one long ago.
FORMER_EMPLOYER_EDITIONS = ("PCCA-2026",)
RECENT_EMPLOYER_YEARS_AGO, OLD_EMPLOYER_YEARS_AGO = 2, 7
# A former employer written without its year, as a juror might: no organization entered.
MALFORMED_FORMER_EMPLOYER = ("Uniwersytet Warszawski", "dawno")


@dataclass(frozen=True)
class Criterion:
    """One rubric row as the demo needs it."""

    code: str
    scale_min: int
    scale_max: int
    interaction_forms: tuple[str, ...]
    sales_only: bool


@dataclass(frozen=True)
class DemoJuror:
    """A demo juror and the bias they add to every score they give.

    former_organizations holds (organization, last year employed) pairs, as written."""

    juror_id: str
    name: str
    organization: str
    bias: float
    former_organizations: tuple[tuple[str, int | str], ...] = ()

    @property
    def former_organizations_as_written(self) -> str:
        return "|".join(f"{name}:{year}" for name, year in self.former_organizations)


@dataclass(frozen=True)
class EditionJury:
    """What write_edition_jury wrote into one edition: its jurors, who scored which entry,
    and the evaluations it spoiled (an out-of-scale score, a criterion left unscored)."""

    edition: str
    jurors: tuple[DemoJuror, ...]
    panels: dict[str, tuple[str, ...]]
    spoiled: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class DemoEntry:
    entry_id: str
    category: str
    organization: str


def _rubric(contest_code: str, year: int) -> list[Criterion]:
    with RUBRIC_SEED.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [
        Criterion(
            code=row["criterion_code"],
            scale_min=int(row["scale_min"]),
            scale_max=int(row["scale_max"]),
            interaction_forms=tuple(row["interaction_forms"].split("|")),
            sales_only=row["sales_only"] == "true",
        )
        for row in rows
        if row["contest_code"] == contest_code
        and int(row["valid_from_year"]) <= year
        and (not row["valid_to_year"] or year <= int(row["valid_to_year"]))
    ]


def _read_seed(relative: str) -> list[dict[str, str]]:
    with (SEEDS / relative).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def _normalize(name: str) -> str:
    """A category name reduced as the rules catalog reduces it (accents, case, punctuation)."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return " ".join(re.split(r"[^\w]+|_", plain)).strip()


@cache
def _legal_forms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = _read_seed(ORGANIZATION_SEED.relative_to(SEEDS).as_posix())
    forms = sorted(rows, key=lambda row: -len(row["legal_form"]))
    trailing = "|".join(re.escape(row["legal_form"]) for row in forms)
    leading = "|".join(re.escape(row["legal_form"]) for row in forms if row["may_lead"] == "true")
    return re.compile(rf"\s({trailing})$"), re.compile(rf"^({leading})\s")


@cache
def _simplified(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L").lower())
    kept = "".join(
        ch if unicodedata.category(ch)[0] in "LN" else " "
        for ch in decomposed
        if not unicodedata.combining(ch)
    )
    return " ".join(kept.split())


@cache
def organization_match_key(name: str) -> str:
    """An organization's name reduced as the warehouse matches organizations
    (int_organizations_normalized): case, accents and punctuation, then legal forms."""
    trailing, leading = _legal_forms()
    stripped = trailing.sub("", trailing.sub("", _simplified(name)))
    return leading.sub("", stripped).strip()


@cache
def registered_organizations() -> dict[str, str]:
    """The demo organizations' registered names by match key (a juror or an organizer writes
    the registered name; entrants also write variants, some of which match no other)."""
    return {organization_match_key(name): name for name, _ in ORGANIZATIONS}


def person_match_key(name: str) -> str:
    """A person's name reduced as the warehouse matches participants (int_entries_keyed)."""
    return _simplified(name)


@dataclass(frozen=True)
class CategoryProfile:
    """What the rubric needs of a category: its interaction form and whether it is a sale."""

    interaction_form: str
    is_sales: bool


def _category_profiles(contest_code: str, year: int) -> dict[str, CategoryProfile]:
    """Every name of the edition's categories (official, English, code, alias) to its profile;
    a name shared by categories of different profiles is left out."""

    def in_edition(row: dict[str, str]) -> bool:
        return row["contest_code"] == contest_code and int(row["edition_year"]) == year

    forms = {
        r["category_code"]: r["interaction_form"]
        for r in _read_seed("rules/category_technical_limits.csv")
        if in_edition(r)
    }
    nomination = any(in_edition(r) for r in _read_seed("rules/nomination_limits.csv"))
    sales = {
        r["category_code"]
        for r in _read_seed("scoring/scoring_sales_categories.csv")
        if in_edition(r)
    }
    names: dict[str, set[str]] = {}
    for row in _read_seed("rules/categories.csv"):
        if in_edition(row):
            for name in (row["category_code"], row["category_name_pl"], row["category_name_en"]):
                names.setdefault(_normalize(name), set()).add(row["category_code"])
    for row in _read_seed("rules/category_aliases.csv"):
        if in_edition(row):
            names.setdefault(_normalize(row["alias"]), set()).add(row["category_code"])
    profiles = {}
    for name, codes in names.items():
        found = {
            CategoryProfile("nomination" if nomination else forms.get(code, "voice"), code in sales)
            for code in codes
        }
        if len(found) == 1:
            profiles[name] = found.pop()
    return profiles


def _applicable(rubric: list[Criterion], profile: CategoryProfile) -> list[Criterion]:
    return [
        c
        for c in rubric
        if profile.interaction_form in c.interaction_forms
        and (profile.is_sales or not c.sales_only)
    ]


def _entries(edition) -> list[DemoEntry]:
    frame = read_table(edition, ENTRIES).frame
    seen, entries = set(), []
    for row in frame.iter_rows(named=True):
        entry_id, category = row["entry_id"], row["category"]
        if entry_id and category and entry_id not in seen:
            seen.add(entry_id)
            entries.append(DemoEntry(entry_id, category, row["organization"] or ""))
    return entries


# Role, organization (None: the conflicted juror takes an entrant's) and score bias.
JUROR_PLANS: tuple[tuple[str, str | None, float], ...] = (
    ("harsh", NEUTRAL_ORGANIZATIONS[0], -1.6),
    ("lenient", NEUTRAL_ORGANIZATIONS[1], 1.6),
    ("conflicted", None, 0.0),
    ("neutral", NEUTRAL_ORGANIZATIONS[0], 0.0),
    ("neutral", NEUTRAL_ORGANIZATIONS[1], 0.0),
)


def demo_juror_roles(edition_name: str) -> dict[str, str]:
    """The role (harsh, lenient, conflicted, neutral) of each demo juror id of an edition."""
    return {f"{edition_name}-J{n}": plan[0] for n, plan in enumerate(JUROR_PLANS, start=1)}


def _jurors(
    contest_code: str,
    conflicted_organization: str,
    prefix: str,
    former: tuple[tuple[str, int], ...] = (),
    malformed: tuple[tuple[str, str], ...] = (),
) -> list[DemoJuror]:
    names = JUROR_NAMES.get(contest_code, JUROR_NAMES["IBA"])
    # The conflicted juror's organization is written in another case than the entrant's.
    # The harsh juror (the first) scores every entry: their former employers' entries too.
    # The last juror's malformed one names no entrant, so it would change nothing anyway.
    return [
        DemoJuror(
            f"{prefix}-J{number}",
            name,
            organization or conflicted_organization.upper(),
            bias,
            former if number == 1 else malformed if number == len(JUROR_PLANS) else (),
        )
        for number, (name, (_, organization, bias)) in enumerate(
            zip(names, JUROR_PLANS, strict=True), start=1
        )
    ]


def _former_employers(
    entries: list[DemoEntry], year: int, conflicted_organization: str
) -> tuple[tuple[str, int], ...]:
    """Two entrants' organizations other than the conflicted juror's, by registered name:
    the first left RECENT_EMPLOYER_YEARS_AGO, the second OLD_EMPLOYER_YEARS_AGO."""
    registered = registered_organizations()
    taken = {organization_match_key(conflicted_organization)}
    chosen: list[str] = []
    for entry in entries:
        key = organization_match_key(entry.organization)
        if key in registered and key not in taken:
            taken.add(key)
            chosen.append(registered[key])
    if len(chosen) < 2:
        return ()
    recent, old = chosen[:2]
    return ((recent, year - RECENT_EMPLOYER_YEARS_AGO), (old, year - OLD_EMPLOYER_YEARS_AGO))


def _write(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def write_edition_jury(edition, rng: random.Random) -> EditionJury | None:
    """Write jurors.csv and scores.csv into one edition folder from its entries file."""
    entries = _entries(edition)
    if not entries:
        return None
    rubric = _rubric(edition.contest_code, edition.edition_year)
    profiles = _category_profiles(edition.contest_code, edition.edition_year)
    # An unresolvable category is scored on the common criteria; the warehouse reports it.
    fallback = CategoryProfile("nomination" if edition.contest_code == "IBA" else "voice", False)
    conflicted_organization = entries[0].organization
    former = (
        _former_employers(entries, edition.edition_year, conflicted_organization)
        if edition.name in FORMER_EMPLOYER_EDITIONS
        else ()
    )
    malformed = (MALFORMED_FORMER_EMPLOYER,) if former else ()
    jurors = _jurors(edition.contest_code, conflicted_organization, edition.name, former, malformed)
    harsh, lenient, conflicted, *neutral = jurors
    scores: list[list[object]] = []
    panels: dict[str, tuple[str, ...]] = {}
    for entry in entries:
        quality = rng.uniform(4.0, 8.5)
        panel = [harsh, lenient, *rng.sample([conflicted, *neutral], 2)]
        if entry.organization == conflicted_organization and conflicted not in panel:
            panel[-1] = conflicted
        panels[entry.entry_id] = tuple(juror.juror_id for juror in panel)
        criteria = _applicable(rubric, profiles.get(_normalize(entry.category), fallback))
        for juror in panel:
            for criterion in criteria:
                value = round(quality + juror.bias + rng.gauss(0.0, 0.8))
                value = min(criterion.scale_max, max(criterion.scale_min, value))
                scores.append([entry.entry_id, juror.juror_id, criterion.code, value])
    spoiled = _spoil(scores, neutral, rng)
    _write(
        edition.folder / "jurors.csv",
        list(JURORS.columns),
        [[j.juror_id, j.name, j.organization, j.former_organizations_as_written] for j in jurors],
    )
    _write(
        edition.folder / "scores.csv", ["entry_id", "juror_id", "criterion_code", "score"], scores
    )
    return EditionJury(edition.name, tuple(jurors), panels, spoiled)


def _spoil(
    scores: list[list[object]], neutral: list[DemoJuror], rng: random.Random
) -> frozenset[tuple[str, str]]:
    """One score outside the scale and one criterion left unscored, as real score sheets have;
    the (entry id, juror id) evaluations spoiled."""
    neutral_ids = {j.juror_id for j in neutral}
    candidates = [i for i, row in enumerate(scores) if row[1] in neutral_ids]
    if len(candidates) < 2:
        return frozenset()
    out_of_scale, missing = rng.sample(candidates, 2)
    spoiled = frozenset((str(scores[i][0]), str(scores[i][1])) for i in (out_of_scale, missing))
    scores[out_of_scale][3] = 11
    del scores[missing]
    return spoiled


def write_jury_files(
    target: Path, rng: random.Random, editions: Collection[str] | None = None
) -> dict[str, EditionJury]:
    """Write demo jurors.csv and scores.csv into every edition folder under target, or only
    into those named in editions (the fictional GHA editions write their own, or none);
    what was written, by edition folder name."""
    written = {}
    for edition in discover_editions(target):
        if editions is None or edition.name in editions:
            jury = write_edition_jury(edition, rng)
            if jury is not None:
                written[edition.name] = jury
    return written
