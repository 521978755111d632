-- Rows of cases.csv and files.csv that belong to no entry: their entry id is empty, or no
-- entry row of their edition carries it. No formal rule can see them (rules judge entries),
-- so they are reported as ingest issues instead of vanishing from the checks.
with entry_ids as (
    select distinct
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id
    from {{ ref('stg_raw__entries') }} as entries
    where entries.entry_id is not null
),

listed as (
    select
        'cases' as source_table,
        cases.contest_code as contest_code,
        cases.edition_year as edition_year,
        nullif(trim(cases.entry_id), '') as entry_id,
        cases.source_file as source_file,
        cases.source_row as source_row,
        'case ' || coalesce(cast(cases.case_no as varchar), '(no number)') as listed_item
    from {{ ref('stg_raw__cases') }} as cases
    union all
    select
        'files' as source_table,
        files.contest_code as contest_code,
        files.edition_year as edition_year,
        nullif(trim(files.entry_id), '') as entry_id,
        files.source_file as source_file,
        files.source_row as source_row,
        'file ''' || coalesce(files.relative_path, '') || '''' as listed_item
    from {{ ref('stg_raw__files') }} as files
)

select
    listed.source_table as source_table,
    listed.contest_code as contest_code,
    listed.edition_year as edition_year,
    listed.entry_id as entry_id,
    listed.source_file as source_file,
    listed.source_row as source_row,
    case when listed.entry_id is null then 'entry_id_missing' else 'unknown_entry' end as status,
    case
        when listed.entry_id is null
            then listed.source_file || ' line ' || listed.source_row || ' lists '
                || listed.listed_item || ' without an entry id: it belongs to no entry'
        else listed.source_file || ' line ' || listed.source_row || ' lists '
            || listed.listed_item || ' for entry id ''' || listed.entry_id
            || ''', which no entry row of the edition has: it belongs to no entry'
    end as message
from listed
left join entry_ids
    on listed.contest_code = entry_ids.contest_code
    and listed.edition_year = entry_ids.edition_year
    and listed.entry_id = entry_ids.entry_id
where entry_ids.entry_id is null
