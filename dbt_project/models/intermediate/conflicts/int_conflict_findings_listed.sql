-- What the conflicts of interest could not take as given, one row per finding, as
-- fct_ingest_issues shows it: a former employer in jurors.csv that is not `Name:YYYY`
-- (ignored), a conflicts.csv row that is not applied and why, and an applied declaration
-- that concerns no entry of its edition (kept, harmless).
select
    former.contest_code as contest_code,
    former.edition_year as edition_year,
    'jurors' as source_table,
    former.source_file as source_file,
    former.source_row as source_row,
    cast(null as varchar) as entry_id,
    'former_organization_malformed' as status,
    'jurors.csv line ' || former.source_row || ': former organization '''
        || former.element_as_written || ''' of juror ' || coalesce(former.juror_id, '(no id)')
        || ' is not Name:YYYY (' || former.malformed_reason || '); it is ignored' as message
from {{ ref('int_former_employers_parsed') }} as former
where former.malformed_reason is not null
union all
select
    declared.contest_code,
    declared.edition_year,
    'conflicts',
    declared.source_file,
    declared.source_row,
    declared.entry_id,
    declared.status,
    declared.message
from {{ ref('int_conflicts_declared') }} as declared
where not declared.is_applied
union all
select
    declared.contest_code,
    declared.edition_year,
    'conflicts',
    declared.source_file,
    declared.source_row,
    declared.entry_id,
    'conflict_matches_no_entry',
    'conflicts.csv line ' || declared.source_row || ': '
        || case declared.target_type
            when 'organization' then 'organization ''' || declared.organization_as_written || ''''
            else 'the participant named'
        end
        || ' has no entry in ' || declared.contest_code || ' ' || declared.edition_year
        || '; the declaration is kept and has no effect'
from {{ ref('int_conflicts_declared') }} as declared
anti join {{ ref('int_conflicts_resolved') }} as resolved
    on resolved.conflict_row_key = declared.conflict_row_key
where declared.is_applied
