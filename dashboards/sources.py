"""SQL of the organizers' views that several pages share, from whichever marts are built."""

from pathlib import Path

from dashboards.warehouse import table_columns

CATEGORIZED = "intermediate.int_entries_categorized"


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
    if CATEGORIZED in tables:
        kept = ", ".join(f"e.{column}" for column in entry_columns if column not in wanted)
        return (
            f"(select {kept}, c.category_key, c.category_code, c.family_code "
            f"from marts.fct_entries as e left join {CATEGORIZED} as c "
            "on e.entry_row_key = c.entry_row_key)"
        )
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
