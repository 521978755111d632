"""The demo's judging integrity files: conflicts.csv and decisions.csv of JUDGED_EDITION.

Everything is picked from what the generator made, without random draws (so no other
edition changes): the entries and the rules each breaks, the jury's panels and the
evaluations it spoiled (demo.jury). The plan says what each row must do, for tests:

- conflicts.csv: a declared conflict of every kind, with both scopes and every form of
  target (an entry, an organization, a participant); each removes the evaluations in its
  `removes`, none shared with another conflict (declared or detected). Evaluations the jury
  spoiled, and entries of an unknown category, are excluded for that whatever a conflict
  says: no set of the plan holds them. Where it can (at scale 1 always), no entry loses more
  than two of its four jurors (one if a spoiled evaluation already costs it one), so every
  entry keeps the minimum panel. Two rows are invalid and remove nothing: an opt-out
  without a note, and an unknown juror.
- decisions.csv: an overturned violation that was its entry's only error (the entry becomes
  valid), an overturned violation of an entry with another error left (it stays invalid),
  an exception granted (valid), an upheld violation and an upheld appeal against a result
  (nothing changes), a disqualification of a valid entry (invalid, rule
  DISQUALIFIED_RULE with the decision's reason as its message); and three rows that must not
  be applied: no reason, an unknown entry, and a rule code the entry does not have.
- jurors.csv (written by demo.jury): the harsh juror's former employers, one within
  the edition's former-employer window (a detected conflict on each of its entries) and one
  left long before (no conflict); another juror's former employer has no year (an issue).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from demo.jury import (
    EditionJury,
    organization_match_key,
    person_match_key,
    registered_organizations,
)
from demo.records import DemoDropFolder, DemoEntry, write_csv
from ingest.contract import CONFLICTS, DECISIONS

JUDGED_EDITION = "PCCA-2026"
DISQUALIFIED_RULE = "DECISION_DISQUALIFIED"
# The first entry of the judged edition breaking DOUBLE_BREAK[0] breaks the others too, so
# that overturning one of its errors leaves another.
DOUBLE_BREAK = ("wrong_format", "extra_case")
# The one error each of these breaks raises (the others may raise two, or either of two).
BREAK_RULE_CODES = {
    "missing_case": "PCCA_CASES_PER_ENTRY",
    "extra_case": "PCCA_CASES_PER_ENTRY",
    "too_many_interactions": "PCCA_INTERACTIONS_PER_CASE",
    "wrong_format": "PCCA_FILE_FORMAT",
}
# Breaks whose entry's scores never count (its category is unknown): no conflict reaches it.
UNSCORED_BREAKS = ("unknown_category",)
# Evaluations a declared conflict may take from one entry, and from one already short of a
# spoiled evaluation: four jurors score each entry, and two must count.
MAX_REMOVED_PER_ENTRY, MAX_REMOVED_IF_SPOILED = 2, 1
# Decisions that waive a violation: it stays on record but no longer makes an entry invalid.
WAIVING = ("overturned", "exception_granted")
Pair = tuple[str, str]


@dataclass(frozen=True)
class PlannedConflict:
    """One conflicts.csv row, its line (the header is line 1), and what it must remove:
    (entry id, juror id) evaluations. problem says why an invalid row must not apply."""

    line: int
    juror_id: str
    kind: str
    scope: str
    entry_id: str = ""
    organization: str = ""
    participant_name: str = ""
    note: str = ""
    declared_at: str = ""
    removes: frozenset[Pair] = frozenset()
    problem: str = ""

    def row(self) -> list[str]:
        return [str(getattr(self, column)) for column in CONFLICTS.columns]


@dataclass(frozen=True)
class PlannedDecision:
    """One decisions.csv row and its line. problem says why an invalid row must not apply;
    valid_before and valid_after are its entry's formal validity without and with every
    applied decision (None for an unknown entry)."""

    line: int
    decision_id: str
    entry_id: str
    subject: str
    decision: str
    reason: str
    decided_by: str
    decided_at: str
    appeal_received_at: str = ""
    problem: str = ""
    valid_before: bool | None = None
    valid_after: bool | None = None

    @property
    def is_applied(self) -> bool:
        return not self.problem

    def row(self) -> list[str]:
        return [str(getattr(self, column)) for column in DECISIONS.columns]


@dataclass(frozen=True)
class JudgingPlan:
    """What the judged edition's judging files hold and must do."""

    edition: str
    conflicts: tuple[PlannedConflict, ...]
    decisions: tuple[PlannedDecision, ...]
    # Detected conflicts: the conflicted juror's own organization, a recent former employer.
    same_organization: frozenset[Pair]
    former_employer: frozenset[Pair]
    # Evaluations of an organization the juror left long ago: no conflict.
    old_employer: frozenset[Pair]
    # Evaluations the jury spoiled: excluded for that, whatever a conflict says; no set
    # above holds them.
    spoiled: frozenset[Pair]
    # Entries of an unknown category: their scores never count, whatever a conflict says.
    unscored_entries: frozenset[str]
    # Lines of jurors.csv (the header is line 1) with a former employer that is not Name:YYYY.
    malformed_former_lines: tuple[int, ...]

    @property
    def declared_removals(self) -> frozenset[Pair]:
        return frozenset().union(*(conflict.removes for conflict in self.conflicts))

    def validity_after(self) -> dict[str, bool]:
        """Entry id -> formal validity with the decisions, for every entry they change."""
        return {
            d.entry_id: d.valid_after
            for d in self.decisions
            if d.valid_after is not None and d.valid_after != d.valid_before
        }


