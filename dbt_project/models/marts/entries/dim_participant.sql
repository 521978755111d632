{#- One row per participant (PCCA uczestnik) or nominee (IBA kandydat): a name within an
    organization, across editions and contests. Personal data: marts only. -#}
with entries as (
    select * from {{ ref('int_entries_keyed') }}
    where participant_key is not null
),

spelling_rows as (
    select
        entries.participant_key as participant_key,
        entries.participant_name as participant_name,
        count(*) as row_count
    from entries
    group by entries.participant_key, entries.participant_name
),

names as (
    -- The spelling written most often names the participant; ties go alphabetically.
    select
        spelling_rows.participant_key as participant_key,
        first(spelling_rows.participant_name order by spelling_rows.row_count desc, spelling_rows.participant_name)
            as participant_name
    from spelling_rows
    group by spelling_rows.participant_key
)

select
    entries.participant_key as participant_key,
    names.participant_name as participant_name,
    any_value(entries.participant_name_normalized) as participant_name_normalized,
    any_value(entries.organization_key) as organization_key,
    list_sort(list(distinct entries.contest_code)) as contest_codes,
    count(*) as entry_rows,
    min(entries.edition_year) as first_edition_year,
    max(entries.edition_year) as last_edition_year
from entries
inner join names
    on entries.participant_key = names.participant_key
group by entries.participant_key, names.participant_name
