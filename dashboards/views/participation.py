"""Who entered? Entries, participants and organizations by contest, edition, category and
family; 2024 against 2026 through the category lineage; the submission timeline; returning
organizations."""

import plotly.express as px
import streamlit as st

from dashboards.connections import organizer_warehouse, query
from dashboards.i18n import column_label, t
from dashboards.sources import distinct_count, entries_source
from dashboards.ui import (
    columns_of,
    current_filters,
    entries_by_edition_chart,
    localized,
    require,
    show_table,
    warehouse_ready,
)

path = organizer_warehouse()
filters = current_filters()
st.header(t("page_participation"))
if not warehouse_ready(path) or not require(path, "marts.fct_entries"):
    st.stop()

source = entries_source(path)
entry_columns = columns_of(path, "marts.fct_entries")
participants = distinct_count(entry_columns, "participant_key")
organizations = distinct_count(entry_columns, "organization_key", "organization_as_written")
where, params = filters.where(("contest_code", "edition_year", "category_code"))

totals = query(
    path,
    f"select count(*) as entries, {participants} as participants, "
    f"{organizations} as organizations from {source}{where}",
    params,
)
first, second, third = st.columns(3)
first.metric(t("entries"), int(totals.at[0, "entries"]))
if "participant_key" in entry_columns:
    second.metric(t("participants"), int(totals.at[0, "participants"]))
third.metric(t("organizations"), int(totals.at[0, "organizations"]))

st.subheader(t("by_edition"))
by_edition = query(
    path,
    f"select contest_code, edition_year, count(*) as entries, {participants} as participants, "
    f"{organizations} as organizations from {source}{where} group by all order by all",
    params,
)
entries_by_edition_chart(by_edition)
if "participant_key" not in entry_columns:
    by_edition = by_edition.drop(columns=["participants"])
show_table(by_edition, "entries_by_edition")

st.subheader(t("by_category"))
if require(path, "marts.dim_category"):
    by_category = query(
        path,
        "select e.contest_code, e.edition_year, e.category_code, "
        "any_value(c.category_name_pl) as category_name_pl, "
        "any_value(c.category_name_en) as category_name_en, count(*) as entries, "
        f"{distinct_count(entry_columns, 'participant_key', alias='e')} as participants "
        f"from {source} as e left join marts.dim_category as c on e.category_key = c.category_key"
        f"{filters.where(('contest_code', 'edition_year', 'category_code'), 'e')[0]} "
        "group by all order by e.contest_code, e.edition_year, entries desc",
        params,
    )
    if "participant_key" not in entry_columns:
        by_category = by_category.drop(columns=["participants"])
    shown = localized(by_category)
    if not shown.empty:
        shown = shown.assign(category_name=shown["category_name"].fillna("?"))
        figure = px.bar(
            shown,
            x="entries",
            y="category_name",
            color=shown["edition_year"].astype(str),
            facet_col="contest_code",
            orientation="h",
            labels={
                "entries": t("entries"),
                "category_name": t("category"),
                "color": t("edition"),
                "contest_code": t("contest"),
            },
        )
        figure.update_yaxes(matches=None, showticklabels=True)
        # A facet is titled by its contest alone, not `contest_code=PCCA`.
        figure.for_each_annotation(lambda note: note.update(text=note.text.split("=")[-1]))
        st.plotly_chart(figure, key="chart_by_category")
    show_table(by_category, "entries_by_category")

st.subheader(t("by_family"))
if require(path, "marts.dim_category_family"):
    family_where, family_params = filters.where(
        ("contest_code", "edition_year", "category_code"), "e"
    )
    by_family = query(
        path,
        "select e.contest_code, f.family_name_pl, f.family_name_en, e.edition_year, "
        f"count(*) as entries from {source} as e "
        "join marts.dim_category_family as f on e.family_code = f.family_code"
        f"{family_where} group by all order by all",
        family_params,
    )
    shown = localized(by_family)
    if not shown.empty:
        st.plotly_chart(
            px.bar(
                shown,
                x="family_name",
                y="entries",
                color=shown["edition_year"].astype(str),
                barmode="group",
                labels={
                    "entries": t("entries"),
                    "family_name": t("category"),
                    "color": t("edition"),
                },
            ),
            key="chart_by_family",
        )
    show_table(by_family, "entries_by_family")

st.subheader(t("lineage"))
if require(path, "marts.category_lineage", "marts.dim_category"):
    lineage_where = " where l.from_category_key is not null and l.to_category_key is not null"
    lineage_params: tuple = ()
    if filters.contest is not None:
        lineage_where += " and l.from_contest_code = ?"
        lineage_params = (filters.contest,)
    # Both categories named in either language, from the catalog of their editions.
    lineage = query(
        path,
        "with counts as (select category_key, count(*) as entries from "
        f"{source} group by category_key) "
        "select l.from_contest_code as contest_code, l.from_edition_year, "
        "f.category_name_pl as from_category_pl, f.category_name_en as from_category_en, "
        "coalesce(b.entries, 0) as from_entries, l.relation, l.to_edition_year, "
        "n.category_name_pl as to_category_pl, n.category_name_en as to_category_en, "
        "coalesce(a.entries, 0) as to_entries from marts.category_lineage as l "
        "left join marts.dim_category as f on l.from_category_key = f.category_key "
        "left join marts.dim_category as n on l.to_category_key = n.category_key "
        "left join counts as b on l.from_category_key = b.category_key "
        "left join counts as a on l.to_category_key = a.category_key"
        f"{lineage_where} order by all",
        lineage_params,
    )
    show_table(lineage, "category_lineage_entries")

st.subheader(t("timeline"))
if require(path, "marts.submission_timeline"):
    timeline_where, timeline_params = filters.where(columns_of(path, "marts.submission_timeline"))
    timeline = query(
        path,
        f"select * from marts.submission_timeline{timeline_where} "
        "order by contest_code, edition_year, submitted_on nulls last",
        timeline_params,
    )
    dated = timeline.dropna(subset=["day_number"])
    if not dated.empty:
        st.plotly_chart(
            px.line(
                dated,
                x="day_number",
                y="cumulative_entries",
                color=dated["contest_code"] + " " + dated["edition_year"].astype(str),
                labels={
                    "day_number": column_label("day_number").capitalize(),
                    "cumulative_entries": t("entries"),
                    "color": t("edition"),
                },
            ),
            key="chart_timeline",
        )
    show_table(timeline, "submission_timeline")

st.subheader(t("returning"))
if require(path, "marts.returning_organizations"):
    returning_where, returning_params = filters.where(
        columns_of(path, "marts.returning_organizations")
    )
    returning = query(
        path,
        "select contest_code, edition_year, count(*) as organizations, "
        "count(*) filter (where is_returning) as returning_organizations, "
        "count(*) filter (where not is_returning) as new_organizations, "
        "sum(entries) as entries from marts.returning_organizations"
        f"{returning_where} group by all order by all",
        returning_params,
    )
    if not returning.empty:
        # The bars' series are named by their headers, the legend titled as the count.
        series = ["returning_organizations", "new_organizations"]
        chart = returning.assign(
            edition=returning["contest_code"] + " " + returning["edition_year"].astype(str)
        ).rename(columns={column: column_label(column) for column in series})
        st.plotly_chart(
            px.bar(
                chart,
                x="edition",
                y=[column_label(column) for column in series],
                labels={
                    "edition": t("edition"),
                    "value": t("organizations"),
                    "variable": t("organizations"),
                },
            ),
            key="chart_returning",
        )
    show_table(returning, "returning_organizations")
