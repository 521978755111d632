"""One entry in full: its cases, its files (played or shown), measurements, violations (with
the organizer's decisions on them), the organizer's decisions, its result, its jurors'
conflicts of interest and its scores."""

import pandas as pd
import streamlit as st

from dashboards.i18n import language, t
from dashboards.media import AUDIO_FORMATS, IMAGE_FORMATS, VIDEO_FORMATS, locate
from dashboards.sources import entries_source
from dashboards.ui import columns_of, current_filters, require, show_table, warehouse_ready
from dashboards.warehouse import organizer_warehouse, query
from orchestration.settings import podium_paths

FILTER_COLUMNS = ("contest_code", "edition_year", "category_code")
CHOICE_KEY = "entry_row_key"
MAX_CHOICES = 200

path = organizer_warehouse()
filters = current_filters()
st.header(t("page_entry"))
if not warehouse_ready(path) or not require(path, "marts.fct_entries"):
    st.stop()

source = entries_source(path)
entry_columns = set(columns_of(path, "marts.fct_entries"))
search = st.text_input(t("search_entry"), key="entry_search").strip().lower()
# One text per entry to search in; the newline between fields keeps a match inside one.
searched = ", ".join(
    f"e.{column}"
    for column in ("entry_id", "organization_as_written", "category_code", "category_as_written")
    if column in entry_columns or column == "category_code"
)
matching = [f"contains(lower(concat_ws(chr(10), {searched})), ?)"] if search else []
where, params = filters.where(FILTER_COLUMNS, "e", *matching)
params = (*params, search) if search else params
total = int(query(path, f"select count(*) from {source} as e{where}", params).iat[0, 0])
# A selectbox of a few hundred options at most: the search narrows the rest.
entries = query(
    path,
    "select e.entry_row_key, e.contest_code, e.edition_year, e.entry_id, e.category_code "
    f"from {source} as e{where} "
    "order by e.contest_code, e.edition_year, e.entry_id, e.entry_row_key limit ?",
    (*params, MAX_CHOICES),
)
if entries.empty:
    st.info(t("no_entries"))
    st.stop()
if total > len(entries):
    st.caption(t("matches_limited", shown=len(entries), total=total))

labels = {
    row.entry_row_key: f"{row.contest_code} {row.edition_year} · {row.entry_id} · "
    f"{row.category_code if isinstance(row.category_code, str) else '?'}"
    for row in entries.itertuples(index=False)
}
if st.session_state.get(CHOICE_KEY) not in labels:
    # A choice the search or the filters left out falls back to the first match.
    st.session_state[CHOICE_KEY] = next(iter(labels))
entry_row_key = st.selectbox(
    t("choose_entry"), list(labels), format_func=labels.__getitem__, key=CHOICE_KEY
)
entry = entries.set_index("entry_row_key").loc[entry_row_key]
contest, year, entry_id = entry["contest_code"], int(entry["edition_year"]), entry["entry_id"]

joins = []
names = []
if "participant_key" in entry_columns and columns_of(path, "marts.dim_participant"):
    joins.append("left join marts.dim_participant as p on e.participant_key = p.participant_key")
    names.append("p.participant_name")
if "organization_key" in entry_columns and columns_of(path, "marts.dim_organization"):
    joins.append("left join marts.dim_organization as o on e.organization_key = o.organization_key")
    names.append("o.organization_name")
details = query(
    path,
    f"select {', '.join([*names, 'e.*'])} from {source} as e {' '.join(joins)} "
    "where e.entry_row_key = ?",
    (entry_row_key,),
)
st.subheader(t("entry_details"))
show_table(details.T.reset_index().set_axis(["field", "value"], axis=1).astype(str), "entry")

st.subheader(t("cases"))
if require(path, "marts.fct_cases"):
    cases = query(
        path,
        "select * from marts.fct_cases where entry_row_key = ? order by case_no",
        (entry_row_key,),
    )
    show_table(cases, "entry_cases")

