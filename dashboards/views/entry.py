"""One entry in the organizer's words: cards saying who entered it in which category, whether
it meets the formal conditions (and why not), its surcharge and its result; then its cases,
files (played or shown), violations with the organizer's decisions on them, the decisions,
its jurors' conflicts of interest and its scores. Keys and source columns wait in an expander
for analysts. `?entry=<contest>-<year>-<entry id>` opens an entry (dashboards/links.py), and
the address bar always links to the entry shown."""

import datetime as dt
import re

import pandas as pd
import streamlit as st

from dashboards.accounts import current_role, hidden_columns
from dashboards.connections import organizer_warehouse, query, table_columns
from dashboards.i18n import NUMBER_STYLES, code_label, column_label, language, t
from dashboards.links import ENTRY_PARAMETER, EntryLink, entry_url, parse_entry_key
from dashboards.media import AUDIO_FORMATS, IMAGE_FORMATS, VIDEO_FORMATS, locate
from dashboards.sources import award_names, category_names, entries_source, in_language
from dashboards.ui import (
    MISSING,
    columns_of,
    current_filters,
    localized,
    require,
    show_table,
    warehouse_ready,
)
from settings.environment import podium_paths

FILTER_COLUMNS = ("contest_code", "edition_year", "category_code")
CHOICE_KEY = "entry_row_key"
SEARCH_KEY = "entry_search"
# The link last followed or written to the address bar: a rerun does not follow it again.
LINK_KEY = "entry_link"
MAX_CHOICES = 200
# The fields the search looks in (category_code is always there: entries_source adds it).
SEARCHED = ("entry_id", "organization_as_written", "category_code", "category_as_written")
CARD_COLUMNS = 3
# Markdown's special characters, escaped in names and messages so that they read as written.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")

path = organizer_warehouse()
filters = current_filters()
chosen = language()
st.header(t("page_entry"))
if not warehouse_ready(path) or not require(path, "marts.fct_entries"):
    st.stop()

source = entries_source(path)
entry_columns = set(columns_of(path, "marts.fct_entries"))


def text_of(value: object) -> str:
    """A value as text; an empty one as a dash."""
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return MISSING
    return str(value)


def plain(value: object) -> str:
    """A value as Markdown shows it literally."""
    return MARKDOWN_SPECIAL.sub(r"\\\1", text_of(value))


def number(value: object) -> str:
    """A score with two decimals, written the chosen language's way."""
    if value is None or pd.isna(value):
        return MISSING
    return f"{float(value):.2f}".replace(".", NUMBER_STYLES[chosen].decimal)


def moment(value: object) -> str:
    if not isinstance(value, dt.datetime) or pd.isna(value):
        return MISSING
    return value.strftime(NUMBER_STYLES[chosen].datetime)


def with_reasons(answer: str, reasons: list[str]) -> str:
    """An answer with a bullet per reason under it."""
    bullets = "\n".join(f"- {plain(reason)}" for reason in reasons)
    return f"{plain(answer)}\n\n{bullets}" if reasons else plain(answer)


def show_card(fields: list[tuple[str, str]]) -> None:
    """Labelled values (Markdown) in a bordered card, CARD_COLUMNS a row."""
    with st.container(border=True):
        for first in range(0, len(fields), CARD_COLUMNS):
            for column, (label, value) in zip(
                st.columns(CARD_COLUMNS), fields[first : first + CARD_COLUMNS], strict=False
            ):
                column.markdown(f"**{plain(label.capitalize())}**  \n{value}")


def follow_link() -> None:
    """Choose the entry `?entry=` names, once per link: the search narrows to its id, so
    every copy of a duplicated id is offered."""
    link = st.query_params.get(ENTRY_PARAMETER)
    if not link or link == st.session_state.get(LINK_KEY):
        return
    st.session_state[LINK_KEY] = link
    named = parse_entry_key(link)
    keys = (
        query(
            path,
            f"select entry_row_key from {source} where contest_code = ? and edition_year = ? "
            "and entry_id = ? order by entry_row_key",
            (named.contest, named.edition_year, named.entry_id),
        )["entry_row_key"].tolist()
        if named is not None
        else []
    )
    if not keys:
        st.warning(t("link_not_found", link=link))
        return
    st.session_state[SEARCH_KEY] = named.entry_id
    st.session_state[CHOICE_KEY] = keys[0]


