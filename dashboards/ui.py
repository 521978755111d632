"""Building blocks every page shares: the sidebar (language, filters), notices for tables that
are not built yet, and tables with a CSV download."""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboards.csv_export import to_safe_csv
from dashboards.i18n import LANGUAGE_KEY, LANGUAGES, column_label, language, t
from dashboards.warehouse import is_published, table_columns

CONTEST_KEY = "filter_contest"
EDITION_KEY = "filter_edition"
CATEGORY_KEY = "filter_category"


@dataclass(frozen=True)
class Filters:
    """The contest, edition and category chosen in the sidebar; None means all."""

    contest: str | None = None
    edition_year: int | None = None
    category_code: str | None = None

    def where(
        self, columns: Iterable[str] | Mapping[str, str], alias: str = "", *extra: str
    ) -> tuple[str, tuple]:
        """A `where` clause (or '') and its parameters for the filters a table can take.

        columns are the table's columns (qualified by alias), or a mapping from filter column
        to the SQL expression to compare; extra conditions are and-ed as given."""
        prefix = f"{alias}." if alias else ""
        expressions = (
            dict(columns)
            if isinstance(columns, Mapping)
            else {column: f"{prefix}{column}" for column in columns}
        )
        conditions: list[str] = []
        params: list[object] = []
        for column, value in (
            ("contest_code", self.contest),
            ("edition_year", self.edition_year),
            ("category_code", self.category_code),
        ):
            if value is not None and column in expressions:
                conditions.append(f"{expressions[column]} = ?")
                params.append(value)
        conditions.extend(extra)
        return ((" where " + " and ".join(conditions)) if conditions else ""), tuple(params)


def current_filters() -> Filters:
    """The filters set in the sidebar of this session."""
    return Filters(
        contest=st.session_state.get(CONTEST_KEY),
        edition_year=st.session_state.get(EDITION_KEY),
        category_code=st.session_state.get(CATEGORY_KEY),
    )


def language_switch() -> None:
    """The Polish/English switch; every label reads it."""
    st.sidebar.radio(
        "Język / Language",
        options=list(LANGUAGES),
        format_func=LANGUAGES.__getitem__,
        key=LANGUAGE_KEY,
        horizontal=True,
    )


def _keep_valid(key: str, options: list) -> None:
    # A choice that the other filters made impossible falls back to "all".
    if st.session_state.get(key) not in options:
        st.session_state[key] = None


def _selectbox(label: str, options: list, key: str, names: dict | None = None) -> None:
    choices = [None, *options]
    _keep_valid(key, choices)
    st.sidebar.selectbox(
        label,
        choices,
        key=key,
        format_func=lambda value: (
            t("all") if value is None else str((names or {}).get(value, value))
        ),
    )


def filter_sidebar(editions: pd.DataFrame, categories: pd.DataFrame | None) -> Filters:
    """Contest, edition and category choosers from the editions (contest_code, edition_year)
    and categories (contest_code, edition_year, category_code, category_name_pl/_en) that
    exist; each narrows the next."""
    st.sidebar.subheader(t("filters"))
    contests = sorted(editions["contest_code"].dropna().unique().tolist())
    _selectbox(t("contest"), contests, CONTEST_KEY)
    contest = st.session_state.get(CONTEST_KEY)
    if contest is not None:
        editions = editions[editions["contest_code"] == contest]
    years = sorted(int(year) for year in editions["edition_year"].dropna().unique())
    _selectbox(t("edition"), years, EDITION_KEY)
    year = st.session_state.get(EDITION_KEY)
    if categories is not None:
        if contest is not None:
            categories = categories[categories["contest_code"] == contest]
        if year is not None:
            categories = categories[categories["edition_year"] == year]
        name_column = f"category_name_{language()}"
        # Entries of an unrecognised category have no code to filter on.
        names = (
            categories.dropna(subset=["category_code"])
            .drop_duplicates("category_code")
            .set_index("category_code")[name_column]
            .to_dict()
        )
        _selectbox(t("category"), sorted(names), CATEGORY_KEY, names)
    else:
        st.session_state[CATEGORY_KEY] = None
    return current_filters()


def warehouse_ready(path: Path) -> bool:
    """True when the file is published; otherwise a notice says how to build it."""
    if is_published(path):
        return True
    st.info(t("no_warehouse", path=path))
    return False


def require(path: Path, *tables: str) -> bool:
    """True when every table exists in the file; otherwise a notice names the missing ones."""
    existing = table_columns(path)
    missing = [table for table in tables if table not in existing]
    for table in missing:
        st.info(t("missing_table", table=table), icon="🚧")
    return not missing


def columns_of(path: Path, table: str) -> tuple[str, ...]:
    return table_columns(path).get(table, ())


def localized(frame: pd.DataFrame) -> pd.DataFrame:
    """Keep, for every `<name>_pl`/`<name>_en` pair, the chosen language's column as `<name>`."""
    chosen, other = ("pl", "en") if language() == "pl" else ("en", "pl")
    renames: dict[str, str] = {}
    drops: list[str] = []
    for column in frame.columns:
        if column.endswith(f"_{chosen}") and f"{column[:-3]}_{other}" in frame.columns:
            renames[column] = column[:-3]
            drops.append(f"{column[:-3]}_{other}")
    return frame.drop(columns=drops).rename(columns=renames)


def show_table(frame: pd.DataFrame, name: str) -> None:
    """A table with translated headers and a CSV download of exactly what is shown."""
    shown = localized(frame)
    shown = shown.rename(columns={column: column_label(column) for column in shown.columns})
    if shown.empty:
        st.caption(t("no_rows"))
        return
    st.dataframe(shown, hide_index=True, width="stretch")
    st.download_button(
        t("download_csv"),
        # Built on click, not at every rerun: escaping every text cell of a large table
        # (e.g. one row per recording) costs far more than the query behind it.
        data=partial(to_safe_csv, shown),
        file_name=f"{name}.csv",
        mime="text/csv",
        key=f"download_{name}",
    )
