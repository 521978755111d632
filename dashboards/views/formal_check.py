"""Which entries break the rules, and why? Violations by rule and category, invalid entries
with their reasons, the organizer's decisions on them, surcharges due, durations against the
duration limits of the rules catalog (marts.dim_category), the GX Data Docs."""

import plotly.express as px
import streamlit as st

from dashboards.connections import organizer_warehouse, query
from dashboards.duration_limits import duration_limits, limit_join, limit_minutes
from dashboards.i18n import language, t
from dashboards.sources import category_names, entries_source
from dashboards.ui import (
    columns_of,
    current_filters,
    download_csv,
    full_csv,
    full_table,
    in_words,
    localized,
    paged_table,
    require,
    show_table,
    warehouse_ready,
)
from settings.environment import podium_paths

HISTOGRAM_BINS = 40
FILTER_COLUMNS = ("contest_code", "edition_year", "category_code")

path = organizer_warehouse()
filters = current_filters()
st.header(t("page_formal"))
if not warehouse_ready(path):
    st.stop()
message = f"message_{language()}"


def require_columns(table: str, *columns: str) -> bool:
    """True when the table has the columns; otherwise a notice names the first missing one."""
    present = columns_of(path, table)
    for column in columns:
        if column not in present:
            st.info(t("missing_table", table=f"{table}.{column}"), icon="🚧")
            return False
    return True


source = entries_source(path)


def count_of(sql: str, params: tuple) -> int:
    """The number a counting query returns."""
    return int(query(path, sql, params).iat[0, 0])


def recording_rows(where: str, limit_join: str = "") -> str:
    """Every recording the where clause keeps, longest first, with its entry's category
    (and, given limit_join, its entry's duration limit as `lim`)."""
    names, join = category_names(path, "e")
    return (
        f"select m.contest_code, m.edition_year, {names}, m.entry_id, m.case_no, "
        "m.interaction_no, m.relative_path, m.detected_format, m.duration_seconds "
        "from marts.fct_media as m left join (select distinct contest_code, edition_year, "
        f"entry_id, category_key from {source}) as e on m.contest_code = e.contest_code "
        f"and m.edition_year = e.edition_year and m.entry_id = e.entry_id{join}{limit_join}{where} "
        "order by m.duration_seconds desc, m.contest_code, m.edition_year, m.entry_id, "
        "m.case_no, m.interaction_no, m.relative_path{page}"
    )


st.subheader(t("violations_by_rule"))
if require(path, "marts.fct_violations"):
    where, params = filters.where(FILTER_COLUMNS, "v")
    names, join = category_names(path, "v")
    violations = query(
        path,
        "select v.rule_code as rule, v.rule_code, v.severity, v.contest_code, v.edition_year, "
        f"{names}, count(*) as violations, count(distinct v.entry_row_key) as entries "
        f"from marts.fct_violations as v{join}{where} group by all "
        "order by violations desc, v.rule_code",
        params,
    )
    first, second = st.columns(2)
    first.metric(t("violations"), int(violations["violations"].sum()))
    if not violations.empty:
        # The rule's title on the axis, its category's name in the legend.
        chart = in_words(localized(violations), language())
        st.plotly_chart(
            px.bar(
                chart,
                x="violations",
                y="rule",
                color=chart["category_name"].fillna(t("no_category")),
                orientation="h",
                labels={"violations": t("violations"), "rule": "", "color": t("category")},
            ),
            key="chart_violations",
        )
    show_table(violations, "violations_by_rule")

