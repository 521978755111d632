{#- Per client case (sprawa): its listed interactions and the duration of its sequence of
    recordings (ciąg rozmów), the quantity the 20-minute limit counts for some categories. -#}
with files as (
    select * from {{ ref('stg_raw__files') }}
    where case_no is not null
),

media as (
    select * from {{ ref('stg_raw__media') }}
),

interactions as (
    select
        files.contest_code as contest_code,
        files.edition_year as edition_year,
        files.entry_id as entry_id,
        files.case_no as case_no,
        coalesce(media.probe_status = 'ok', false) as is_readable,
        case when media.probe_status = 'ok' then media.duration_seconds end as duration_seconds
    from files
    left join media
        on files.contest_code = media.contest_code
        and files.edition_year = media.edition_year
        and files.relative_path = media.relative_path
)

select
    interactions.contest_code as contest_code,
    interactions.edition_year as edition_year,
    interactions.entry_id as entry_id,
    interactions.case_no as case_no,
    count(*) as interactions,
    count(interactions.duration_seconds) as recordings,
    count(*) filter (where not interactions.is_readable) as unreadable_files,
    sum(interactions.duration_seconds) as sequence_duration_seconds,
    max(interactions.duration_seconds) as longest_recording_seconds,
    count(*) filter (where not interactions.is_readable) = 0 as is_duration_complete
from interactions
group by
    interactions.contest_code,
    interactions.edition_year,
    interactions.entry_id,
    interactions.case_no