def demo_judging_plan(demo: DemoDropFolder) -> JudgingPlan:
    """The judged edition's plan of a generated demo drop folder."""
    return demo.judging[JUDGED_EDITION]


def demo_decided_validity(demo: DemoDropFolder) -> dict[tuple[str, str], bool]:
    """(edition, entry id) -> validity for each demo entry whose validity a decision changes."""
    return {
        (edition, entry_id): valid
        for edition, plan in demo.judging.items()
        for entry_id, valid in plan.validity_after().items()
    }


@dataclass(frozen=True)
class _Target:
    """What a conflict row names: its column and value, and the entries it reaches."""

    column: str
    value: str
    entries: tuple[DemoEntry, ...]


class _Edition:
    """The judged edition's entries, panels and detected conflicts, for picking targets."""

    def __init__(self, entries: list[DemoEntry], jury: EditionJury) -> None:
        self.jury = jury
        self.juror_ids = [juror.juror_id for juror in jury.jurors]
        # Entries of an unknown category are left out: their scores never count anyway.
        self.scorable = [
            e
            for e in entries
            if e.entry_id in jury.panels and not set(e.rule_breaks) & set(UNSCORED_BREAKS)
        ]
        self.by_category: dict[str, list[DemoEntry]] = {}
        self.by_organization: dict[str, list[DemoEntry]] = {}
        self.by_person: dict[str, list[DemoEntry]] = {}
        for entry in self.scorable:
            self.by_category.setdefault(entry.category, []).append(entry)
            key = organization_match_key(entry.organization)
            self.by_organization.setdefault(key, []).append(entry)
            self.by_person.setdefault(person_match_key(entry.participant), []).append(entry)
        self.spoiled_entries = {entry_id for entry_id, _ in jury.spoiled}
        self.load: Counter[str] = Counter()
        self.taken: set[Pair] = set()
        harsh, _, conflicted, *_ = jury.jurors
        self.same_organization = self._pairs_of(conflicted.juror_id, conflicted.organization)
        recent, old = harsh.former_organizations or (("", 0), ("", 0))
        self.former_employer = self._pairs_of(harsh.juror_id, recent[0])
        self.old_employer = self._pairs_of(harsh.juror_id, old[0])
        self._take(self.same_organization | self.former_employer)
        self.taken |= self.old_employer

    def _scored(self, juror_id: str, entries: Iterable[DemoEntry]) -> frozenset[Pair]:
        """The juror's evaluations of the entries, but for spoiled ones (excluded anyway)."""
        return frozenset(
            (e.entry_id, juror_id)
            for e in entries
            if juror_id in self.jury.panels[e.entry_id]
            and (e.entry_id, juror_id) not in self.jury.spoiled
        )

    def _pairs_of(self, juror_id: str, organization: str) -> frozenset[Pair]:
        """The juror's evaluations of the organization's entries."""
        key = organization_match_key(organization)
        return self._scored(juror_id, self.by_organization.get(key, []) if key else [])

    def _take(self, pairs: Iterable[Pair]) -> None:
        for pair in pairs:
            self.taken.add(pair)
            self.load[pair[0]] += 1

    def _reach(self, juror_id: str, target: _Target, scope: str) -> frozenset[Pair]:
        if scope == "entry":
            return self._scored(juror_id, target.entries)
        categories = {e.category for e in target.entries}
        return self._scored(juror_id, (e for c in categories for e in self.by_category[c]))

    def _keeps_panels(self, pairs: frozenset[Pair]) -> bool:
        """Whether no entry loses more than MAX_REMOVED_PER_ENTRY jurors to conflicts
        (MAX_REMOVED_IF_SPOILED if a spoiled evaluation already costs it one)."""
        return all(
            self.load[entry_id] < MAX_REMOVED_PER_ENTRY
            and (
                entry_id not in self.spoiled_entries or self.load[entry_id] < MAX_REMOVED_IF_SPOILED
            )
            for entry_id, _ in pairs
        )

    def targets(self, column: str) -> Iterator[_Target]:
        """Every target of a column, in a fixed order: entries as listed; participants and
        organizations (by registered name) with the fewest entries first."""
        if column == "entry_id":
            for entry in self.scorable:
                yield _Target(column, entry.entry_id, (entry,))
        elif column == "participant_name":
            for entries in sorted(self.by_person.values(), key=len):
                yield _Target(column, entries[0].participant.strip(), tuple(entries))
        else:
            registered = registered_organizations()
            for key, entries in sorted(self.by_organization.items(), key=lambda i: len(i[1])):
                if key in registered:
                    yield _Target(column, registered[key], tuple(entries))

    def pick(self, juror_id: str, column: str, scope: str) -> tuple[_Target, frozenset[Pair]]:
        """The first target whose evaluations are this conflict's alone (none another
        conflict's), preferring one that leaves every panel whole: at a large scale
        every organization reaches every category, and some entry is bound to lose more."""
        fallback, reached = None, set()
        for target in self.targets(column):
            # Targets of the same categories reach the same evaluations: one look is enough.
            categories = frozenset(e.category for e in target.entries)
            if scope == "category" and categories in reached:
                continue
            reached.add(categories)
            pairs = self._reach(juror_id, target, scope)
            if not pairs or pairs & self.taken:
                continue
            if self._keeps_panels(pairs):
                fallback = (target, pairs)
                break
            fallback = fallback or (target, pairs)
        if fallback is None:
            raise ValueError(f"no {column} target left for a {scope} conflict of {juror_id}")
        self._take(fallback[1])
        return fallback

    def untaken_entry(self, juror_id: str) -> DemoEntry:
        """An entry the juror scored whose evaluation no conflict touches, if one is left (at
        a large scale a category conflict may take them all), else the first entry."""
        scored = [e for e in self.scorable if self._scored(juror_id, [e])] or self.scorable
        entry = next((e for e in scored if (e.entry_id, juror_id) not in self.taken), scored[0])
        self.taken.add((entry.entry_id, juror_id))
        return entry


