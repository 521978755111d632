"""Write a demo drop folder: PCCA 2024, PCCA 2026 and IBA 2026, and the fictional GHA 2025
and GHA 2026 that only their own catalog/ folders define (demo.fictional).

Most entries follow their category's limits (seed documents 000_, 001_, 002_); a few
percent break one rule each (one PCCA 2026 entry two), category and organization names come
as entrants write them, and a few files are damaged, mislabelled, missing or not listed.
PCCA 2026 also has declared conflicts and organizer decisions (demo.judging) and a
juror with former employers. Deterministic for a seed; `scale` multiplies the number of
entries (3 per category at scale 1).

`short_media` (`--short-media`, for benchmarks) writes the same folder with recordings of
seconds instead of minutes (see demo.media): every table is the same as without it,
but in each PCCA edition only the first call over its duration limit keeps its length, so
such a folder has two surcharged calls instead of about 6% of them.
"""

from __future__ import annotations

import argparse
import random
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from demo import catalog, fictional
from demo.iba import write_iba
from demo.judging import DOUBLE_BREAK, JUDGED_EDITION, plan_judging, write_judging
from demo.jury import write_jury_files
from demo.media import MediaWriter, call_seconds
from demo.people import People
from demo.records import BreakPlan, DemoDropFolder, DemoEntry, write_csv, write_xlsx

ENTRIES_PER_CATEGORY = 3
PCCA_RULE_BREAKS = (
    "missing_case",
    "too_many_interactions",
    "wrong_format",
    "unknown_category",
    "duplicate_entry",
    "wrong_direction",
    "extra_case",
    "missing_file",
)
IBA_EDITION = "IBA-2026"
EDITIONS = ("PCCA-2024", "PCCA-2026", IBA_EDITION)
# Damaged or stray files, a few per edition: what the ingest must report, not a rule break.
FILE_DEFECTS = ("truncated", "mislabelled", "unlisted", "empty")


def _written_category(rng: random.Random, category: catalog.PccaCategory) -> str:
    return (
        rng.choice(category.aliases) if category.aliases and rng.random() < 0.25 else category.name
    )


def _pcca(
    folder: Path, year: int, rng: random.Random, scale: int, short_media: bool
) -> tuple[list[DemoEntry], str]:
    people, media = People(rng), MediaWriter(folder, rng, short_media)
    entries: list[DemoEntry] = []
    entry_rows, case_rows = [], []
    categories = catalog.pcca_categories(year)
    # A recording in a category without a duration limit (a wrong-format file in a written
    # channel) is drawn as long as the edition's calls.
    edition_limit = max(c.limits.duration_limit_seconds or 0 for c in categories)
    breaks = BreakPlan(rng, PCCA_RULE_BREAKS, len(categories) * ENTRIES_PER_CATEGORY * scale)
    prefix = f"P{year % 100}"
    # The judged edition's first entry breaking DOUBLE_BREAK[0] breaks all of DOUBLE_BREAK.
    double_due = f"PCCA-{year}" == JUDGED_EDITION
    for category in categories:
        for _ in range(ENTRIES_PER_CATEGORY * scale):
            entry_id = f"{prefix}-{len(entries) + 1:05d}"
            rule_break = breaks.next()
            rule_breaks = (rule_break,) if rule_break else ()
            if rule_break == DOUBLE_BREAK[0] and double_due:
                rule_breaks, double_due = DOUBLE_BREAK, False
            written = _written_category(rng, category)
            official = category.name
            if rule_break == "unknown_category":
                official = written = rng.choice(catalog.UNKNOWN_PCCA_CATEGORIES[year])
            participant = people.participant(category.limits.language)
            _, organization_written = people.organization()
            entry = DemoEntry(
                f"PCCA-{year}", entry_id, official, written, participant, organization_written,
                rule_breaks,
            )  # fmt: skip
            entries.append(entry)
            submitted = f"{year}-0{rng.randint(3, 5)}-{rng.randint(1, 28):02d}T{rng.randint(8, 20):02d}:{rng.randint(0, 59):02d}:00"
            row = [entry_id, written, participant, organization_written, submitted]
            if year == 2026:
                row.append(rng.choice(["", "", "prośba o fakturę VAT", "zgłoszenie poprawione"]))
            entry_rows.append(row)
            if rule_break == "duplicate_entry":
                entry_rows.append(list(row))
            _pcca_cases(media, category, entry, case_rows, year, edition_limit)
    withdrawn = _file_defects(media, rng, prefix, entries)
    header = ["entry_id", "category", "participant_name", "organization", "submitted_at"]
    if year == 2026:
        write_csv(folder / "entries.csv", [*header, "uwagi"], entry_rows)
    else:
        write_xlsx(folder / "entries.xlsx", header, entry_rows)
    case_header = ["entry_id", "case_no", "direction", "client_type"]
    if year == 2024:
        case_header.append("language")
    write_csv(folder / "cases.csv", case_header, [r[: len(case_header)] for r in case_rows])
    write_csv(
        folder / "files.csv", ["entry_id", "case_no", "interaction_no", "kind", "path"], media.rows
    )
    return entries, withdrawn


