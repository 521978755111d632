{#- One row per entry row received (zgłoszenie), whatever its validity, keyed to the
    dimensions of the star schema: edition, category and family, organization, participant. -#}
with entries as (
    select * from {{ ref('int_entries_keyed') }}
),

cases as (
    select
        cases.contest_code as contest_code,
        cases.edition_year as edition_year,
        cases.entry_id as entry_id,
        count(*) as case_rows
    from {{ ref('stg_raw__cases') }} as cases
    group by cases.contest_code, cases.edition_year, cases.entry_id
),

files as (
    select
        files.contest_code as contest_code,
        files.edition_year as edition_year,
        files.entry_id as entry_id,
        count(*) as file_rows
    from {{ ref('stg_raw__files') }} as files
    group by files.contest_code, files.edition_year, files.entry_id
),

checked as (
    select * from {{ ref('int_entries_checked') }}
)

select
    entries.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    editions.contest_edition_key as contest_edition_key,
    entries.entry_id as entry_id,
    entries.category_key as category_key,
    entries.category_code as category_code,
    entries.family_code as family_code,
    entries.category_as_written as category_as_written,
    entries.category_resolution as category_resolution,
    entries.category_resolution_reason as category_resolution_reason,
    entries.organization_key as organization_key,
    entries.organization_as_written as organization_as_written,
    entries.participant_key as participant_key,
    entries.country as country,
    entries.submitted_at as submitted_at,
    cast(entries.submitted_at as date) as submitted_on,
    coalesce(entries.entry_id_occurrences > 1, false) as is_duplicate_entry_id,
    entries.entry_id_occurrences as entry_id_occurrences,
    coalesce(cases.case_rows, 0) as case_rows,
    coalesce(files.file_rows, 0) as file_rows,
    checked.is_formally_valid as is_formally_valid,
    checked.surcharge_due as surcharge_due,
    checked.surcharge_minutes as surcharge_minutes,
    entries.source_file as source_file,
    entries.source_row as source_row
from entries
left join {{ ref('dim_contest_edition') }} as editions
    on entries.contest_code = editions.contest_code
    and entries.edition_year = editions.edition_year
left join cases
    on entries.contest_code = cases.contest_code
    and entries.edition_year = cases.edition_year
    and entries.entry_id = cases.entry_id
left join files
    on entries.contest_code = files.contest_code
    and entries.edition_year = files.edition_year
    and entries.entry_id = files.entry_id
left join checked
    on entries.entry_row_key = checked.entry_row_key
