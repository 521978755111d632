-- Every reason a juror may not impartially judge an entry of their edition, one row per
-- reason and entry: detected (the juror's organization is the entrant's; a former employer
-- of the juror is, within the edition's former_employer_years) and declared (an applied
-- conflicts.csv row, resolved to the entry it names, the organization's entries or the
-- participant's entries; scope `category` reaches every entry of those entries' categories,
-- as resolved for scoring). Organizations match by the key every spelling gets from macro
-- organization_names_normalized, participants by their normalized name within the edition.
with entries as (
    select
        classified.contest_code as contest_code,
        classified.edition_year as edition_year,
        classified.entry_id as entry_id,
        classified.category_code as category_code,
        classified.organization_key as organization_key,
        {{ rules_normalize_name('keyed.participant_name') }} as participant_name_normalized
    from {{ ref('int_scoring_entries_classified') }} as classified
    left join {{ ref('int_entries_keyed') }} as keyed
        on keyed.entry_row_key = classified.entry_row_key
),

jurors as (
    select * from {{ ref('int_jurors_deduplicated') }}
),

same_organization as (
    select
        jurors.contest_code as contest_code,
        jurors.edition_year as edition_year,
        jurors.juror_id as juror_id,
        entries.entry_id as entry_id,
        'detected' as conflict_source,
        'same_organization' as conflict_kind,
        'entry' as conflict_scope,
        cast(null as varchar) as conflict_row_key,
        cast(null as varchar) as former_employer_key,
        cast(null as integer) as last_year,
        'belongs to ' || jurors.organization_as_written || ', the entrant''s organization' as reason,
        jurors.source_file as source_file,
        jurors.source_row as source_row
    from jurors
    inner join entries
        on entries.contest_code = jurors.contest_code
        and entries.edition_year = jurors.edition_year
        and entries.organization_key = jurors.organization_key
),

former_employer as (
    select
        former.contest_code as contest_code,
        former.edition_year as edition_year,
        former.juror_id as juror_id,
        entries.entry_id as entry_id,
        'detected' as conflict_source,
        'former_employer' as conflict_kind,
        'entry' as conflict_scope,
        cast(null as varchar) as conflict_row_key,
        former.former_employer_key as former_employer_key,
        former.last_year as last_year,
        'worked for ' || former.organization_as_written || ', the entrant''s organization, until '
            || former.last_year || ' (a former employer for ' || methods.former_employer_years
            || ' years after)' as reason,
        former.source_file as source_file,
        former.source_row as source_row
    from {{ ref('int_former_employers_parsed') }} as former
    -- The juror's first jurors.csv row is the juror (int_jurors_deduplicated).
    inner join jurors
        on jurors.contest_code = former.contest_code
        and jurors.edition_year = former.edition_year
        and jurors.source_file = former.source_file
        and jurors.source_row = former.source_row
    inner join {{ ref('int_conflict_organizations_normalized') }} as organizations
        on organizations.organization_as_written = former.organization_as_written
    inner join {{ ref('int_scoring_methods_cataloged') }} as methods
        on methods.contest_code = former.contest_code
        and methods.edition_year = former.edition_year
    inner join entries
        on entries.contest_code = former.contest_code
        and entries.edition_year = former.edition_year
        and entries.organization_key = organizations.organization_key
    where former.malformed_reason is null
        and former.last_year <= former.edition_year
        and former.edition_year - former.last_year <= methods.former_employer_years
),

declared_targets as (
    -- The entries an applied declaration names.
    select
        declared.*,
        entries.entry_id as target_entry_id,
        entries.category_code as target_category_code
    from {{ ref('int_conflicts_declared') }} as declared
    inner join entries
        on entries.contest_code = declared.contest_code
        and entries.edition_year = declared.edition_year
        and (
            (declared.target_type = 'entry' and entries.entry_id = declared.entry_id)
            or (declared.target_type = 'organization'
                and entries.organization_key = declared.organization_key)
            or (declared.target_type = 'participant'
                and entries.participant_name_normalized = declared.participant_name_normalized)
        )
    where declared.is_applied
),

declared as (
    select distinct
        targets.contest_code as contest_code,
        targets.edition_year as edition_year,
        targets.juror_id as juror_id,
        entries.entry_id as entry_id,
        'declared' as conflict_source,
        targets.conflict_kind as conflict_kind,
        targets.conflict_scope as conflict_scope,
        targets.conflict_row_key as conflict_row_key,
        cast(null as varchar) as former_employer_key,
        cast(null as integer) as last_year,
        'declared ' || targets.conflict_kind || ' about '
            || case targets.target_type
                when 'entry' then 'entry ' || targets.entry_id
                when 'organization' then 'organization ' || targets.organization_as_written
                else 'participant ' || targets.participant_name
            end
            || case
                when targets.conflict_scope = 'category'
                    then ', scope category ' || coalesce(entries.category_code, '(unresolved)')
                else ''
            end
            || coalesce(': ' || targets.note, '')
            || ' (conflicts.csv line ' || targets.source_row || ')' as reason,
        targets.source_file as source_file,
        targets.source_row as source_row
    from declared_targets as targets
    inner join entries
        on entries.contest_code = targets.contest_code
        and entries.edition_year = targets.edition_year
        and (
            entries.entry_id = targets.target_entry_id
            or (targets.conflict_scope = 'category'
                and entries.category_code = targets.target_category_code)
        )
),

reasons as (
    select * from declared
    union all by name
    select * from same_organization
    union all by name
    select * from former_employer
)

select
    md5(concat_ws('|', reasons.contest_code, reasons.edition_year, reasons.juror_id, reasons.entry_id,
        reasons.conflict_kind, reasons.conflict_row_key, reasons.former_employer_key)) as conflict_reason_key,
    reasons.contest_code as contest_code,
    reasons.edition_year as edition_year,
    reasons.juror_id as juror_id,
    reasons.entry_id as entry_id,
    reasons.conflict_source as conflict_source,
    reasons.conflict_kind as conflict_kind,
    reasons.conflict_scope as conflict_scope,
    reasons.conflict_row_key as conflict_row_key,
    reasons.former_employer_key as former_employer_key,
    reasons.last_year as last_year,
    reasons.reason as reason,
    reasons.source_file as source_file,
    reasons.source_row as source_row
from reasons
