"""Building blocks every page shares: the sidebar (language, filters), notices for tables that
are not built yet, and tables with CSV and XLSX downloads, codes in words and links to the
entries they list."""

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pandas as pd
import plotly.express as px
import streamlit as st
from pandas.io.formats.style import Styler

from dashboards.connections import is_published, query, table_columns, uncached_query
from dashboards.i18n import (
    LANGUAGE_KEY,
    NUMBER_STYLES,
    code_label,
    column_label,
    language,
    t,
)
from dashboards.links import ENTRY_ID_IN_URL, entry_url
from spreadsheets.safe_csv import to_safe_csv
from spreadsheets.xlsx import frame_to_xlsx
from vocabulary.words import CODED_COLUMNS, LANGUAGES

CONTEST_KEY = "filter_contest"
EDITION_KEY = "filter_edition"
CATEGORY_KEY = "filter_category"
# Rows of a long table shown at once: what a person reads; the CSV download has them all.
PAGE_ROWS = 200
# What an empty cell shows, in either language (Streamlit writes "None").
MISSING = "—"
# The columns that name one entry: a table that has them links each row to the Entry page.
ENTRY_COLUMNS = ("contest_code", "edition_year", "entry_id")


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


def localized(frame: pd.DataFrame, chosen: str | None = None) -> pd.DataFrame:
    """Keep, for every `<name>_pl`/`<name>_en` pair, the given (else the chosen) language's
    column as `<name>`."""
    chosen = chosen or language()
    other = "en" if chosen == "pl" else "pl"
    renames: dict[str, str] = {}
    drops: list[str] = []
    for column in frame.columns:
        if column.endswith(f"_{chosen}") and f"{column[:-3]}_{other}" in frame.columns:
            renames[column] = column[:-3]
            drops.append(f"{column[:-3]}_{other}")
    return frame.drop(columns=drops).rename(columns=renames)


def in_words(frame: pd.DataFrame, chosen: str) -> pd.DataFrame:
    """The frame with the codes of its coded columns (CODED_COLUMNS) in the language's words."""
    coded = [column for column in frame.columns if column in CODED_COLUMNS]
    return frame.assign(
        **{column: frame[column].map(partial(code_label, chosen=chosen)) for column in coded}
    )


def labelled(frame: pd.DataFrame, chosen: str) -> pd.DataFrame:
    """The frame as a table shows it: the language's columns, codes in words, and headers."""
    shown = in_words(localized(frame, chosen), chosen)
    return shown.rename(columns={column: column_label(column, chosen) for column in shown.columns})


def entry_links(frame: pd.DataFrame) -> pd.Series | None:
    """Each row's link to its entry on the Entry page, when the frame names entries."""
    if not set(ENTRY_COLUMNS) <= set(frame.columns):
        return None
    links = [
        entry_url(contest, year, entry_id)
        if isinstance(contest, str) and isinstance(entry_id, str) and pd.notna(year)
        else None
        for contest, year, entry_id in frame[list(ENTRY_COLUMNS)].itertuples(index=False)
    ]
    return pd.Series(links, index=frame.index, dtype=object)


def _on_screen(frame: pd.DataFrame, shown: pd.DataFrame, chosen: str) -> tuple[pd.DataFrame, dict]:
    """The shown table with its entry ids as links (showing the id), and their column config;
    a download keeps the plain ids."""
    links = entry_links(frame)
    if links is None:
        return shown, {}
    header = column_label("entry_id", chosen)
    config = {header: st.column_config.LinkColumn(header, display_text=ENTRY_ID_IN_URL)}
    return shown.assign(**{header: links.to_numpy()}), config


def styled(frame: pd.DataFrame, chosen: str) -> Styler:
    """The frame with numbers and dates written the language's way; the cells keep their
    values, so a column still sorts as numbers. Whole numbers (years, counts, ranks) get no
    thousands separator: a year reads 2026, not 2 026."""
    style = NUMBER_STYLES[chosen]
    styler = frame.style
    floats = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    if floats:
        styler = styler.format(
            subset=floats, decimal=style.decimal, thousands=style.thousands, precision=2, na_rep=""
        )
    for column in frame.columns:
        if pd.api.types.is_datetime64_any_dtype(frame[column]):
            styler = styler.format(
                subset=[column],
                formatter=lambda v: "" if pd.isna(v) else v.strftime(style.datetime),
            )
        elif frame[column].map(lambda v: isinstance(v, dt.date)).any():
            styler = styler.format(
                subset=[column],
                formatter=lambda v: v.strftime(style.date) if isinstance(v, dt.date) else "",
            )
    return styler


