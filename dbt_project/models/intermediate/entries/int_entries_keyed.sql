{#- Every received entry row with its category (as the rules catalog resolves it), its
    organization and participant keys and its duplicate flag. -#}
with entries as (
    select * from {{ ref('stg_raw__entries') }}
),

organizations as (
    select * from {{ ref('int_organizations_normalized') }}
),

participants as (
    select
        entries.entry_row_key as entry_row_key,
        nullif(trim(regexp_replace(
            strip_accents(lower(translate(entries.participant_name, 'Łł', 'll'))),
            '[^\pL\pN]+', ' ', 'g'
        )), '') as participant_name_normalized
    from entries
)

select
    entries.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    entries.category_as_written as category_as_written,
    categorized.category_key as category_key,
    categorized.category_code as category_code,
    categorized.family_code as family_code,
    categorized.category_resolution as category_resolution,
    categorized.category_resolution_reason as category_resolution_reason,
    entries.participant_name as participant_name,
    participants.participant_name_normalized as participant_name_normalized,
    -- A person is told apart by name within an organization; the same name elsewhere is
    -- another participant.
    case
        when participants.participant_name_normalized is not null
            then md5(concat_ws('|', participants.participant_name_normalized, organizations.organization_key))
    end as participant_key,
    entries.organization_as_written as organization_as_written,
    organizations.organization_key as organization_key,
    entries.country as country,
    entries.submitted_at as submitted_at,
    case
        when entries.entry_id is not null then count(*) over (
            partition by entries.contest_code, entries.edition_year, entries.entry_id
        )
    end as entry_id_occurrences,
    entries.source_file as source_file,
    entries.source_row as source_row
from entries
left join {{ ref('int_entries_categorized') }} as categorized
    on entries.entry_row_key = categorized.entry_row_key
left join participants
    on entries.entry_row_key = participants.entry_row_key
left join organizations
    on entries.organization_as_written = organizations.organization_as_written
