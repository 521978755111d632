-- One row per conflicts.csv row (a juror's declared conflict of interest or opt-out), checked:
-- exactly one target (entry_id, organization or participant_name), a kind and a scope among
-- the allowed values (seed catalog_allowed_values), a note for the kinds that need one, a
-- juror of the edition, an entry of the edition, a declared_at that reads as a date. A row
-- failing any check is not applied; its message gives every reason and fct_ingest_issues
-- reports it. Which entries an applied row concerns is int_conflicts_resolved's work.
{#- The kinds that say nothing without the juror's own words (the seed's meanings say so). -#}
{%- set kinds_needing_note = ['other', 'opt_out'] %}
with declared as (
    select * from {{ ref('stg_raw__conflicts') }}
),

allowed as (
    select allowed.column_name as column_name, allowed.value as value
    from {{ ref('catalog_allowed_values') }} as allowed
    where allowed.file_name = 'conflicts.csv'
),

allowed_lists as (
    select
        string_agg(allowed.value, ', ' order by allowed.value) filter (where allowed.column_name = 'kind')
            as kinds,
        string_agg(allowed.value, ', ' order by allowed.value) filter (where allowed.column_name = 'scope')
            as scopes
    from allowed
),

checked as (
    select
        declared.*,
        (declared.entry_id is not null)::integer
            + (declared.organization_as_written is not null)::integer
            + (declared.participant_name is not null)::integer as targets_named,
        case
            when declared.entry_id is not null then 'entry'
            when declared.organization_as_written is not null then 'organization'
            when declared.participant_name is not null then 'participant'
        end as target_type,
        organizations.organization_key as organization_key,
        {{ rules_normalize_name('declared.participant_name') }} as participant_name_normalized,
        jurors.juror_id is not null as is_known_juror,
        entries.entry_id is not null as is_known_entry,
        exists (
            select 1 from allowed
            where allowed.column_name = 'kind' and allowed.value = declared.conflict_kind
        ) as is_known_kind,
        exists (
            select 1 from allowed
            where allowed.column_name = 'scope' and allowed.value = declared.conflict_scope
        ) as is_known_scope,
        allowed_lists.kinds as allowed_kinds,
        allowed_lists.scopes as allowed_scopes
    from declared
    cross join allowed_lists
    left join {{ ref('int_conflict_organizations_normalized') }} as organizations
        on organizations.organization_as_written = declared.organization_as_written
    left join {{ ref('int_jurors_deduplicated') }} as jurors
        on jurors.contest_code = declared.contest_code
        and jurors.edition_year = declared.edition_year
        and jurors.juror_id = declared.juror_id
    left join {{ ref('int_scoring_entries_classified') }} as entries
        on entries.contest_code = declared.contest_code
        and entries.edition_year = declared.edition_year
        and entries.entry_id = declared.entry_id
),

problems as (
    select
        checked.*,
        list_filter([
            case when checked.targets_named = 0 then {
                'status': 'conflict_target_missing',
                'message': 'names none of entry_id, organization, participant_name'
            } end,
            case when checked.targets_named > 1 then {
                'status': 'conflict_targets_several',
                'message': 'names more than one of entry_id, organization, participant_name (exactly one is allowed)'
            } end,
            case when checked.conflict_kind is null then {
                'status': 'conflict_kind_unknown',
                'message': 'has no kind (one of: ' || checked.allowed_kinds || ')'
            } end,
            case when checked.conflict_kind is not null and not checked.is_known_kind then {
                'status': 'conflict_kind_unknown',
                'message': 'kind ''' || checked.conflict_kind || ''' is not one of: ' || checked.allowed_kinds
            } end,
            case when not checked.is_known_scope then {
                'status': 'conflict_scope_unknown',
                'message': 'scope ''' || checked.conflict_scope || ''' is not one of: ' || checked.allowed_scopes
            } end,
            case when checked.conflict_kind in ('{{ kinds_needing_note | join("', '") }}') and checked.note is null then {
                'status': 'conflict_note_missing',
                'message': 'a ' || checked.conflict_kind || ' declaration needs a note saying why'
            } end,
            case when not checked.is_known_juror then {
                'status': 'conflict_juror_unknown',
                'message': coalesce(
                    'juror ' || checked.juror_id || ' is not a juror of ' || checked.contest_code
                        || ' ' || checked.edition_year || ' (jurors.csv)',
                    'names no juror_id'
                )
            } end,
            case when checked.entry_id is not null and not checked.is_known_entry then {
                'status': 'conflict_entry_unknown',
                'message': 'entry ' || checked.entry_id || ' is not an entry of ' || checked.contest_code
                    || ' ' || checked.edition_year
            } end,
            case when checked.declared_at_as_written is not null and checked.declared_at is null then {
                'status': 'conflict_declared_at_invalid',
                'message': 'declared_at ''' || checked.declared_at_as_written || ''' is not a date'
            } end
        ], lambda problem: problem is not null) as found
    from checked
)

select
    problems.conflict_row_key as conflict_row_key,
    problems.contest_code as contest_code,
    problems.edition_year as edition_year,
    problems.juror_id as juror_id,
    problems.target_type as target_type,
    problems.entry_id as entry_id,
    problems.organization_as_written as organization_as_written,
    problems.organization_key as organization_key,
    problems.participant_name as participant_name,
    problems.participant_name_normalized as participant_name_normalized,
    problems.conflict_kind as conflict_kind,
    problems.conflict_scope as conflict_scope,
    problems.note as note,
    problems.declared_at as declared_at,
    len(problems.found) = 0 as is_applied,
    problems.found[1].status as status,
    case
        when len(problems.found) > 0 then
            'conflicts.csv line ' || problems.source_row || ': '
            || array_to_string(list_transform(problems.found, lambda problem: problem.message), '; ')
            || '; the declaration is not applied'
    end as message,
    problems.source_file as source_file,
    problems.source_row as source_row
from problems