st.subheader(t("files"))
if require(path, "marts.fct_media"):
    files = query(
        path,
        "select case_no, interaction_no, kind, relative_path, detected_format, has_video, "
        "duration_seconds, size_bytes, probe_status, probe_error from marts.fct_media "
        "where contest_code = ? and edition_year = ? and entry_id = ? "
        "order by case_no, interaction_no, relative_path",
        (contest, year, entry_id),
    )
    show_table(files, "entry_files")
    data_dir = podium_paths().data_dir
    for number, file in enumerate(files.itertuples(index=False)):
        if not isinstance(file.relative_path, str):
            continue
        st.markdown(f"**{file.relative_path}**")
        found = locate(data_dir, contest, year, file.relative_path)
        if found.problem == "outside":
            st.warning(t("file_outside", path=file.relative_path))
            continue
        if found.path is None:
            st.warning(t("file_missing", path=file.relative_path))
            continue
        media_format = file.detected_format
        has_video = bool(file.has_video) if pd.notna(file.has_video) else False
        if media_format in VIDEO_FORMATS and has_video:
            st.video(str(found.path), format=VIDEO_FORMATS[media_format])
        elif media_format in AUDIO_FORMATS or media_format in VIDEO_FORMATS:
            st.audio(
                str(found.path),
                format=AUDIO_FORMATS.get(media_format, "audio/mp4"),
            )
        elif media_format in IMAGE_FORMATS:
            st.image(str(found.path))
        elif media_format == "PDF":
            st.download_button(
                t("open_pdf"),
                data=found.path.read_bytes(),
                file_name=found.path.name,
                mime="application/pdf",
                key=f"pdf_{number}",
            )

st.subheader(t("violations"))
if require(path, "marts.fct_violations"):
    violations = query(
        path,
        f"select rule_code, severity, observed_value, limit_value, message_{language()} "
        "as message, decision, is_waived from marts.fct_violations where entry_row_key = ? "
        "order by all",
        (entry_row_key,),
    )
    show_table(violations, "entry_violations")

st.subheader(t("entry_decisions"))
if require(path, "marts.fct_decisions"):
    decisions = query(
        path,
        "select decision_id, subject, decision, reason, decided_by, decided_at, "
        "appeal_received_at, is_applied, not_applied_reason, rank_before, rank_after "
        "from marts.fct_decisions where contest_code = ? and edition_year = ? and entry_id = ? "
        "order by decided_at nulls first, decision_id",
        (contest, year, entry_id),
    )
    show_table(decisions, "entry_decisions")

st.subheader(t("result"))
if require(path, "marts.fct_results"):
    result = query(
        path,
        "select rank_in_category, award_level, round(normalized_score, 2) as normalized_score, "
        "round(raw_score, 2) as raw_score, jurors_counted, jurors_conflicted, "
        "not_ranked_reason, not_ranked_detail from marts.fct_results where entry_row_key = ?",
        (entry_row_key,),
    )
    show_table(result, "entry_result")

st.subheader(t("entry_conflicts"))
if require(path, "marts.fct_jury_violations", "marts.dim_juror"):
    # One row per conflicted juror: excluded (conflict_of_interest) or counted and flagged.
    conflicts = query(
        path,
        "select v.juror_id, j.juror_name, v.conflict_source, v.conflict_kind, v.rule_code, "
        "v.reason from marts.fct_jury_violations as v left join marts.dim_juror as j "
        "on v.contest_code = j.contest_code and v.edition_year = j.edition_year "
        "and v.juror_id = j.juror_id where v.contest_code = ? and v.edition_year = ? "
        "and v.entry_id = ? and v.conflict_source is not null order by v.juror_id",
        (contest, year, entry_id),
    )
    show_table(conflicts, "entry_conflicts")

st.subheader(t("scores"))
if require(path, "marts.fct_scores"):
    scores = query(
        path,
        "select juror_id, criterion_code, score_as_written, score, "
        "round(normalized_score, 2) as normalized_score, is_excluded, exclusion_reason "
        "from marts.fct_scores where contest_code = ? and edition_year = ? and entry_id = ? "
        "order by juror_id, criterion_code",
        (contest, year, entry_id),
    )
    show_table(scores, "entry_scores")