def keep_link(entry: EntryLink) -> None:
    """The address bar names the entry shown, so that it can be copied and sent."""
    st.session_state[LINK_KEY] = entry.key
    st.query_params[ENTRY_PARAMETER] = entry.key


def choices() -> pd.DataFrame:
    """The entries the filters and the search leave, at most MAX_CHOICES, with a label each."""
    search = st.text_input(t("search_entry"), key=SEARCH_KEY).strip().lower()
    # One text per entry to search in; the newline between fields keeps a match inside one.
    searched = ", ".join(
        f"e.{column}" for column in SEARCHED if column in entry_columns or column == "category_code"
    )
    matching = [f"contains(lower(concat_ws(chr(10), {searched})), ?)"] if search else []
    where, params = filters.where(FILTER_COLUMNS, "e", *matching)
    params = (*params, search) if search else params
    total = int(query(path, f"select count(*) from {source} as e{where}", params).iat[0, 0])
    names, join = category_names(path, "e")
    written = "e.category_as_written" if "category_as_written" in entry_columns else "null"
    # A selectbox of a few hundred options at most: the search narrows the rest.
    entries = query(
        path,
        "select e.entry_row_key, e.contest_code, e.edition_year, e.entry_id, "
        f"{written} as category_as_written, {names} from {source} as e{join}{where} "
        "order by e.contest_code, e.edition_year, e.entry_id, e.entry_row_key limit ?",
        (*params, MAX_CHOICES),
    )
    if total > len(entries):
        st.caption(t("matches_limited", shown=len(entries), total=total))
    category = localized(entries, chosen)["category_name"].fillna(entries["category_as_written"])
    return entries.assign(
        label=entries["contest_code"]
        + " "
        + entries["edition_year"].astype(str)
        + " · "
        + entries["entry_id"].astype(str)
        + " · "
        + category.fillna("?")
    )


def entry_row(entry_row_key: str) -> pd.Series:
    """The entry's row with its category, organization and participant named."""
    tables = table_columns(path)
    names, join = category_names(path, "e")
    selects = ["e.*", names]
    joins = [join]
    if "participant_key" in entry_columns and "marts.dim_participant" in tables:
        joins.append(
            " left join marts.dim_participant as p on e.participant_key = p.participant_key"
        )
        selects.append("p.participant_name")
    if "organization_key" in entry_columns and "marts.dim_organization" in tables:
        joins.append(
            " left join marts.dim_organization as o on e.organization_key = o.organization_key"
        )
        selects.append("o.organization_name")
    row = query(
        path,
        f"select {', '.join(selects)} from {source} as e{''.join(joins)} where e.entry_row_key = ?",
        (entry_row_key,),
    )
    return localized(row, chosen).iloc[0]


def error_messages(entry_row_key: str, surcharge: bool) -> list[str]:
    """What makes the entry invalid (errors) or costs a surcharge, in the chosen language;
    a violation an organizer's decision waived counts for neither."""
    if "marts.fct_violations" not in table_columns(path):
        return []
    kind = "is_surcharge" if surcharge else "severity = 'error'"
    return (
        query(
            path,
            f"select message_{chosen} from marts.fct_violations where entry_row_key = ? "
            f"and {kind} and not coalesce(is_waived, false) order by all",
            (entry_row_key,),
        )
        .iloc[:, 0]
        .dropna()
        .tolist()
    )


