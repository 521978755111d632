"""What the protocol of one contest edition says, read from the published warehouse's marts.

Everything is read through a `Query` (SQL and parameters in, a DataFrame out), so the command
line reads through its own read-only connection and the dashboards through theirs. Values
come out as plain Python (None, int, float, str, datetime, bool), codes in words of the
chosen language; numbers are never rounded here, the writers only format them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from protocol.labels import check_language, code, header, text

Query = Callable[[str, tuple], pd.DataFrame]

# Columns of marts.dim_scoring_method that name the edition rather than its method.
_METHOD_KEYS = ("contest_edition_key", "contest_code", "edition_year", "catalog_source")


@dataclass(frozen=True)
class Table:
    """Rows of one protocol table under mart column names (the writers translate them)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class CategorySection:
    """One category's part of the protocol: its ranking, panel, formal violations and
    decisions. A section without a code gathers what belongs to no known category."""

    code: str | None
    name: str
    ranking: Table
    panel: Table
    violations: Table
    decisions: Table


@dataclass(frozen=True)
class EditionProtocol:
    """The protocol of one contest edition in one language."""

    contest_code: str
    edition_year: int
    language: str
    contest_name: str
    summary: tuple[tuple[str, object], ...]
    categories: tuple[CategorySection, ...]
    jurors: tuple[str, ...]
    generated_at: dt.datetime

    @property
    def edition(self) -> str:
        return f"{self.contest_code}-{self.edition_year}"

    @property
    def file_stem(self) -> str:
        return protocol_file_stem(self.contest_code, self.edition_year)


def protocol_file_stem(contest_code: str, edition_year: int) -> str:
    """The protocol's file name without its suffix: <CONTEST>-<YEAR>-protocol."""
    return f"{contest_code}-{edition_year}-protocol"


def plain(value: object) -> object:
    """A DataFrame cell as plain Python: missing values as None, timestamps as datetime."""
    if hasattr(value, "tolist"):  # numpy arrays and scalars
        value = value.tolist()
    if isinstance(value, list):
        return [plain(item) for item in value]
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _rows(frame: pd.DataFrame) -> list[dict[str, object]]:
    return [
        {column: plain(value) for column, value in zip(frame.columns, row, strict=True)}
        for row in frame.astype(object).itertuples(index=False, name=None)
    ]


def editions(query: Query) -> list[tuple[str, int]]:
    """Every contest edition of the warehouse, as (contest_code, edition_year)."""
    frame = query(
        "select contest_code, edition_year from marts.dim_contest_edition order by all", ()
    )
    return [(str(contest), int(year)) for contest, year in frame.itertuples(index=False)]


def gather(query: Query, contest_code: str, edition_year: int, language: str) -> EditionProtocol:
    """The protocol of one edition, in language ('pl' or 'en')."""
    check_language(language)
    edition = (contest_code, edition_year)
    names = _rows(
        query(
            f"select contest_name_{language} as contest_name from marts.dim_contest_edition "
            "where contest_code = ? and edition_year = ?",
            edition,
        )
    )
    if not names:
        raise LookupError(f"no edition {contest_code}-{edition_year} in the warehouse")
    categories = _rows(
        query(
            f"select category_key, category_code, category_name_{language} as name "
            "from marts.dim_category where contest_code = ? and edition_year = ? "
            "order by category_sort_order, category_code",
            edition,
        )
    )
    known = {category["category_key"] for category in categories}
    tables = {
        name: _by_category(read(query, edition, language), known)
        for name, read in (
            ("ranking", _ranking),
            ("panel", _panel),
            ("violations", _violations),
            ("decisions", _decisions),
        )
    }
    sections = [
        _section(category["category_code"], str(category["name"]), category["category_key"], tables)
        for category in categories
    ]
    # Rows of no category of the edition (an unknown category, a decision on an unknown
    # entry) keep a section of their own.
    if any(None in by_category for by_category in tables.values()):
        sections.append(_section(None, text("no_category", language), None, tables))
    jurors = query(
        "select coalesce(juror_name, juror_id) as juror from marts.dim_juror "
        "where contest_code = ? and edition_year = ? order by juror_id",
        edition,
    )
    generated_at = dt.datetime.now().replace(microsecond=0)
    contest_name = str(names[0]["contest_name"] or contest_code)
    head = (
        (text("edition", language), f"{contest_code}-{edition_year}"),
        (text("contest", language), contest_name),
    )
    return EditionProtocol(
        contest_code=contest_code,
        edition_year=edition_year,
        language=language,
        contest_name=contest_name,
        summary=(*head, *_summary(query, edition, language, len(categories), generated_at)),
        categories=tuple(sections),
        jurors=tuple(str(name) for name in jurors["juror"]),
        generated_at=generated_at,
    )


