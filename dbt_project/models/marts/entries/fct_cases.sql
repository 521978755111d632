{#- One row per client case (sprawa kliencka) row received for a PCCA entry, with its codes
    checked against the drop-folder contract and the measures of its interactions. -#}
with cases as (
    select
        md5(concat_ws('|', cases.contest_code, cases.edition_year, cases.source_file, cases.source_row))
            as case_row_key,
        cases.*
    from {{ ref('stg_raw__cases') }} as cases
),

entry_rows as (
    -- A case belongs to an entry row only when its entry id names exactly one received row.
    select
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        case when count(*) = 1 then any_value(entries.entry_row_key) end as entry_row_key
    from {{ ref('int_entries_keyed') }} as entries
    where entries.entry_id is not null
    group by entries.contest_code, entries.edition_year, entries.entry_id
),

-- The measures of a case are measured per entry row; the copies of an entry id received
-- twice list the same files, so one copy speaks for all.
measured as (
    select * from {{ ref('int_cases_measured') }} as cases_measured
    qualify row_number() over (
        partition by cases_measured.contest_code, cases_measured.edition_year,
            cases_measured.entry_id, cases_measured.case_no
        order by cases_measured.entry_row_key
    ) = 1
)

select
    cases.case_row_key as case_row_key,
    cases.contest_code as contest_code,
    cases.edition_year as edition_year,
    cases.entry_id as entry_id,
    entry_rows.entry_row_key as entry_row_key,
    cases.case_no as case_no,
    case
        when cases.entry_id is not null and cases.case_no is not null then count(*) over (
            partition by cases.contest_code, cases.edition_year, cases.entry_id, cases.case_no
        )
    end as case_no_occurrences,
    case when cases.direction in ('IN', 'OUT') then cases.direction end as direction,
    cases.direction as direction_as_written,
    case when cases.client_type in ('external', 'internal') then cases.client_type end as client_type,
    cases.client_type as client_type_as_written,
    case when cases.language in ('PL', 'EN', 'UA') then cases.language end as language,
    cases.language as language_as_written,
    coalesce(measured.interaction_count, 0) as interactions,
    coalesce(measured.recordings, 0) as recordings,
    coalesce(measured.unreadable_files, 0) as unreadable_files,
    measured.sequence_duration_seconds as sequence_duration_seconds,
    measured.longest_recording_seconds as longest_recording_seconds,
    coalesce(measured.is_duration_complete, true) as is_duration_complete,
    cases.source_file as source_file,
    cases.source_row as source_row
from cases
left join entry_rows
    on cases.contest_code = entry_rows.contest_code
    and cases.edition_year = entry_rows.edition_year
    and cases.entry_id = entry_rows.entry_id
left join measured
    on cases.contest_code = measured.contest_code
    and cases.edition_year = measured.edition_year
    and cases.entry_id = measured.entry_id
    and cases.case_no = measured.case_no
