-- One row per client case (sprawa kliencka) of cases.csv and entry row it belongs to, with
-- what the formal rules measure on it: its direction, client type and language as written
-- (an empty value reads as ''), the number of files (interakcje) it lists and the total
-- length of its call sequence (ciąg rozmów) in whole seconds.
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
        sum(files.duration_seconds) filter (where files.probe_status = 'ok') as case_duration
    from {{ ref('int_checks_files_measured') }} as files
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
    cast(floor(files.case_duration) as integer) as case_seconds
from cases
inner join {{ ref('int_entries_categorized') }} as entries
    on cases.contest_code = entries.contest_code
    and cases.edition_year = entries.edition_year
    and cases.entry_id = entries.entry_id
left join files
    on entries.entry_row_key = files.entry_row_key
    and cases.case_no = files.case_no
