"""Who won, and how fair was the jury? Leaderboards with raw against normalized scores and
awards, juror severity and agreement, conflicts excluded and how conflicted jurors score,
medal sensitivity, and the jury protocol of an edition."""

from functools import partial

import plotly.express as px
import streamlit as st

from dashboards.accounts import hidden_columns
from dashboards.connections import organizer_warehouse, query, uncached_query
from dashboards.i18n import code_label, column_label, language, t
from dashboards.sources import award_names, category_names, in_language
from dashboards.ui import (
    columns_of,
    current_filters,
    download_xlsx,
    full_table,
    in_words,
    localized,
    require,
    show_table,
    warehouse_ready,
)
from protocol.document import edition_pdf
from protocol.gather import protocol_file_stem
from protocol.workbook import edition_xlsx

# The leaderboard shows at most this many places a category; the CSV has every entry.
MAX_TOP_PLACES = 100

path = organizer_warehouse()
filters = current_filters()
st.header(t("page_scores"))
if not warehouse_ready(path):
    st.stop()

st.subheader(t("leaderboard"))
if require(path, "marts.fct_results", "marts.dim_category"):
    result_columns = columns_of(path, "marts.fct_results")
    where, params = filters.where(result_columns, "r")
    counts = query(
        path,
        "select count(r.rank_in_category) as ranked, "
        "count(r.award_level) filter (where r.rank_in_category is not null) as awarded, "
        f"count(*) - count(r.rank_in_category) as not_ranked from marts.fct_results as r{where}",
        params,
    )
    first, second, third = st.columns(3)
    first.metric(t("ranked"), int(counts.at[0, "ranked"]))
    second.metric(t("awarded"), int(counts.at[0, "awarded"]))
    third.metric(t("not_ranked"), int(counts.at[0, "not_ranked"]))
    top = int(
        st.number_input(
            t("top_places"), min_value=1, max_value=MAX_TOP_PLACES, value=10, key="leaderboard_top"
        )
    )
    official = "r.official_score" if "official_score" in result_columns else "null"
    source = "r.result_source" if "result_source" in result_columns else "'computed'"
    award, raw_award = (
        award_names(path, "r", column) for column in ("award_level", "raw_award_level")
    )
    leaderboard = (
        "select r.contest_code, r.edition_year, r.category_code, c.category_name_pl, "
        f"c.category_name_en, r.entry_id, r.rank_in_category, {award[0]}, "
        # The score each edition's own scoring method ranks by, in its units (docs/catalog.md).
        f"{official} as official_score, {source} as result_source, "
        "round(r.normalized_score, 2) as normalized_score, round(r.raw_score, 2) as raw_score, "
        f"r.raw_rank_in_category, {raw_award[0]}, r.jurors_counted, r.not_ranked_reason "
        "from marts.fct_results as r left join marts.dim_category as c "
        f"on r.category_key = c.category_key{award[1]}{raw_award[1]}{{where}} "
        "order by r.contest_code, r.edition_year, c.category_sort_order, "
        "r.rank_in_category nulls last, r.entry_id"
    )
    # The top by either score: where normalization moves an entry onto or off the podium.
    top_where, _ = filters.where(
        result_columns, "r", "(r.rank_in_category <= ? or r.raw_rank_in_category <= ?)"
    )
    results = query(path, leaderboard.format(where=top_where), (*params, top, top))
    ranked = localized(results.dropna(subset=["rank_in_category"]))
    if not ranked.empty:
        hover = ["entry_id", "rank_in_category", "award_level"]
        st.plotly_chart(
            px.scatter(
                ranked,
                x="raw_score",
                y="normalized_score",
                color="category_name",
                symbol="contest_code",
                hover_data=hover,
                title=t("raw_vs_normalized"),
                # Legend and hover in words: "Kategoria, Konkurs", not the column names.
                labels={
                    column: column_label(column)
                    for column in ("raw_score", "normalized_score", *hover)
                }
                | {"category_name": t("category"), "contest_code": t("contest")},
            ),
            key="chart_raw_vs_normalized",
        )
    st.caption(t("top_note", top=top))
    show_table(results, "leaderboard", full_table(path, leaderboard.format(where=where), params))

st.subheader(t("severity"))
if require(path, "marts.fct_juror_severity", "marts.dim_juror"):
    where, params = filters.where(columns_of(path, "marts.fct_juror_severity"), "s")
    severity = query(
        path,
        "select s.contest_code, s.edition_year, s.juror_id, j.juror_name, s.entries_scored, "
        # Named apart from a violation's severity (error, warning), which the label differs from.
        "round(s.severity, 2) as juror_severity, round(s.normalized_severity, 2) "
        "as normalized_severity, round(s.spread, 2) as spread, s.severity_label, "
        "s.conflicts_excluded, s.evaluations_rejected from marts.fct_juror_severity as s "
        f"left join marts.dim_juror as j on s.juror_key = j.juror_key{where} "
        "order by s.contest_code, s.edition_year, s.severity",
        params,
    )
    rated = in_words(severity.dropna(subset=["juror_severity"]), language())
    if not rated.empty:
        hover = ["juror_name", "normalized_severity"]
        st.plotly_chart(
            px.bar(
                rated,
                x="juror_severity",
                y="juror_id",
                color="severity_label",
                orientation="h",
                hover_data=hover,
                labels={
                    column: column_label(column)
                    for column in ("juror_severity", "juror_id", "severity_label", *hover)
                },
            ),
            key="chart_severity",
        )
    show_table(severity, "juror_severity")

