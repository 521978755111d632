"""Columns of the drop-folder files, as the README's drop-folder contract documents them."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TableContract:
    """One kind of file in an edition folder and the columns it is read into."""

    name: str
    file_names: tuple[str, ...]
    columns: tuple[str, ...]
    required: tuple[str, ...]
    # Columns that identify a row: a second row with the same values is a duplicate.
    key: tuple[str, ...] = ()


ENTRIES = TableContract(
    name="entries",
    file_names=("entries.csv", "entries.xlsx"),
    columns=(
        "entry_id",
        "category",
        "participant_name",
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
    ),
    required=("entry_id", "category", "organization"),
    key=("entry_id",),
)
CASES = TableContract(
    name="cases",
    file_names=("cases.csv",),
    columns=("entry_id", "case_no", "direction", "client_type", "language"),
    required=("entry_id", "case_no"),
    key=("entry_id", "case_no"),
)
FILES = TableContract(
    name="files",
    file_names=("files.csv",),
    columns=("entry_id", "case_no", "interaction_no", "kind", "path"),
    required=("entry_id", "path"),
    key=("entry_id", "case_no", "interaction_no", "kind"),
)
JURORS = TableContract(
    name="jurors",
    file_names=("jurors.csv",),
    columns=("juror_id", "juror_name", "organization"),
    required=("juror_id",),
    key=("juror_id",),
)
SCORES = TableContract(
    name="scores",
    file_names=("scores.csv",),
    columns=("entry_id", "juror_id", "criterion_code", "score"),
    required=("entry_id", "juror_id", "criterion_code", "score"),
    key=("entry_id", "juror_id", "criterion_code"),
)

TABLE_CONTRACTS = (ENTRIES, CASES, FILES, JURORS, SCORES)