st.subheader(t("invalid_entries"))
if require(path, "marts.fct_entries", "marts.fct_violations") and require_columns(
    "marts.fct_entries", "is_formally_valid"
):
    where, params = filters.where(FILTER_COLUMNS, "e", "not e.is_formally_valid")
    # One row per entry id and category, as the listing below groups them.
    invalid_count = count_of(
        "select count(*) as entries from (select distinct e.contest_code, e.edition_year, "
        f"e.entry_id, e.category_code from {source} as e{where})",
        params,
    )
    st.metric(t("invalid_count"), invalid_count)
    # The page of entries is cut first: their violations are then joined for 200 entries,
    # not for every invalid one.
    names, join = category_names(path, "l", on="category_code")
    paged_table(
        path,
        "invalid_entries",
        "with listed as (select distinct e.contest_code, e.edition_year, e.entry_id, "
        f"e.category_code from {source} as e{where} order by all{{page}}) "
        f"select l.contest_code, l.edition_year, l.entry_id, {names}, "
        # Ordered, so the page, its CSV and its XLSX list an entry's reasons alike.
        f"count(v.rule_code) as violations, "
        f"string_agg(distinct v.{message}, ' | ' order by v.{message}) as message "
        f"from listed as l{join} join {source} as e on l.contest_code = e.contest_code "
        "and l.edition_year = e.edition_year and l.entry_id = e.entry_id "
        "and l.category_code is not distinct from e.category_code and not e.is_formally_valid "
        "left join marts.fct_violations as v "
        # A waived violation (overturned, excepted) no longer makes the entry invalid.
        "on e.entry_row_key = v.entry_row_key and v.severity = 'error' "
        "and not coalesce(v.is_waived, false) "
        "group by all order by all",
        params,
        invalid_count,
    )

st.subheader(t("decided_violations"))
if require(path, "marts.fct_violations", "marts.fct_decisions"):
    where, params = filters.where(FILTER_COLUMNS, "v", "v.decision is not null")
    decided = dict(
        query(
            path,
            f"select v.decision, count(*) from marts.fct_violations as v{where} group by all",
            params,
        ).itertuples(index=False)
    )
    # Decisions have no category: the entry's (any of its rows) says whether one is shown.
    in_category = (
        [
            f"exists (select 1 from {source} as e where e.contest_code = d.contest_code "
            "and e.edition_year = d.edition_year and e.entry_id = d.entry_id "
            "and e.category_code = ?)"
        ]
        if filters.category_code is not None
        else []
    )
    where, params = filters.where(("contest_code", "edition_year"), "d", *in_category)
    if in_category:
        params = (*params, filters.category_code)
    decisions = query(
        path,
        "select d.contest_code, d.edition_year, d.entry_id, d.decision_id, d.subject, "
        "d.decision, d.reason, d.decided_at, d.is_applied, d.not_applied_reason, "
        "d.was_formally_valid, d.is_formally_valid, d.rank_before, d.rank_after "
        f"from marts.fct_decisions as d{where} order by all",
        params,
    )
    first, second, third = st.columns(3)
    first.metric(t("overturned_count"), int(decided.get("overturned", 0)))
    second.metric(t("excepted_count"), int(decided.get("exception_granted", 0)))
    third.metric(t("upheld_count"), int(decided.get("upheld", 0)))
    ((disqualified, not_applied),) = query(
        path,
        "select count(*) filter (where d.is_applied and d.decision = 'disqualified'), "
        f"count(*) filter (where not d.is_applied) from marts.fct_decisions as d{where}",
        params,
    ).itertuples(index=False)
    first, second, _ = st.columns(3)
    first.metric(t("disqualified_count"), int(disqualified))
    second.metric(t("not_applied_count"), int(not_applied))
    show_table(decisions, "decisions")

st.subheader(t("surcharges"))
if require(path, "marts.fct_entries") and require_columns("marts.fct_entries", "surcharge_due"):
    minutes = (
        "e.surcharge_minutes"
        if "surcharge_minutes" in columns_of(path, "marts.fct_entries")
        else "null::integer"
    )
    where, params = filters.where(FILTER_COLUMNS, "e", "e.surcharge_due")
    surcharge_count = count_of(f"select count(*) from {source} as e{where}", params)
    st.metric(t("surcharge_count"), surcharge_count)
    names, join = category_names(path, "e")
    paged_table(
        path,
        "surcharges_due",
        f"select e.contest_code, e.edition_year, e.entry_id, {names}, "
        f"{minutes} as surcharge_minutes from {source} as e{join}{where} "
        "order by e.contest_code, e.edition_year, e.entry_id, e.category_code{page}",
        params,
        surcharge_count,
    )

# Always a where clause: later conditions are and-ed onto it. The category is the entry's,
# tested without a join so that no recording is counted twice.
in_category = (
    [
        f"exists (select 1 from {source} as c where c.contest_code = m.contest_code "
        "and c.edition_year = m.edition_year and c.entry_id = m.entry_id "
        "and c.category_code = ?)"
    ]
    if filters.category_code is not None
    else []
)
where, params = filters.where(
    ("contest_code", "edition_year"), "m", "m.duration_seconds is not null", *in_category
)
if in_category:
    params = (*params, filters.category_code)