def entry_card(entry: pd.Series) -> None:
    category = entry.get("category_name")
    if category is None or pd.isna(category):
        category = t("category_unrecognised", written=entry.get("category_as_written") or "?")
    organization = entry.get("organization_name")
    if organization is None or pd.isna(organization):
        organization = entry.get("organization_as_written")
    key = entry["entry_row_key"]
    valid = entry.get("is_formally_valid")
    minutes = entry.get("surcharge_minutes")
    surcharge = (
        t("surcharge_of", minutes=int(minutes))
        if entry.get("surcharge_due") and minutes is not None and pd.notna(minutes)
        else t("yes" if entry.get("surcharge_due") else "no")
    )
    contact = (
        [(column_label("participant_name"), plain(entry.get("participant_name")))]
        if current_role().sees_contact_data
        else []
    )
    fields = [
        (column_label("category_name"), plain(category)),
        (column_label("organization_name"), plain(organization)),
        *contact,
        (column_label("submitted_at"), plain(moment(entry.get("submitted_at")))),
        (column_label("country"), plain(entry.get("country"))),
    ]
    show_card(fields)
    validity = MISSING if valid is None or pd.isna(valid) else t("yes" if valid else "no")
    show_card(
        [
            (
                column_label("is_formally_valid"),
                with_reasons(validity, error_messages(key, surcharge=False)),
            ),
            (column_label("surcharge_due"), with_reasons(surcharge, error_messages(key, True))),
        ]
    )


def result_card(entry_row_key: str) -> None:
    awards, join = award_names(path, "r", "award_level")
    results = query(
        path,
        f"select r.* exclude (award_level), {awards} from marts.fct_results as r{join} "
        "where r.entry_row_key = ?",
        (entry_row_key,),
    )
    if results.empty:
        st.caption(t("no_result"))
        return
    result = localized(results, chosen).iloc[0]
    fields = [
        (column_label("rank_in_category"), plain(result["rank_in_category"])),
        (column_label("award_level"), plain(result["award_level"])),
        (column_label("official_score"), plain(number(result.get("official_score")))),
        (column_label("normalized_score"), plain(number(result["normalized_score"]))),
        (column_label("raw_score"), plain(number(result["raw_score"]))),
        (column_label("jurors_counted"), plain(result["jurors_counted"])),
    ]
    reason = result.get("not_ranked_reason")
    if isinstance(reason, str):
        # The mart writes the detail in English and, beside it, in Polish.
        detail = result.get("not_ranked_detail_pl" if chosen == "pl" else "not_ranked_detail")
        words = code_label(reason, chosen)
        fields.append(
            (column_label("not_ranked_reason"), plain(f"{words}: {detail}" if detail else words))
        )
    show_card(fields)


def for_analysts(entry: pd.Series) -> None:
    """Every column of the entry's row, keys and sources included, under its own name."""
    with st.expander(t("for_analysts")):
        shown = entry.drop(labels=hidden_columns(), errors="ignore")
        fields = pd.DataFrame(
            {"field": shown.index, "value": [text_of(value) for value in shown.to_numpy()]}
        )
        show_table(fields, "entry")


def show_files(contest: str, year: int, entry_id: str) -> None:
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
    for index, file in enumerate(files.itertuples(index=False)):
        if not isinstance(file.relative_path, str):
            continue
        st.markdown(f"**{plain(file.relative_path)}**")
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
            st.audio(str(found.path), format=AUDIO_FORMATS.get(media_format, "audio/mp4"))
        elif media_format in IMAGE_FORMATS:
            st.image(str(found.path))
        elif media_format == "PDF":
            st.download_button(
                t("open_pdf"),
                data=found.path.read_bytes(),
                file_name=found.path.name,
                mime="application/pdf",
                key=f"pdf_{index}",
            )


follow_link()
entries = choices()
if entries.empty:
    st.info(t("no_entries"))
    st.stop()
labels = dict(zip(entries["entry_row_key"], entries["label"], strict=True))
if st.session_state.get(CHOICE_KEY) not in labels:
    # A choice the search or the filters left out falls back to the first match.
    st.session_state[CHOICE_KEY] = next(iter(labels))