def full_file(
    fetch: Callable[[], pd.DataFrame], write: Callable[[pd.DataFrame], bytes]
) -> Callable[[], bytes]:
    """Makes, when called, the file (CSV or XLSX) of what fetch returns, in the language
    chosen now: the download runs it outside the page script, where session state cannot be
    read."""
    return partial(_labelled_file, fetch, write, language())


def full_csv(fetch: Callable[[], pd.DataFrame]) -> Callable[[], bytes]:
    return full_file(fetch, to_safe_csv)


def _labelled_file(
    fetch: Callable[[], pd.DataFrame], write: Callable[[pd.DataFrame], bytes], chosen: str
) -> bytes:
    return write(labelled(fetch(), chosen))


def show_table(
    frame: pd.DataFrame, name: str, full: Callable[[], pd.DataFrame] | None = None
) -> None:
    """A table with translated headers and CSV and XLSX downloads: of exactly what is
    shown, or, when the page shows part of a table, of the whole table `full` fetches."""
    chosen = language()
    shown = labelled(frame, chosen)
    if shown.empty:
        st.caption(t("no_rows"))
        return
    on_screen, config = _on_screen(frame, shown, chosen)
    st.dataframe(
        styled(on_screen, chosen),
        hide_index=True,
        width="stretch",
        column_config=config,
        placeholder=MISSING,
    )
    csv_column, xlsx_column = st.columns(2)
    with csv_column:
        download_csv(
            name, partial(to_safe_csv, shown) if full is None else full_file(full, to_safe_csv)
        )
    with xlsx_column:
        download_xlsx(
            name, partial(frame_to_xlsx, shown) if full is None else full_file(full, frame_to_xlsx)
        )


def download_csv(name: str, data: Callable[[], bytes], label_key: str = "download_csv") -> None:
    """A CSV download whose bytes are made when clicked, not at every rerun: escaping every
    text cell of a large table costs far more than the query behind it, and a page that
    shows part of a table fetches the rest only for the download."""
    st.download_button(
        t(label_key), data=data, file_name=f"{name}.csv", mime="text/csv", key=f"download_{name}"
    )


def download_xlsx(name: str, data: Callable[[], bytes]) -> None:
    """An XLSX download of a table (typed cells, frozen header), made when clicked."""
    st.download_button(
        t("download_xlsx"),
        data=data,
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"download_xlsx_{name}",
    )


def full_table(path: Path, sql: str, params: tuple = ()) -> Callable[[], pd.DataFrame]:
    """Fetches a whole table for a download, uncached: a large result kept in the cache
    would hold memory for a file downloaded once."""
    return partial(uncached_query, path, sql, params)


def page_offset(total: int, key: str) -> int:
    """The first row of the page chosen under a table of total rows, PAGE_ROWS a page (no
    chooser when all fit on one)."""
    pages = -(-total // PAGE_ROWS)
    if pages <= 1:
        return 0
    if st.session_state.get(key, 1) > pages:
        # Filters left fewer pages than the one chosen: show the last.
        st.session_state[key] = pages
    page = int(st.number_input(t("page", pages=pages), min_value=1, max_value=pages, key=key))
    first = (page - 1) * PAGE_ROWS
    st.caption(t("rows_of", first=first + 1, last=min(first + PAGE_ROWS, total), total=total))
    return first


def paged_table(path: Path, name: str, sql: str, params: tuple, total: int) -> None:
    """One page of an ordered query's rows, with a download of all of them. sql has a
    `{page}` slot for the page's `limit ? offset ?`, whose values follow params (a slot
    inside a CTE lets the page be cut before costly joins); total, the number of rows,
    is counted apart in SQL."""
    offset = page_offset(total, f"page_{name}")
    rows = query(path, sql.format(page=" limit ? offset ?"), (*params, PAGE_ROWS, offset))
    show_table(rows, name, full_table(path, sql.format(page=""), params))


def entries_by_edition_chart(by_edition: pd.DataFrame) -> None:
    """Entries per contest edition as bars: the organizers' and the sponsors' opening chart."""
    if by_edition.empty:
        return
    chart = by_edition.assign(
        edition=by_edition["contest_code"] + " " + by_edition["edition_year"].astype(str)
    )
    st.plotly_chart(
        px.bar(
            chart,
            x="edition",
            y="entries",
            labels={"edition": t("edition"), "entries": t("entries")},
        ),
        key="chart_by_edition",
    )