def _pcca_cases(
    media: MediaWriter,
    category: catalog.PccaCategory,
    entry: DemoEntry,
    case_rows: list[list[object]],
    year: int,
    edition_limit: int,
) -> None:
    rng, breaks, limits = media.rng, entry.rule_breaks, category.limits
    duration_limit = limits.duration_limit_seconds or edition_limit
    cases = limits.cases + (1 if "extra_case" in breaks else 0)
    # A one-case category loses its only case: an entry with no case at all.
    cases -= 1 if "missing_case" in breaks else 0
    layout = rng.random()
    for case_no in range(1, cases + 1):
        direction = rng.choice(limits.directions)
        client_type = rng.choice(limits.client_types)
        if "wrong_direction" in breaks and case_no == 1:
            if len(limits.directions) == 1:
                direction = "IN" if direction == "OUT" else "OUT"
            else:
                client_type = "internal" if limits.client_types == ("external",) else "partner"
        case_rows.append([entry.entry_id, case_no, direction, client_type, limits.language])
        interactions = 1
        if limits.max_interactions > 1:
            interactions = rng.choices(range(1, limits.max_interactions + 1), k=1)[0]
        if "too_many_interactions" in breaks and case_no == 1:
            interactions = limits.max_interactions + 1
        for interaction_no in range(1, interactions + 1):
            if layout < 0.8:
                stem = f"media/{entry.entry_id}/sprawa_{case_no}_{interaction_no}"
            else:
                stem = f"media/{year}/{entry.entry_id} sprawa {case_no}-{interaction_no}"
            wrong = "wrong_format" in breaks and case_no == 1
            missing = "missing_file" in breaks and case_no == cases
            call = limits.voice and not wrong
            if limits.voice or wrong:
                seconds = media.written_seconds(
                    call_seconds(rng, duration_limit),
                    limits.duration_limit_seconds if call and not missing else None,
                )
                relative, data = media.recording(
                    stem, seconds, "" if call else "WAV" if limits.voice else "MP3"
                )
            else:
                relative, data = media.transcript(stem.replace("sprawa", "czat"))
            if not missing:
                media.write(relative, data)
                if call:
                    entry.calls.append((case_no, seconds))
            media.listed(entry.entry_id, case_no, interaction_no, "", relative)


