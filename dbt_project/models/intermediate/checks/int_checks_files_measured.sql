-- One row per listed file (files.csv row) and entry row it belongs to, with what the formal
-- rules measure on it: the probe status, the format detected from its bytes, its length in
-- whole seconds (as a player shows it) and how many listed files of the edition have the
-- same content. An entry id received twice gets its files once per copy.
with files as (
    select
        md5(concat_ws('|', files.contest_code, files.edition_year, files.source_file,
            files.source_row)) as file_row_key,
        files.contest_code as contest_code,
        files.edition_year as edition_year,
        files.entry_id as entry_id,
        files.case_no as case_no,
        files.interaction_no as interaction_no,
        nullif(trim(files.kind), '') as kind,
        files.relative_path as relative_path
    from {{ ref('stg_raw__files') }} as files
),

measured as (
    select
        files.file_row_key as file_row_key,
        files.contest_code as contest_code,
        files.edition_year as edition_year,
        files.entry_id as entry_id,
        files.case_no as case_no,
        files.interaction_no as interaction_no,
        files.kind as kind,
        files.relative_path as relative_path,
        media.detected_format as detected_format,
        media.duration_seconds as duration_seconds,
        media.sha256 as sha256,
        case
            when files.relative_path is null then 'no_path'
            else coalesce(media.probe_status, 'not_probed')
        end as probe_status,
        case
            when files.relative_path is null then 'the files.csv row gives no path'
            when media.probe_status is null then 'no probe was recorded for this path'
            else media.probe_error
        end as probe_error
    from files
    left join {{ ref('stg_raw__media') }} as media
        on files.contest_code = media.contest_code
        and files.edition_year = media.edition_year
        and files.relative_path = media.relative_path
),

hashes as (
    select
        measured.file_row_key as file_row_key,
        count(*) over (
            partition by measured.contest_code, measured.edition_year, measured.sha256
        ) as hash_copies
    from measured
    where measured.probe_status = 'ok' and measured.sha256 is not null
)

select
    md5(concat_ws('|', entries.entry_row_key, measured.file_row_key)) as file_check_key,
    entries.entry_row_key as entry_row_key,
    measured.file_row_key as file_row_key,
    measured.contest_code as contest_code,
    measured.edition_year as edition_year,
    measured.entry_id as entry_id,
    entries.category_key as category_key,
    measured.case_no as case_no,
    measured.interaction_no as interaction_no,
    measured.kind as kind,
    measured.relative_path as relative_path,
    measured.probe_status as probe_status,
    measured.probe_error as probe_error,
    measured.detected_format as detected_format,
    measured.duration_seconds as duration_seconds,
    cast(floor(measured.duration_seconds) as integer) as recording_seconds,
    measured.sha256 as sha256,
    hashes.hash_copies as hash_copies
from measured
inner join {{ ref('int_entries_categorized') }} as entries
    on measured.contest_code = entries.contest_code
    and measured.edition_year = entries.edition_year
    and measured.entry_id = entries.entry_id
left join hashes
    on measured.file_row_key = hashes.file_row_key
