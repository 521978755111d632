-- One row per client case (sprawa kliencka) of cases.csv and entry row it belongs to, with
-- what is measured on it: its direction, client type and language as written (an empty
-- value reads as ''), the files (interakcje) it lists, how many of them were read, and the
-- length of its call sequence (ciąg rozmów), the quantity the 20-minute limit counts for
-- the categories whose limit scope is the case. A file that is missing or could not be read
-- adds no duration and marks the sum incomplete. The formal rules and marts.fct_cases both
-- read these measures.
with cases as (
    select
        cases.contest_code as contest_code,
        cases.edition_year as edition_year,
        cases.entry_id as entry_id,
        cases.case_no as case_no,
        coalesce(min(nullif(trim(cases.direction), '')), '') as direction,
        coalesce(min(nullif(trim(cases.client_type), '')), '') as client_type,
        coalesce(min(nullif(trim(cases.language), '')), '') as language
    from {{ ref('stg_raw__cases') }} as cases
    where cases.entry_id is not null
    group by cases.contest_code, cases.edition_year, cases.entry_id, cases.case_no
),

files as (
    select
        files.entry_row_key as entry_row_key,
        files.case_no as case_no,
        count(*) as interaction_count,
        count(files.duration_seconds) filter (where files.probe_status = 'ok') as recordings,
        count(*) filter (where files.probe_status <> 'ok') as unreadable_files,
        sum(files.duration_seconds) filter (where files.probe_status = 'ok') as case_duration,
        max(files.duration_seconds) filter (where files.probe_status = 'ok') as longest_duration
    from {{ ref('int_files_measured') }} as files
    group by files.entry_row_key, files.case_no
)

select
    md5(concat_ws('|', entries.entry_row_key, cases.case_no)) as case_check_key,
    entries.entry_row_key as entry_row_key,
    cases.contest_code as contest_code,
    cases.edition_year as edition_year,
    cases.entry_id as entry_id,
    entries.category_key as category_key,
    cases.case_no as case_no,
    cases.direction as direction,
    cases.client_type as client_type,
    cases.language as language,
    coalesce(files.interaction_count, 0) as interaction_count,
    coalesce(files.recordings, 0) as recordings,
    coalesce(files.unreadable_files, 0) as unreadable_files,
    files.case_duration as sequence_duration_seconds,
    files.longest_duration as longest_recording_seconds,
    cast(floor(files.case_duration) as integer) as case_seconds,
    coalesce(files.unreadable_files, 0) = 0 as is_duration_complete
from cases
inner join {{ ref('int_entries_categorized') }} as entries
    on cases.contest_code = entries.contest_code
    and cases.edition_year = entries.edition_year
    and cases.entry_id = entries.entry_id
left join files
    on entries.entry_row_key = files.entry_row_key
    and cases.case_no = files.case_no