def _file_defects(
    media: MediaWriter, rng: random.Random, prefix: str, entries: list[DemoEntry]
) -> str:
    """Damage a few listed files and leave a few unlisted ones, as real drop folders have.

    Also lists a file for an entry that was withdrawn from entries but not from files.csv;
    returns that entry id.
    """
    by_id = {entry.entry_id: entry for entry in entries}
    candidates = [row for row in media.rows if row[4] in media.written]
    picks = rng.sample(candidates, k=min(len(candidates), len(FILE_DEFECTS)))
    for defect, row in zip(FILE_DEFECTS, picks, strict=False):
        if defect != "unlisted":
            by_id[row[0]].file_defects.append(defect)
        path = media.folder / row[4]
        data = path.read_bytes()
        if defect == "truncated":
            path.write_bytes(data[: max(1, len(data) * 2 // 5)])
        elif defect == "empty":
            path.write_bytes(b"")
        elif defect == "mislabelled" and path.suffix == ".mp3":
            renamed = path.with_suffix(".mp4")
            path.rename(renamed)
            row[4] = row[4][: -len(".mp3")] + ".mp4"
        elif defect == "unlisted":
            media.write(f"media/{prefix}-dodatkowe_nagranie.mp3", data)
    withdrawn = f"{prefix}-WYCOFANE"
    relative, data = media.transcript(f"media/{withdrawn}/czat_1_1", "PDF")
    media.write(relative, data)
    media.listed(withdrawn, 1, 1, "", relative)
    return withdrawn


def _write_edition(
    folder: Path, seed: float, scale: int, short_media: bool
) -> tuple[list[DemoEntry], list[str]]:
    """One edition folder from its own seed: its entries, and the entry ids no row has."""
    rng = random.Random(seed)
    if folder.name == IBA_EDITION:
        return write_iba(folder, rng, scale, short_media), []
    entries, withdrawn = _pcca(folder, int(folder.name[-4:]), rng, scale, short_media)
    return entries, [withdrawn]


def generate(
    target: Path, seed: int = 2026, scale: int = 1, short_media: bool = False, processes: int = 1
) -> DemoDropFolder:
    """Write the demo drop folder under target, deterministically for a seed and scale.

    processes > 1 writes the editions at once (same bytes: each has its own seed).
    """
    rng = random.Random(seed)
    # Drawn in a fixed order before any edition is written, so the order they are written
    # in changes nothing.
    seeds = {name: rng.random() for name in EDITIONS}
    jury_rng = random.Random(rng.random())
    # Drawn after the others, so the built-in editions keep the bytes they had without GHA.
    fictional_seed = rng.random()
    jobs = [(target / name, seeds[name], scale, short_media) for name in EDITIONS]
    if processes > 1:
        with ProcessPoolExecutor(min(processes, len(jobs))) as pool:
            written = list(pool.map(_write_edition, *zip(*jobs, strict=True)))
    else:
        written = [_write_edition(*job) for job in jobs]
    result = DemoDropFolder(target)
    for name, (entries, unattributed) in zip(EDITIONS, written, strict=True):
        result.entries[name] = entries
        if unattributed:
            result.unattributed[name] = unattributed
    juries = write_jury_files(target, jury_rng, EDITIONS)
    if JUDGED_EDITION in juries:
        unknown = result.unattributed.get(JUDGED_EDITION, [f"{JUDGED_EDITION}-UNKNOWN"])[0]
        plan = plan_judging(result.entries[JUDGED_EDITION], juries[JUDGED_EDITION], unknown)
        write_judging(target / JUDGED_EDITION, plan)
        result.judging[JUDGED_EDITION] = plan
    # GHA brings its own jurors and scores (and none for 2025); its entries break nothing.
    result.entries.update(fictional.write_fictional(target, fictional_seed, scale))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument(
        "--short-media", action="store_true", help="recordings of seconds, for benchmarks"
    )
    parser.add_argument(
        "--processes", type=int, default=1, help="write the editions in parallel processes"
    )
    args = parser.parse_args()
    result = generate(args.target, args.seed, args.scale, args.short_media, args.processes)
    for edition, entries in result.entries.items():
        broken = sum(1 for e in entries if e.rule_breaks)
        print(f"{edition}: {len(entries)} entries, {broken} breaking a rule")


if __name__ == "__main__":
    main()
