-- One row per received entry row (zgłoszenie) with what the formal rules measure on it: the
-- category it resolves to (null when unknown), how many rows of its edition carry its entry
-- id, its number of client cases, and for written nominations the text lengths in
-- characters (line breaks as one), summary bullets, links, attachments and video length.
with entries as (
    select * from {{ ref('stg_raw__entries') }}
),

-- The entry's category and how many rows carry its entry id, as int_entries_keyed has them.
keyed as (
    select * from {{ ref('int_entries_keyed') }}
),

texts as (
    select
        entries.entry_row_key as entry_row_key,
        nullif(trim(replace(entries.essay, chr(13) || chr(10), chr(10))), '') as essay,
        nullif(trim(replace(entries.summary, chr(13) || chr(10), chr(10))), '') as summary,
        nullif(trim(replace(entries.attachments_note, chr(13) || chr(10), chr(10))), '')
            as attachments_note,
        list_filter(
            regexp_split_to_array(coalesce(trim(entries.links), ''), '[\s,;]+'),
            lambda token: token <> ''
        ) as link_list,
        list_filter(
            string_split(coalesce(replace(entries.summary, chr(13), ''), ''), chr(10)),
            lambda line: trim(line) <> ''
        ) as summary_lines
    from entries
),

cases as (
    select
        cases.entry_row_key as entry_row_key,
        count(distinct cases.case_no) as case_count
    from {{ ref('int_cases_measured') }} as cases
    group by cases.entry_row_key
),

files as (
    select
        files.entry_row_key as entry_row_key,
        count(*) filter (where files.kind = 'document') as attachment_count,
        count(*) filter (where files.kind = 'video') as video_count,
        max(files.recording_seconds) filter (where files.kind = 'video') as video_seconds
    from {{ ref('int_files_measured') }} as files
    group by files.entry_row_key
),

update_answers as (
    select
        entries.entry_row_key as entry_row_key,
        nullif(trim(entries.updated_since_win), '') as updated_since_win_as_written,
        case
            when nullif(trim(entries.updated_since_win), '') is null then 'none'
            else coalesce(words.answer, 'unreadable')
        end as update_answer
    from entries
    left join {{ ref('answer_words') }} as words
        on lower(trim(entries.updated_since_win)) = words.word
),

previous_wins as (
    select
        entries.entry_row_key as entry_row_key,
        min(names.category_key) as previous_win_category_key
    from entries
    inner join {{ ref('int_category_names_normalized') }} as names
        on entries.contest_code = names.contest_code
        and entries.edition_year = names.edition_year
        and {{ rules_normalize_name('entries.previous_win_category') }} = names.name_normalized
    group by entries.entry_row_key
),

measured as (
    select
        entries.entry_row_key as entry_row_key,
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        entries.category_as_written as category_as_written,
        keyed.category_key as category_key,
        keyed.category_code as category_code,
        keyed.category_resolution as category_resolution,
        keyed.entry_id_occurrences as entry_id_copies,
        coalesce(cases.case_count, 0) as case_count,
        coalesce(length(texts.essay), 0) as essay_chars,
        coalesce(length(texts.summary), 0) as summary_chars,
        len(list_filter(
            texts.summary_lines,
            lambda line: regexp_matches(line, '^\s*([-–—•*·▪►‣◦]|\d+[.)])\s*\S')
        )) as summary_marked_lines,
        len(texts.summary_lines) as summary_lines,
        coalesce(length(texts.attachments_note), 0) as attachments_note_chars,
        len(texts.link_list) as link_count,
        coalesce(files.attachment_count, 0) as attachment_count,
        coalesce(files.video_count, 0) as video_count,
        files.video_seconds as video_seconds,
        entries.achievements_from as achievements_from,
        entries.achievements_from_as_written as achievements_from_as_written,
        nullif(trim(entries.previous_win_category), '') as previous_win_category,
        update_answers.updated_since_win_as_written as updated_since_win_as_written,
        update_answers.update_answer as update_answer,
        previous_wins.previous_win_category_key as previous_win_category_key
    from entries
    inner join keyed
        on entries.entry_row_key = keyed.entry_row_key
    inner join texts
        on entries.entry_row_key = texts.entry_row_key
    left join cases
        on entries.entry_row_key = cases.entry_row_key
    left join files
        on entries.entry_row_key = files.entry_row_key
    inner join update_answers
        on entries.entry_row_key = update_answers.entry_row_key
    left join previous_wins
        on entries.entry_row_key = previous_wins.entry_row_key
)

select
    measured.entry_row_key as entry_row_key,
    measured.contest_code as contest_code,
    measured.edition_year as edition_year,
    measured.entry_id as entry_id,
    measured.category_as_written as category_as_written,
    measured.category_key as category_key,
    measured.category_code as category_code,
    measured.category_resolution as category_resolution,
    coalesce(editions.catalog_status, 'missing') as catalog_status,
    coalesce(editions.catalog_problem, '') as catalog_problem,
    coalesce(measured.entry_id_copies, 1) as entry_id_copies,
    measured.case_count as case_count,
    measured.essay_chars as essay_chars,
    measured.summary_chars as summary_chars,
    -- A summary without bullet marks is read as one bullet a line.
    case
        when measured.summary_marked_lines > 0 then measured.summary_marked_lines
        else measured.summary_lines
    end as summary_bullets,
    measured.attachments_note_chars as attachments_note_chars,
    measured.link_count as link_count,
    measured.attachment_count as attachment_count,
    measured.video_count as video_count,
    measured.video_seconds as video_seconds,
    measured.essay_chars > 0 or measured.video_count > 0 as has_essay_or_video,
    measured.achievements_from as achievements_from,
    coalesce(measured.achievements_from_as_written, '') as achievements_from_as_written,
    measured.achievements_from is not null as achievements_from_readable,
    measured.previous_win_category as previous_win_category,
    coalesce(measured.updated_since_win_as_written, '') as updated_since_win_as_written,
    measured.update_answer = 'yes' as is_updated_since_win,
    -- No answer counts as not updated; an answer that is neither yes nor no decides nothing.
    coalesce(
        measured.previous_win_category_key = measured.category_key
        and measured.update_answer in ('no', 'none'),
        false
    ) as reenters_won_category,
    coalesce(
        measured.previous_win_category_key = measured.category_key
        and measured.update_answer = 'unreadable',
        false
    ) as reentry_update_unclear
from measured
left join {{ ref('int_editions_cataloged') }} as editions
    on editions.contest_code = measured.contest_code
    and editions.edition_year = measured.edition_year