# Each table query returns category_key first: it picks the section, and is not shown.
def _ranking(query: Query, edition: tuple, language: str) -> list[dict[str, object]]:
    rows = _rows(
        query(
            "select r.category_key, r.rank_in_category, r.entry_id, "
            "coalesce(o.organization_name, e.organization_as_written) as organization_name, "
            "r.official_score, r.raw_score, r.normalized_score, r.jurors_counted, "
            f"coalesce(a.award_name_{language}, r.award_level) as award_level, "
            "r.not_ranked_reason "
            "from marts.fct_results as r "
            "left join marts.fct_entries as e on e.entry_row_key = r.entry_row_key "
            "left join marts.dim_organization as o on o.organization_key = e.organization_key "
            "left join marts.dim_award_level as a "
            "on a.contest_code = r.contest_code and a.edition_year = r.edition_year "
            "and a.award_level = r.award_level "
            "where r.contest_code = ? and r.edition_year = ? "
            "order by r.rank_in_category nulls last, r.entry_id",
            edition,
        )
    )
    for row in rows:
        row["not_ranked_reason"] = code(row["not_ranked_reason"], language)
    return rows


def _panel(query: Query, edition: tuple, language: str) -> list[dict[str, object]]:
    """Per entry and juror: whether the evaluation counted, and if not, why."""
    rows = _rows(
        query(
            """
            with evaluations as (
                select
                    entry_id,
                    juror_id,
                    bool_and(is_excluded) as all_excluded,
                    bool_or(exclusion_reason = 'conflict_of_interest') as recused,
                    list(distinct exclusion_reason order by exclusion_reason)
                        filter (where exclusion_reason is not null) as reasons,
                    any_value(conflict_source) as conflict_source,
                    any_value(conflict_kind) as conflict_kind
                from marts.fct_scores
                where contest_code = ? and edition_year = ?
                group by all
            ),

            panels as (
                select entry_id, criterion_code, trimmed_juror_ids
                from marts.fct_panel_scores
                where contest_code = ? and edition_year = ?
            ),

            criteria as (
                select entry_id, count(*) as criteria from panels group by all
            ),

            trimmed as (
                select entry_id, juror_id, list(criterion_code order by criterion_code)
                    as trimmed_criteria
                from (
                    select entry_id, criterion_code, unnest(trimmed_juror_ids) as juror_id
                    from panels
                )
                group by all
            )

            select
                results.category_key,
                evaluations.entry_id,
                evaluations.juror_id,
                jurors.juror_name,
                case
                    when evaluations.recused then 'recused'
                    when evaluations.all_excluded then 'excluded'
                    when len(trimmed.trimmed_criteria) = criteria.criteria then 'trimmed'
                    else 'counted'
                end as panel_status,
                -- A conflict the edition's policy counts is flagged beside the score.
                case
                    when evaluations.conflict_source is not null and not evaluations.recused
                        then list_append(
                            coalesce(evaluations.reasons, []), 'conflict_of_interest_counted'
                        )
                    else evaluations.reasons
                end as exclusion_reason,
                evaluations.conflict_source,
                evaluations.conflict_kind,
                trimmed.trimmed_criteria
            from evaluations
            left join marts.fct_results as results
                on results.contest_code = ? and results.edition_year = ?
                and results.entry_id = evaluations.entry_id
            left join marts.dim_juror as jurors
                on jurors.contest_code = ? and jurors.edition_year = ?
                and jurors.juror_id = evaluations.juror_id
            left join trimmed
                on trimmed.entry_id = evaluations.entry_id
                and trimmed.juror_id = evaluations.juror_id
            left join criteria on criteria.entry_id = evaluations.entry_id
            order by evaluations.entry_id, evaluations.juror_id
            """,
            edition * 4,
        )
    )
    for row in rows:
        row["panel_status"] = code(row["panel_status"], language)
        row["exclusion_reason"] = _words(row["exclusion_reason"], language)
        row["conflict_source"] = code(row["conflict_source"], language)
        row["conflict_kind"] = code(row["conflict_kind"], language)
        row["trimmed_criteria"] = _words(row["trimmed_criteria"], language)
    return rows


def _violations(query: Query, edition: tuple, language: str) -> list[dict[str, object]]:
    rows = _rows(
        query(
            "select category_key, entry_id, rule_code, severity, "
            f"message_{language} as message, decision, decision_reason, decided_at, is_waived "
            "from marts.fct_violations where contest_code = ? and edition_year = ? "
            "order by entry_id, rule_code, case_no nulls first, interaction_no nulls first, "
            "relative_path nulls first",
            edition,
        )
    )
    for row in rows:
        row["severity"] = code(row["severity"], language)
        row["decision"] = code(row["decision"], language)
    return rows