# Each recording against its own category's limit: editions and categories may differ.
limits = duration_limits(path, source, where, params)
with_limits = limit_join(source) if limits.main is not None else ""
over = "m.duration_seconds > lim.limit_seconds" if with_limits else "false"
if limits.main is None:
    st.subheader(t("durations_no_limit"))
else:
    st.subheader(t("durations", minutes=limit_minutes(limits.main)))
if require(path, "marts.fct_media"):
    # Aggregated in SQL: a person reads a distribution and the calls over the limit, never
    # one row per recording (hundreds of thousands at full scale).
    summary = query(
        path,
        "select m.contest_code, m.edition_year, count(*) as recordings, "
        "round(median(m.duration_seconds), 1) as median_seconds, "
        "round(quantile_cont(m.duration_seconds, 0.95), 1) as p95_seconds, "
        "round(max(m.duration_seconds), 1) as max_seconds, "
        f"count(*) filter (where {over}) as over_limit "
        f"from marts.fct_media as m{with_limits}{where} group by all order by all",
        params,
    )
    first, second = st.columns(2)
    first.metric(t("recordings"), int(summary["recordings"].sum()))
    over_limit = int(summary["over_limit"].sum())
    if limits.main is not None:
        second.metric(t("over_limit", minutes=limit_minutes(limits.main)), over_limit)
    if limits.differ:
        st.caption(
            t(
                "limits_differ",
                limits=", ".join(f"{limit_minutes(s)} min ({n})" for s, n in limits.counts),
            )
        )
    # Equal bins from zero to the longest recording, as many as the chart had before.
    histogram = query(
        path,
        f"with bins as (select greatest(max(m.duration_seconds) / {HISTOGRAM_BINS}, 1) "
        f"as width from marts.fct_media as m{where}) "
        "select m.contest_code || ' ' || m.edition_year as edition, "
        # The longest recording closes the last bin rather than opening one of its own.
        f"least(floor(m.duration_seconds / bins.width), {HISTOGRAM_BINS - 1}) * bins.width / 60 "
        "as minute_from, "
        "count(*) as recordings, any_value(bins.width) / 60 as minutes_wide "
        f"from marts.fct_media as m cross join bins{where} group by all order by all",
        (*params, *params),
    )
    if not histogram.empty:
        figure = px.bar(
            histogram,
            x="minute_from",
            y="recordings",
            color="edition",
            labels={
                "minute_from": t("minutes"),
                "recordings": t("recordings"),
                "edition": t("edition"),
            },
        )
        # Each bar spans its bin, as a histogram's do.
        figure.update_traces(offset=0, width=float(histogram["minutes_wide"].iloc[0]))
        figure.update_layout(bargap=0)
        # A line at every limit of the categories shown.
        for seconds, _ in limits.counts:
            figure.add_vline(
                x=seconds / 60,
                line_dash="dash",
                line_color="red",
                annotation_text=t("limit_minutes", minutes=limit_minutes(seconds)),
            )
        st.plotly_chart(figure, key="chart_durations")
    show_table(summary, "recording_durations_summary")
    download_csv(
        "recording_durations",
        full_csv(full_table(path, recording_rows(where).format(page=""), params)),
        "download_all_recordings",
    )
    if limits.main is not None:
        st.caption(t("over_limit_calls", minutes=limit_minutes(limits.main)))
        paged_table(
            path,
            "recordings_over_limit",
            recording_rows(f"{where} and {over}", with_limits),
            params,
            over_limit,
        )

    st.subheader(t("media_status"))
    media_where, media_params = filters.where(("contest_code", "edition_year"))
    status = query(
        path,
        "select contest_code, edition_year, probe_status, count(*) as files "
        f"from marts.fct_media{media_where} group by all order by all",
        media_params,
    )
    show_table(status, "files_by_probe_status")

st.subheader(t("data_docs"))
docs_index = podium_paths().gx_docs_dir / "index.html"
if docs_index.is_file():
    st.markdown(f"[{t('data_docs')}]({docs_index.as_uri()})")
    st.code(str(docs_index), language=None)
else:
    st.info(t("data_docs_missing", path=docs_index.parent), icon="🚧")