entry_row_key = st.selectbox(
    t("choose_entry"), list(labels), format_func=labels.__getitem__, key=CHOICE_KEY
)
entry = entry_row(entry_row_key)
contest, year, entry_id = entry["contest_code"], int(entry["edition_year"]), entry["entry_id"]
link = EntryLink(contest, year, entry_id)
keep_link(link)

st.subheader(f"{entry_id} · {contest} {year}")
st.caption(t("link_note", link=plain(link.key), url=entry_url(contest, year, entry_id)))
entry_card(entry)

st.subheader(t("result"))
if require(path, "marts.fct_results"):
    result_card(entry_row_key)

for_analysts(entry)

st.subheader(t("cases"))
if require(path, "marts.fct_cases"):
    cases = query(
        path,
        "select case_no, direction, client_type, language, interactions, recordings, "
        "unreadable_files, sequence_duration_seconds, longest_recording_seconds, "
        "is_duration_complete from marts.fct_cases where entry_row_key = ? order by case_no",
        (entry_row_key,),
    )
    show_table(cases, "entry_cases")

st.subheader(t("files"))
if require(path, "marts.fct_media"):
    show_files(contest, year, entry_id)

st.subheader(t("violations"))
if require(path, "marts.fct_violations"):
    violations = query(
        path,
        f"select rule_code as rule, rule_code, severity, observed_value, limit_value, "
        f"message_{chosen} as message, decision, is_waived from marts.fct_violations "
        "where entry_row_key = ? order by all",
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

st.subheader(t("entry_conflicts"))
if require(path, "marts.fct_jury_violations", "marts.dim_juror"):
    # One row per conflicted juror: excluded (conflict_of_interest) or counted and flagged.
    reason = in_language(columns_of(path, "marts.fct_jury_violations"), "reason", chosen)
    conflicts = query(
        path,
        "select v.juror_id, j.juror_name, v.conflict_source, v.conflict_kind, "
        f"v.rule_code as rule, v.{reason} as reason from marts.fct_jury_violations as v "
        "left join marts.dim_juror as j on v.contest_code = j.contest_code "
        "and v.edition_year = j.edition_year and v.juror_id = j.juror_id "
        "where v.contest_code = ? and v.edition_year = ? and v.entry_id = ? "
        "and v.conflict_source is not null order by v.juror_id",
        (contest, year, entry_id),
    )
    # A declared conflict's reason quotes the participant it is about.
    show_table(conflicts.drop(columns=hidden_columns("reason"), errors="ignore"), "entry_conflicts")

st.subheader(t("scores"))
if require(path, "marts.fct_scores"):
    tables = table_columns(path)
    juror = (
        "(select juror_name from marts.dim_juror as j where j.contest_code = s.contest_code "
        "and j.edition_year = s.edition_year and j.juror_id = s.juror_id)"
        if "marts.dim_juror" in tables
        else "null::varchar"
    )
    criterion = (
        "(select {name} from marts.dim_criterion as c where c.contest_code = s.contest_code "
        "and c.criterion_code = s.criterion_code and s.edition_year between "
        "coalesce(c.valid_from_year, s.edition_year) and coalesce(c.valid_to_year, s.edition_year))"
        if "marts.dim_criterion" in tables
        else "null::varchar"
    )
    scores = query(
        path,
        f"select s.juror_id, {juror} as juror_name, "
        f"coalesce({criterion.format(name='criterion_name_pl')}, s.criterion_code) "
        "as criterion_name_pl, "
        f"coalesce({criterion.format(name='criterion_name_en')}, s.criterion_code) "
        "as criterion_name_en, s.score_as_written, s.score, "
        "round(s.normalized_score, 2) as normalized_score, s.is_excluded, s.exclusion_reason "
        "from marts.fct_scores as s where s.contest_code = ? and s.edition_year = ? "
        "and s.entry_id = ? order by s.juror_id, s.criterion_code",
        (contest, year, entry_id),
    )
    show_table(scores, "entry_scores")
