"""Write a demo drop folder: PCCA 2024, PCCA 2026 and IBA 2026 editions."""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

from ingest.demo.audio import tone_mp3
from ingest.demo.jury import write_jury_files

PCCA_CATEGORIES = {
    2024: ["Sprzedaż lub retencja", "Welcome call", "Obsługa klienta", "Helpdesk"],
    2026: ["Sprzedaż", "Utrzymanie i lojalizacja", "Obsługa klienta", "Help-desk"],
}
IBA_CATEGORIES = ["E01", "E04", "E05", "E07"]
ORGANIZATIONS = ["Telekom Polska S.A.", "Bank Północny", "Energa Obsługa Sp. z o.o."]
PEOPLE = ["Anna Kowalska", "Łukasz Wiśniewski", "Zofia Żółć", "Oleksandr Kovalenko"]


def _write_csv(path: Path, header: list[str], rows: list[list[object]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _pcca(folder: Path, year: int, rng: random.Random, entries_per_category: int) -> None:
    media = folder / "media"
    media.mkdir(parents=True, exist_ok=True)
    entries, cases, files = [], [], []
    for category in PCCA_CATEGORIES[year]:
        for _ in range(entries_per_category):
            entry_id = f"P{year % 100}-{len(entries) + 1:04d}"
            entries.append(
                [
                    entry_id,
                    category,
                    rng.choice(PEOPLE),
                    rng.choice(ORGANIZATIONS),
                    f"{year}-03-{rng.randint(1, 28):02d}T10:00:00",
                ]
            )
            for case_no in (1, 2, 3):
                cases.append([entry_id, case_no, rng.choice(["IN", "OUT"]), "external", "PL"])
                name = f"media/{entry_id}_{case_no}_1.mp3"
                (folder / name).write_bytes(tone_mp3(rng.uniform(1.0, 3.0)))
                files.append([entry_id, case_no, 1, "", name])
    _write_csv(
        folder / "entries.csv",
        ["entry_id", "category", "participant_name", "organization", "submitted_at"],
        entries,
    )
    _write_csv(
        folder / "cases.csv", ["entry_id", "case_no", "direction", "client_type", "language"], cases
    )
    _write_csv(
        folder / "files.csv", ["entry_id", "case_no", "interaction_no", "kind", "path"], files
    )


def _iba(folder: Path, rng: random.Random, entries_per_category: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    header = [
        "entry_id", "category", "nominee", "organization", "country", "submitted_at",
        "achievements_from", "essay", "summary", "attachments_note", "links",
        "previous_win_category", "updated_since_win",
    ]  # fmt: skip
    rows = []
    for category in IBA_CATEGORIES:
        for _ in range(entries_per_category):
            rows.append(
                [
                    f"IBA26-{len(rows) + 1:04d}", category, rng.choice(PEOPLE),
                    rng.choice(ORGANIZATIONS), "PL", "2026-04-15T12:00:00", "2024-01-01",
                    "Esej. " * 100, "- osiągnięcie\n- kolejne", "", "https://example.org", "", "",
                ]
            )  # fmt: skip
    _write_csv(folder / "entries.csv", header, rows)
    _write_csv(folder / "files.csv", ["entry_id", "case_no", "interaction_no", "kind", "path"], [])


def generate(target: Path, seed: int = 2026, scale: int = 1) -> None:
    """Write the demo drop folder under target, deterministically for a seed and scale."""
    rng = random.Random(seed)
    for year in (2024, 2026):
        _pcca(target / f"PCCA-{year}", year, rng, 2 * scale)
    _iba(target / "IBA-2026", rng, 2 * scale)
    write_jury_files(target, rng)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("target", type=Path)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    generate(args.target, args.seed, args.scale)


if __name__ == "__main__":
    main()