# kind, juror number (1 harsh, 2 lenient, 3 conflicted, 4-5 neutral), target column, scope,
# note: every kind, both scopes and every target form. The broadest rows (a category) are
# picked first, so the narrow ones fit around them.
VALID_CONFLICTS = (
    ("financial", 2, "organization", "category", ""),
    ("trainer", 4, "participant_name", "category", ""),
    ("opt_out", 5, "entry_id", "category", "Rezygnuję z oceny całej kategorii: doradzam jej "
     "sponsorowi."),
    ("professional", 1, "organization", "entry", ""),
    ("personal", 5, "participant_name", "entry", ""),
    ("other", 3, "entry_id", "entry", "Współautor scenariusza rozmowy zgłoszonej w konkursie."),
)  # fmt: skip


def _conflicts(edition: _Edition, year: int) -> tuple[PlannedConflict, ...]:
    planned = []
    for number, (kind, juror, column, scope, note) in enumerate(VALID_CONFLICTS, start=2):
        juror_id = edition.juror_ids[juror - 1]
        target, pairs = edition.pick(juror_id, column, scope)
        planned.append(
            PlannedConflict(
                number, juror_id, kind, scope, note=note, removes=pairs,
                declared_at=f"{year}-06-{number:02d}T09:30:00", **{column: target.value},
            )
        )  # fmt: skip
    line = len(planned) + 2
    no_note = edition.untaken_entry(edition.juror_ids[3])
    unknown = edition.untaken_entry(edition.juror_ids[0])
    planned += [
        PlannedConflict(
            line, edition.juror_ids[3], "opt_out", "entry", entry_id=no_note.entry_id,
            declared_at=f"{year}-06-20", problem="an opt-out without a note",
        ),
        PlannedConflict(
            line + 1, f"{JUDGED_EDITION}-J9", "personal", "entry", entry_id=unknown.entry_id,
            declared_at=f"{year}-06-21", problem="a juror jurors.csv does not list",
        ),
    ]  # fmt: skip
    return tuple(planned)