st.subheader(t("agreement"))
if require(path, "marts.fct_category_agreement"):
    where, params = filters.where(columns_of(path, "marts.fct_category_agreement"), "g")
    names, join = category_names(path, "g", on="category_code")
    agreement = query(
        path,
        f"select g.contest_code, g.edition_year, {names}, g.entries_rated, g.jurors, "
        "round(g.krippendorff_alpha_raw, 3) as krippendorff_alpha_raw, "
        "round(g.krippendorff_alpha_normalized, 3) as krippendorff_alpha_normalized "
        f"from marts.fct_category_agreement as g{join}{where} "
        "order by g.contest_code, g.edition_year, g.category_code",
        params,
    )
    show_table(agreement, "juror_agreement")

st.subheader(t("conflicts"))
if require(path, "marts.fct_jury_violations"):
    where, params = filters.where(
        columns_of(path, "marts.fct_jury_violations"), "", "rule_code = 'conflict_of_interest'"
    )
    reason = in_language(columns_of(path, "marts.fct_jury_violations"), "reason", language())
    conflicts = query(
        path,
        "select contest_code, edition_year, entry_id, juror_id, count(*) as scores_excluded, "
        f"any_value({reason}) as reason from marts.fct_jury_violations{where} "
        "group by all order by all",
        params,
    )
    # A declared conflict's reason quotes the participant it is about.
    show_table(
        conflicts.drop(columns=hidden_columns("reason"), errors="ignore"), "conflicts_excluded"
    )
    st.caption(t("jury_violations"))
    where, params = filters.where(columns_of(path, "marts.fct_jury_violations"))
    rules = query(
        path,
        "select contest_code, edition_year, rule_code as rule, count(*) as violations "
        f"from marts.fct_jury_violations{where} group by all order by all",
        params,
    )
    show_table(rules, "jury_violations")

st.subheader(t("sensitivity"))
if require(path, "marts.fct_medal_sensitivity"):
    where, params = filters.where(columns_of(path, "marts.fct_medal_sensitivity"), "m")
    names, join = category_names(path, "m", on="category_code")
    sensitivity = query(
        path,
        f"select m.contest_code, m.edition_year, {names}, m.scenario_code, "
        "m.left_out_juror_id, m.podium, m.official_podium, m.podium_changed, m.winner_changed "
        f"from marts.fct_medal_sensitivity as m{join}{where} order by m.contest_code, "
        "m.edition_year, m.category_code, m.scenario_code, m.left_out_juror_id",
        params,
    )
    show_table(sensitivity, "medal_sensitivity")

st.subheader(t("conflict_bias"))
if require(path, "marts.fct_conflict_bias"):
    where, params = filters.where(columns_of(path, "marts.fct_conflict_bias"))
    bias = query(
        path,
        "select contest_code, edition_year, conflict_policy, score_unit, conflicted_evaluations, "
        "round(mean_deviation, 2) as mean_deviation, other_evaluations, "
        "round(other_mean_deviation, 2) as other_mean_deviation, "
        "round(other_mean_abs_deviation, 2) as other_mean_abs_deviation "
        f"from marts.fct_conflict_bias{where} order by contest_code, edition_year",
        params,
    )
    compared = bias.dropna(subset=["mean_deviation"])
    if not compared.empty:
        compared = compared.assign(
            edition=compared["contest_code"]
            + " "
            + compared["edition_year"].astype(str)
            + " ("
            + compared["score_unit"].map(code_label)
            + ")"
        ).melt(
            id_vars="edition",
            # The others' mean deviation is about 0 by construction; their typical distance
            # from the panel is what a conflicted bias must stand out against.
            value_vars=["mean_deviation", "other_mean_abs_deviation"],
            var_name="evaluations",
            value_name="deviation",
        )
        compared["evaluations"] = compared["evaluations"].map(column_label)
        st.plotly_chart(
            px.bar(
                compared,
                x="edition",
                y="deviation",
                color="evaluations",
                barmode="group",
                labels={"edition": t("edition")}
                | {column: column_label(column) for column in ("deviation", "evaluations")},
            ),
            key="chart_conflict_bias",
        )
    st.caption(t("conflict_bias_note"))
    show_table(bias, "conflict_bias")
    severity_columns = columns_of(path, "marts.fct_juror_severity")
    if "conflict_deviation" in severity_columns:
        st.caption(t("conflict_bias_jurors"))
        where, params = filters.where(severity_columns, "s", "s.conflicted_evaluations > 0")
        jurors = query(
            path,
            "select s.contest_code, s.edition_year, s.juror_id, j.juror_name, "
            "s.conflicted_evaluations, round(s.conflict_deviation, 2) as conflict_deviation, "
            "s.conflicts_excluded from marts.fct_juror_severity as s "
            f"left join marts.dim_juror as j on s.juror_key = j.juror_key{where} "
            "order by s.contest_code, s.edition_year, s.conflict_deviation desc nulls last",
            params,
        )
        show_table(jurors, "juror_conflicts")

st.subheader(t("protocol"))
if filters.contest is None or filters.edition_year is None:
    st.caption(t("protocol_choose_edition"))
elif require(path, "marts.fct_results", "marts.fct_decisions"):
    st.caption(t("protocol_note", edition=f"{filters.contest}-{filters.edition_year}"))
    stem = protocol_file_stem(filters.contest, filters.edition_year)
    # Built on click, in the language chosen now, from the marts the page reads.
    edition = (partial(uncached_query, path), filters.contest, filters.edition_year, language())
    xlsx_column, pdf_column = st.columns(2)
    with xlsx_column:
        download_xlsx(stem, partial(edition_xlsx, *edition))
    with pdf_column:
        st.download_button(
            t("download_pdf"),
            data=partial(edition_pdf, *edition),
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            key=f"download_pdf_{stem}",
        )
