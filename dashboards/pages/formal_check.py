"""Which entries break the rules, and why? Violations by rule and category, invalid entries
with their reasons, surcharges due, durations against the 20-minute limit, the GX Data Docs."""

import plotly.express as px
import streamlit as st

from dashboards.i18n import language, t
from dashboards.sources import entries_source
from dashboards.ui import columns_of, current_filters, require, show_table, warehouse_ready
from dashboards.warehouse import organizer_warehouse, query
from orchestration.settings import podium_paths

DURATION_LIMIT_MINUTES = 20
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

st.subheader(t("violations_by_rule"))
if require(path, "marts.fct_violations"):
    where, params = filters.where(FILTER_COLUMNS, "v")
    violations = query(
        path,
        "select v.rule_code, v.severity, v.contest_code, v.edition_year, v.category_code, "
        "count(*) as violations, count(distinct v.entry_row_key) as entries "
        f"from marts.fct_violations as v{where} group by all "
        "order by violations desc, v.rule_code",
        params,
    )
    first, second = st.columns(2)
    first.metric(t("violations"), int(violations["violations"].sum()))
    if not violations.empty:
        st.plotly_chart(
            px.bar(
                violations,
                x="violations",
                y="rule_code",
                color=violations["category_code"].fillna("?"),
                orientation="h",
                labels={"violations": t("violations"), "rule_code": "", "color": t("category")},
            ),
            key="chart_violations",
        )
    show_table(violations, "violations_by_rule")

st.subheader(t("invalid_entries"))
if require(path, "marts.fct_entries", "marts.fct_violations") and require_columns(
    "marts.fct_entries", "is_formally_valid"
):
    where, params = filters.where(FILTER_COLUMNS, "e", "not e.is_formally_valid")
    invalid = query(
        path,
        "select e.contest_code, e.edition_year, e.entry_id, e.category_code, "
        f"count(v.rule_code) as violations, string_agg(distinct v.{message}, ' | ') as message "
        f"from {source} as e left join marts.fct_violations as v "
        f"on e.entry_row_key = v.entry_row_key and v.severity = 'error'{where} "
        "group by all order by all",
        params,
    )
    st.metric(t("invalid_count"), len(invalid))
    show_table(invalid, "invalid_entries")

st.subheader(t("surcharges"))
if require(path, "marts.fct_entries") and require_columns("marts.fct_entries", "surcharge_due"):
    minutes = (
        "e.surcharge_minutes"
        if "surcharge_minutes" in columns_of(path, "marts.fct_entries")
        else "null::integer"
    )
    where, params = filters.where(FILTER_COLUMNS, "e", "e.surcharge_due")
    surcharges = query(
        path,
        f"select e.contest_code, e.edition_year, e.entry_id, e.category_code, "
        f"{minutes} as surcharge_minutes from {source} as e{where} order by all",
        params,
    )
    st.metric(t("surcharge_count"), len(surcharges))
    show_table(surcharges, "surcharges_due")

st.subheader(t("durations"))
if require(path, "marts.fct_media"):
    where, params = filters.where(
        {
            "contest_code": "m.contest_code",
            "edition_year": "m.edition_year",
            "category_code": "e.category_code",
        },
        "",
        "m.duration_seconds is not null",
    )
    durations = query(
        path,
        "select m.contest_code, m.edition_year, e.category_code, m.entry_id, m.case_no, "
        "m.interaction_no, m.relative_path, m.detected_format, m.duration_seconds, "
        "m.duration_seconds / 60 as duration_minutes "
        "from marts.fct_media as m left join (select distinct contest_code, edition_year, "
        f"entry_id, category_code from {source}) as e "
        "on m.contest_code = e.contest_code and m.edition_year = e.edition_year "
        f"and m.entry_id = e.entry_id{where} order by m.duration_seconds desc",
        params,
    )
    if not durations.empty:
        figure = px.histogram(
            durations,
            x="duration_minutes",
            color=durations["contest_code"] + " " + durations["edition_year"].astype(str),
            nbins=40,
            labels={"duration_minutes": t("minutes"), "color": t("edition")},
        )
        figure.add_vline(
            x=DURATION_LIMIT_MINUTES,
            line_dash="dash",
            line_color="red",
            annotation_text=t("limit_20"),
        )
        st.plotly_chart(figure, key="chart_durations")
    show_table(durations.drop(columns=["duration_minutes"]), "recording_durations")

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
