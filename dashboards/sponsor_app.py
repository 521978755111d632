"""The sponsors' app: participation aggregates from the sponsor file only.

It opens nothing but `$PODIUM_SPONSOR_WAREHOUSE`, whose tables (in the file's default schema)
hold aggregates with small counts suppressed and no personal data, so no URL or parameter can
reach a name. Every table of the file is shown, so new aggregates appear once published.
"""

import pandas as pd
import plotly.express as px
import streamlit as st

from dashboards.connections import query, sponsor_warehouse, table_columns
from dashboards.i18n import t
from dashboards.ui import (
    entries_by_edition_chart,
    filter_sidebar,
    language_switch,
    localized,
    show_table,
    warehouse_ready,
)

# Tables with a chart of their own, shown first, in this order.
FEATURED = ("entries_by_edition", "entries_by_size_band")
# The titles (dashboards.i18n texts) of the other tables; a table not named here shows its name.
TITLES = {"entries_by_category": "by_category", "entries_by_family": "by_family"}


def overview() -> None:
    """The one page: every aggregate of the sponsor file, filtered."""
    language_switch()
    path = sponsor_warehouse()
    st.title(t("sponsor_title"))
    if not warehouse_ready(path):
        return

    tables = table_columns(path)
    with_editions = [
        name for name, cols in tables.items() if {"contest_code", "edition_year"} <= set(cols)
    ]
    editions = (
        query(
            path,
            " union ".join(
                f"select distinct contest_code, edition_year from {name}" for name in with_editions
            ),
        )
        if with_editions
        else pd.DataFrame({"contest_code": [], "edition_year": []})
    )
    with_categories = [
        name
        for name, cols in tables.items()
        if {"contest_code", "edition_year", "category_code", "category_name_pl", "category_name_en"}
        <= set(cols)
    ]
    categories = (
        query(
            path,
            " union ".join(
                "select distinct contest_code, edition_year, category_code, category_name_pl, "
                f"category_name_en from {name}"
                for name in with_categories
            ),
        )
        if with_categories
        else None
    )
    filters = filter_sidebar(editions, categories)
    st.caption(t("sponsor_note"))

    def filtered(name: str) -> pd.DataFrame:
        where, params = filters.where(tables[name])
        return query(path, f"select * from {name}{where} order by all", params)

    if "entries_by_edition" in tables:
        st.subheader(t("by_edition"))
        by_edition = filtered("entries_by_edition")
        entries_by_edition_chart(by_edition)
        show_table(by_edition, "entries_by_edition")

    if "entries_by_size_band" in tables:
        st.subheader(t("by_size_band"))
        by_band = localized(filtered("entries_by_size_band"))
        if not by_band.empty and "size_band_name" in by_band.columns:
            st.plotly_chart(
                px.bar(
                    by_band,
                    x="size_band_name",
                    y="entries",
                    color=by_band["contest_code"] + " " + by_band["edition_year"].astype(str),
                    barmode="group",
                    labels={"size_band_name": "", "entries": t("entries"), "color": t("edition")},
                ),
                key="chart_by_size_band",
            )
        show_table(filtered("entries_by_size_band"), "entries_by_size_band")

    others = sorted(name for name in tables if name not in FEATURED)
    if others:
        st.subheader(t("other_tables"))
        for name in others:
            st.markdown(f"**{t(TITLES[name]) if name in TITLES else name}**")
            show_table(filtered(name), name)


st.set_page_config(page_title="Podium — sponsors", layout="wide")
# st.navigation with this one page: no URL of the sponsors' server reaches another script
# (the organizers' views/ beside this file is, on purpose, not a `pages` folder, which
# Streamlit would serve by address on a fresh server).
st.navigation([st.Page(overview, title="Podium", default=True)], position="hidden").run()
