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
    # What fct_ingest_issues.source_table calls this file's findings (the table name if unset).
    issue_table: str | None = None

    @property
    def issues_source_table(self) -> str:
        return self.issue_table or self.name


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
    # former_organizations: `Name:YYYY` pairs (the last year employed), `|`-separated.
    columns=("juror_id", "juror_name", "organization", "former_organizations"),
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

# A juror's declared conflict or opt-out: exactly one of entry_id, organization or
# participant_name names what it is about; docs/judging.md says what each column means.
CONFLICTS = TableContract(
    name="conflicts",
    file_names=("conflicts.csv",),
    columns=(
        "juror_id",
        "entry_id",
        "organization",
        "participant_name",
        "kind",
        "scope",
        "note",
        "declared_at",
    ),
    required=("juror_id", "kind"),
)
# An organizer's decision on an entry: an appeal's outcome, an exception, a disqualification.
# A row without a reason is kept and reported by dbt (int_decisions_validated), not here.
DECISIONS = TableContract(
    name="decisions",
    file_names=("decisions.csv",),
    columns=(
        "decision_id",
        "entry_id",
        "subject",
        "decision",
        "reason",
        "decided_by",
        "decided_at",
        "appeal_received_at",
    ),
    required=("decision_id", "entry_id", "subject", "decision"),
    key=("decision_id",),
)

RESULTS = TableContract(
    name="results",
    file_names=("results.csv",),
    columns=("entry_id", "rank", "award_level"),
    required=("entry_id", "rank"),
    key=("entry_id",),
)

# An edition's own catalog (docs/catalog.md): files in <edition>/catalog/ that replace the
# built-in catalog's rows of that file for that edition. Their findings are `catalog` issues.
CATALOG_FOLDER = "catalog"
CATALOG_ISSUES = "catalog"

# Limit columns of a category, named as in marts.dim_category; all optional.
CATEGORY_LIMIT_COLUMNS = (
    "directions",
    "client_types",
    "languages",
    "cases_per_entry",
    "max_interactions_per_case",
    "allowed_formats",
    "duration_limit_seconds",
    "duration_limit_scope",
    "essay_max_chars",
    "video_max_seconds",
    "summary_max_chars",
    "summary_max_bullets",
    "summary_required",
    "attachments_note_max_chars",
    "attachments_note_required",
    "max_links",
    "max_attachments",
    "achievements_since",
    "reentry_rule",
    "previous_win_edition_year",
)


def _catalog(name: str, columns: tuple[str, ...], required: tuple[str, ...], key=()):
    return TableContract(
        name=f"catalog_{name}",
        file_names=(f"{CATALOG_FOLDER}/{name}.csv",),
        columns=columns,
        required=required,
        key=key,
        issue_table=CATALOG_ISSUES,
    )


CATALOG_EDITION = _catalog(
    "edition",
    (
        "contest_name_pl",
        "contest_name_en",
        "section_name_pl",
        "section_name_en",
        "source_document",
    ),
    ("contest_name_pl", "contest_name_en"),
)
CATALOG_CATEGORIES = _catalog(
    "categories",
    (
        "category_code",
        "category_name_pl",
        "category_name_en",
        "family_code",
        "interaction_form",
        "sort_order",
        "is_jury_award",
        "definition_pl",
        "formal_condition_pl",
        *CATEGORY_LIMIT_COLUMNS,
    ),
    ("category_code", "category_name_pl", "category_name_en"),
    ("category_code",),
)
CATALOG_ALIASES = _catalog(
    "category_aliases", ("alias", "category_code"), ("alias", "category_code"), ("alias",)
)
_LINEAGE_KEY = ("from_contest_code", "from_edition_year", "from_category_code", "to_category_code")
CATALOG_LINEAGE = _catalog(
    "lineage", (*_LINEAGE_KEY, "relation", "note_en"), (*_LINEAGE_KEY, "relation"), _LINEAGE_KEY
)
CATALOG_CRITERIA = _catalog(
    "criteria",
    (
        "criterion_code",
        "criterion_name_pl",
        "criterion_name_en",
        "scale_min",
        "scale_max",
        "scale_step",
        "weight",
        "categories",
    ),
    ("criterion_code", "criterion_name_pl", "criterion_name_en", "scale_min", "scale_max"),
    ("criterion_code",),
)
CATALOG_CRITERION_WEIGHTS = _catalog(
    "criterion_weights",
    ("category_code", "criterion_code", "weight"),
    ("category_code", "criterion_code", "weight"),
    ("category_code", "criterion_code"),
)
CATALOG_SCORING = _catalog(
    "scoring",
    (
        "aggregation",
        "trim_highest",
        "trim_lowest",
        "decimals",
        "rounding",
        "total",
        "normalization",
        "conflict_policy",
        "min_evaluations",
        "former_employer_years",
    ),
    ("aggregation",),
)
CATALOG_AWARD_LEVELS = _catalog(
    "award_levels",
    ("award_level", "award_name_pl", "award_name_en", "award_order", "max_rank", "min_score"),
    ("award_level", "award_order"),
    ("award_level",),
)

CATALOG_CONTRACTS = (
    CATALOG_EDITION,
    CATALOG_CATEGORIES,
    CATALOG_ALIASES,
    CATALOG_LINEAGE,
    CATALOG_CRITERIA,
    CATALOG_CRITERION_WEIGHTS,
    CATALOG_SCORING,
    CATALOG_AWARD_LEVELS,
)

TABLE_CONTRACTS = (
    ENTRIES,
    CASES,
    FILES,
    JURORS,
    SCORES,
    CONFLICTS,
    DECISIONS,
    RESULTS,
    *CATALOG_CONTRACTS,
)
