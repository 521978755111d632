"""SQL of the organizers' views that several pages share, from whichever marts are built (the
dashboards read marts only)."""

from pathlib import Path

from dashboards.connections import table_columns
from vocabulary.words import LANGUAGES

# The awards of each edition with their names (the edition's catalog, else the built-in ones).
AWARD_LEVELS = "marts.dim_award_level"


def entries_source(path: Path) -> str | None:
    """A `from` expression of marts.fct_entries with the entry's category_key, category_code
    and family_code (null when unresolved), or None while fct_entries is not built."""
    tables = table_columns(path)
    entry_columns = tables.get("marts.fct_entries")
    if entry_columns is None:
        return None
    wanted = ("category_key", "category_code", "family_code")
    if all(column in entry_columns for column in wanted):
        return "marts.fct_entries"
    return (
        "(select *, null::varchar as category_key, null::varchar as category_code, "
        "null::varchar as family_code from marts.fct_entries)"
    )


def distinct_count(columns: tuple[str, ...], *candidates: str, alias: str = "") -> str:
    """count(distinct ...) of the first candidate column the table has, else null."""
    prefix = f"{alias}." if alias else ""
    for column in candidates:
        if column in columns:
            return f"count(distinct {prefix}{column})"
    return "null::bigint"


def award_names(path: Path, results: str, *columns: str) -> tuple[str, str]:
    """Select expressions naming each award column of the results alias in words, as
    `<column>_pl` and `<column>_en` (pages keep the chosen language's), and the joins they
    need; the award codes, as `<column>`, while the award levels are not built."""
    if AWARD_LEVELS not in table_columns(path):
        return ", ".join(f"{results}.{column}" for column in columns), ""
    selects: list[str] = []
    joins: list[str] = []
    for column in columns:
        # Named after the column: a query may name the awards of several columns apart.
        award = f"{column}_names"
        joins.append(
            f" left join {AWARD_LEVELS} as {award} on {award}.contest_code = "
            f"{results}.contest_code and {award}.edition_year = {results}.edition_year "
            f"and {award}.award_level = {results}.{column}"
        )
        selects.extend(
            f"coalesce({award}.award_name_{chosen}, {results}.{column}) as {column}_{chosen}"
            for chosen in LANGUAGES
        )
    return ", ".join(selects), "".join(joins)


def category_names(path: Path, alias: str, on: str = "category_key") -> tuple[str, str]:
    """Select expressions `category_name_pl, category_name_en` of the alias's category (by its
    category_key, or by contest, edition and category_code when on is "category_code"), null
    when unrecognised, and the join they need; nulls while dim_category is not built."""
    if "marts.dim_category" not in table_columns(path):
        return "null::varchar as category_name_pl, null::varchar as category_name_en", ""
    condition = (
        f"names.category_key = {alias}.category_key"
        if on == "category_key"
        else f"names.contest_code = {alias}.contest_code and names.edition_year = "
        f"{alias}.edition_year and names.category_code = {alias}.category_code"
    )
    return (
        "names.category_name_pl, names.category_name_en",
        f" left join marts.dim_category as names on {condition}",
    )


def in_language(columns: tuple[str, ...], column: str, chosen: str) -> str:
    """The name of a mart's text column in the chosen language: its Polish twin
    `<column>_pl` when the language is Polish and the table has it, else the column itself,
    which the marts write in English."""
    polish = f"{column}_pl"
    return polish if chosen == "pl" and polish in columns else column
