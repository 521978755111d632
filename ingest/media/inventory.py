"""Which files an edition lists, which it holds, and what the difference says."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass

from ingest.contract import TABLE_CONTRACTS
from ingest.drop_folder import Edition
from ingest.issues import IngestIssue
from ingest.media.paths import CheckedPath, PathChecker, files_on_disk, normalise_path
from ingest.media.record import OK, MediaProbe

CONTRACT_FILES = {name for contract in TABLE_CONTRACTS for name in contract.file_names}

# Extra media_issues statuses besides the probe statuses (documented in README.md).
UNLISTED_FILE = "unlisted_file"
LISTED_MORE_THAN_ONCE = "listed_more_than_once"
EXTENSION_MISMATCH = "extension_mismatch"


@dataclass(frozen=True, slots=True)
class ListedFile:
    """One distinct path an edition's files.csv lists, as written and as checked."""

    edition: Edition
    listed_path: str
    checked: CheckedPath


def _issue(edition: Edition, path: str, status: str, message: str) -> IngestIssue:
    return IngestIssue(
        contest_code=edition.contest_code,
        edition_year=edition.edition_year,
        source_table="media",
        source_file=f"{edition.name}/{path}",
        source_row=None,
        status=status,
        message=message,
    )


def list_files(
    edition: Edition, listed_paths: list[str]
) -> tuple[list[ListedFile], list[IngestIssue]]:
    """Check each distinct listed path once; a path listed by several rows is an issue."""
    counts = Counter(normalise_path(p) for p in listed_paths)
    issues = [
        _issue(edition, path, LISTED_MORE_THAN_ONCE, f"'{path}' is listed by {n} rows of files.csv")
        for path, n in sorted(counts.items())
        if path is not None and n > 1
    ]
    seen: dict[str, ListedFile] = {}
    checker = PathChecker(edition.folder)
    for listed in listed_paths:
        if listed not in seen:
            seen[listed] = ListedFile(edition, listed, checker.check(listed))
    return list(seen.values()), issues


def unlisted_files(edition: Edition, listed: list[ListedFile]) -> list[IngestIssue]:
    """Files in the edition folder that no row of files.csv lists."""
    root = edition.folder.resolve()
    prefix = str(root) + os.sep
    covered = {f.checked.relative_path for f in listed if f.checked.relative_path}
    # String prefixes, not Path.relative_to: this runs for every listed file on every run.
    covered |= {
        str(f.checked.path)[len(prefix) :].replace(os.sep, "/")
        for f in listed
        if f.checked.path is not None and str(f.checked.path).startswith(prefix)
    }
    return [
        _issue(edition, path, UNLISTED_FILE, f"'{path}' is in the edition folder, no row lists it")
        for path in files_on_disk(root, CONTRACT_FILES | covered)
    ]


def probe_issues(edition: Edition, probes: list[MediaProbe]) -> list[IngestIssue]:
    """Every probe that did not end 'ok', and every file whose name claims another format."""
    issues = []
    for probe in probes:
        path = probe.relative_path
        if probe.probe_status != OK:
            issues.append(_issue(edition, path, probe.probe_status, probe.probe_error or ""))
        if (
            probe.detected_format
            and probe.extension_format
            and probe.detected_format != probe.extension_format
        ):
            issues.append(
                _issue(
                    edition,
                    path,
                    EXTENSION_MISMATCH,
                    f"'{path}' holds {probe.detected_format} content under a name that says "
                    f"{probe.extension_format}",
                )
            )
    return issues
