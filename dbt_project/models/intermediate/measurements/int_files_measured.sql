-- One row per listed file (files.csv row, as int_files_probed measured it) and entry row it
-- belongs to, with what the formal rules measure on it: the probe status, the format
-- detected from its bytes, its length in whole seconds (as a player shows it) and how many
-- readable listed files of the edition have the same content. An entry id received twice
-- gets its files once per copy.
with media as (
    select * from {{ ref('int_files_probed') }}
),

hashes as (
    select
        media.media_key as media_key,
        count(*) over (
            partition by media.contest_code, media.edition_year, media.sha256
        ) as hash_copies
    from media
    where media.probe_status = 'ok' and media.sha256 is not null
)

select
    md5(concat_ws('|', entries.entry_row_key, media.media_key)) as file_check_key,
    entries.entry_row_key as entry_row_key,
    media.media_key as file_row_key,
    media.contest_code as contest_code,
    media.edition_year as edition_year,
    media.entry_id as entry_id,
    entries.category_key as category_key,
    media.case_no as case_no,
    media.interaction_no as interaction_no,
    nullif(trim(media.kind), '') as kind,
    media.relative_path as relative_path,
    media.probe_status as probe_status,
    media.probe_error as probe_error,
    media.detected_format as detected_format,
    media.duration_seconds as duration_seconds,
    cast(floor(media.duration_seconds) as integer) as recording_seconds,
    media.sha256 as sha256,
    hashes.hash_copies as hash_copies
from media
inner join {{ ref('int_entries_categorized') }} as entries
    on media.contest_code = entries.contest_code
    and media.edition_year = entries.edition_year
    and media.entry_id = entries.entry_id
left join hashes
    on media.media_key = hashes.media_key