def _decisions(query: Query, edition: tuple, language: str) -> list[dict[str, object]]:
    rows = _rows(
        query(
            "select results.category_key, d.decision_id, d.entry_id, d.subject, d.decision, "
            "d.reason, d.decided_by, d.decided_at, d.appeal_received_at, d.is_applied, "
            "d.not_applied_reason, d.was_formally_valid, d.is_formally_valid, d.rank_before, "
            "d.rank_after "
            "from marts.fct_decisions as d "
            "left join marts.fct_results as results on results.contest_code = d.contest_code "
            "and results.edition_year = d.edition_year and results.entry_id = d.entry_id "
            "where d.contest_code = ? and d.edition_year = ? "
            "order by d.decided_at nulls last, d.decision_id",
            edition,
        )
    )
    for row in rows:
        row["subject"] = code(row["subject"], language)
        row["decision"] = code(row["decision"], language)
    return rows


def _words(values: object, language: str) -> str | None:
    if not values:
        return None
    return ", ".join(str(code(value, language)) for value in values)  # type: ignore[union-attr]


TABLE_COLUMNS: dict[str, tuple[str, ...]] = {
    "ranking": (
        "rank_in_category",
        "entry_id",
        "organization_name",
        "official_score",
        "raw_score",
        "normalized_score",
        "jurors_counted",
        "award_level",
        "not_ranked_reason",
    ),
    "panel": (
        "entry_id",
        "juror_id",
        "juror_name",
        "panel_status",
        "exclusion_reason",
        "conflict_source",
        "conflict_kind",
        "trimmed_criteria",
    ),
    "violations": (
        "entry_id",
        "rule_code",
        "severity",
        "message",
        "decision",
        "decision_reason",
        "decided_at",
        "is_waived",
    ),
    "decisions": (
        "decision_id",
        "entry_id",
        "subject",
        "decision",
        "reason",
        "decided_by",
        "decided_at",
        "appeal_received_at",
        "is_applied",
        "not_applied_reason",
        "was_formally_valid",
        "is_formally_valid",
        "rank_before",
        "rank_after",
    ),
}


def _by_category(
    rows: list[dict[str, object]], known: set[object]
) -> dict[object, list[dict[str, object]]]:
    """Rows by their category_key (dropped from the row); None for no known category."""
    grouped: dict[object, list[dict[str, object]]] = {}
    for row in rows:
        key = row.pop("category_key")
        grouped.setdefault(key if key in known else None, []).append(row)
    return grouped


def _section(
    category_code: str | None,
    name: str,
    category_key: object,
    tables: dict[str, dict[object, list[dict[str, object]]]],
) -> CategorySection:
    def table(kind: str) -> Table:
        columns = TABLE_COLUMNS[kind]
        rows = tables[kind].get(category_key, [])
        return Table(columns, tuple(tuple(row[column] for column in columns) for row in rows))

    return CategorySection(
        code=category_code,
        name=name,
        ranking=table("ranking"),
        panel=table("panel"),
        violations=table("violations"),
        decisions=table("decisions"),
    )


def _summary(
    query: Query, edition: tuple, language: str, categories: int, generated_at: dt.datetime
) -> tuple[tuple[str, object], ...]:
    [counts] = _rows(
        query(
            """
            select
                count(*) as entries,
                count(*) filter (where entries.is_formally_valid) as valid,
                count(*) filter (where not entries.is_formally_valid) as invalid,
                count(*) filter (where results.jurors_counted > 0) as evaluated,
                count(results.rank_in_category) as ranked,
                count(results.award_level) filter (where results.rank_in_category is not null)
                    as awarded,
                (select count(*) from marts.dim_juror
                 where contest_code = $1 and edition_year = $2) as jurors,
                (select count(distinct (entry_id, juror_id)) from marts.fct_scores
                 where contest_code = $1 and edition_year = $2
                 and conflict_source is not null) as conflicts,
                (select count(*) from marts.fct_violations
                 where contest_code = $1 and edition_year = $2) as violations,
                (select count(*) from marts.fct_decisions
                 where contest_code = $1 and edition_year = $2) as decisions,
                (select count(*) from marts.fct_decisions
                 where contest_code = $1 and edition_year = $2 and is_applied)
                    as decisions_applied
            from marts.fct_results as results
            left join marts.fct_entries as entries
                on entries.entry_row_key = results.entry_row_key
            where results.contest_code = $1 and results.edition_year = $2
            """,
            edition,
        )
    )
    method = _rows(
        query(
            "select * from marts.dim_scoring_method where contest_code = ? and edition_year = ?",
            edition,
        )
    )
    lines: list[tuple[str, object]] = [
        (f"{text('scoring_method', language)}: {header(column, language)}", value)
        for column, value in (method[0] if method else {}).items()
        if column not in _METHOD_KEYS
    ]
    lines.append((text("categories", language), categories))
    lines += [(text(key, language), counts[key]) for key in counts]
    lines.append((text("generated_at", language), generated_at))
    return tuple(lines)