def _is_single_error(entry: DemoEntry) -> bool:
    return (
        len(entry.rule_breaks) == 1
        and entry.rule_breaks[0] in BREAK_RULE_CODES
        and not entry.file_defects
    )


def _is_clean(entry: DemoEntry, counts: Counter[str]) -> bool:
    return not entry.rule_breaks and not entry.file_defects and counts[entry.entry_id] == 1


def _validity(entry: DemoEntry, decisions: list[PlannedDecision]) -> tuple[bool, bool]:
    """The entry's validity without and with the applied decisions about it."""
    errors = {BREAK_RULE_CODES.get(b, b) for b in entry.rule_breaks}
    errors |= {defect for defect in entry.file_defects if defect != "mislabelled"}
    applied = [d for d in decisions if d.is_applied and d.entry_id == entry.entry_id]
    waived = {d.subject for d in applied if d.decision in WAIVING}
    disqualified = any(d.decision == "disqualified" for d in applied)
    return not errors, not disqualified and not errors - waived


def _decisions(
    entries: list[DemoEntry], year: int, unknown_entry_id: str
) -> tuple[PlannedDecision, ...]:
    counts = Counter(e.entry_id for e in entries)
    single = [e for e in entries if _is_single_error(e)]
    doubles = [e for e in entries if set(DOUBLE_BREAK) <= set(e.rule_breaks)]
    clean = [e for e in entries if _is_clean(e, counts)]
    # Any other entry with a known error will do for an upheld or an unreasoned decision.
    known = [
        e for e in entries
        if e.rule_breaks and e.rule_breaks[0] in BREAK_RULE_CODES and counts[e.entry_id] == 1
        and e not in single[:2] and e not in doubles
    ]  # fmt: skip
    if len(single) < 2 or not doubles or len(clean) < 3 or not known:
        raise ValueError(f"{JUDGED_EDITION} has too few entries to decide on")
    overturned, excepted = single[:2]
    double = doubles[0]
    disqualified, appealed, miscoded = clean[:3]
    upheld, unreasoned = (known * 2)[:2]

    def code(entry: DemoEntry) -> str:
        return BREAK_RULE_CODES[entry.rule_breaks[0]]

    appeals, chapter = "Komisja odwoławcza", "Kapituła konkursu"
    decided, received = f"{year}-07-", f"{year}-06-"
    rows = [
        (overturned, code(overturned), "overturned", "Odwołanie uwzględnione: ponowna "
         "weryfikacja nie potwierdziła naruszenia.", appeals, "01"),
        (double, BREAK_RULE_CODES[DOUBLE_BREAK[0]], "overturned", "Odwołanie uwzględnione: "
         "format pliku zaakceptowano po konwersji przez organizatora.", appeals, "02"),
        (excepted, code(excepted), "exception_granted", "Wyjątek: zgłoszenie przyjęte mimo "
         "uchybienia, z powodu awarii systemu zgłoszeń.", chapter, ""),
        (upheld, code(upheld), "upheld", "Odwołanie oddalone: naruszenie potwierdzone przy "
         "ponownej weryfikacji.", appeals, "03"),
        (appealed, "result", "upheld", "Odwołanie od wyniku oddalone: ocena jury zgodna z "
         "regulaminem.", appeals, "04"),
        (disqualified, "result", "disqualified", "Dyskwalifikacja: nagrania pochodzą z "
         "rozmów sprzed okresu konkursowego.", chapter, ""),
        (unreasoned, code(unreasoned), "overturned", "", appeals, "05"),
        (None, BREAK_RULE_CODES["wrong_format"], "overturned", "Odwołanie wycofanego "
         "zgłoszenia.", appeals, "06"),
        (miscoded, BREAK_RULE_CODES["wrong_format"], "exception_granted", "Wyjątek dla "
         "formatu nagrania.", chapter, ""),
    ]  # fmt: skip
    problems = {6: "a decision without a reason", 7: "an entry the edition does not have",
                8: "a rule the entry does not break"}  # fmt: skip
    planned = [
        PlannedDecision(
            line=index + 2,
            decision_id=f"{JUDGED_EDITION}-D{index + 1:02d}",
            entry_id=entry.entry_id if entry else unknown_entry_id,
            subject=subject,
            decision=decision,
            reason=reason,
            decided_by=by,
            decided_at=f"{decided}{10 + index:02d}T14:00:00",
            appeal_received_at=f"{received}{day}" if day else "",
            problem=problems.get(index, ""),
        )
        for index, (entry, subject, decision, reason, by, day) in enumerate(rows)
    ]
    by_id = {e.entry_id: e for e in entries}
    return tuple(
        replace(d, **dict(zip(("valid_before", "valid_after"),
                              _validity(by_id[d.entry_id], planned), strict=True)))
        if d.entry_id in by_id
        else d
        for d in planned
    )  # fmt: skip


def plan_judging(entries: list[DemoEntry], jury: EditionJury, unknown_entry_id: str) -> JudgingPlan:
    """The judged edition's conflicts and decisions, picked from its entries and jury."""
    year = int(jury.edition[-4:])
    edition = _Edition(entries, jury)
    return JudgingPlan(
        jury.edition,
        _conflicts(edition, year),
        _decisions(entries, year, unknown_entry_id),
        edition.same_organization,
        edition.former_employer,
        edition.old_employer,
        jury.spoiled,
        frozenset(e.entry_id for e in entries if set(e.rule_breaks) & set(UNSCORED_BREAKS)),
        tuple(
            line
            for line, juror in enumerate(jury.jurors, start=2)
            if any(not isinstance(year, int) for _, year in juror.former_organizations)
        ),
    )


def write_judging(folder: Path, plan: JudgingPlan) -> None:
    """Write conflicts.csv and decisions.csv of the plan into its edition folder."""
    write_csv(
        folder / CONFLICTS.file_names[0],
        list(CONFLICTS.columns),
        [conflict.row() for conflict in plan.conflicts],
    )
    write_csv(
        folder / DECISIONS.file_names[0],
        list(DECISIONS.columns),
        [decision.row() for decision in plan.decisions],
    )
