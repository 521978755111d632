{#- One row per organization and contest edition it entered, with its size band: the band
    of the seed organization_size_bands whose range holds the organization's entry rows in
    that edition. -#}
with organization_editions as (
    select
        entries.organization_key as organization_key,
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        count(*) as entries,
        count(distinct entries.participant_key) as participants
    from {{ ref('int_entries_keyed') }} as entries
    where entries.organization_key is not null
    group by entries.organization_key, entries.contest_code, entries.edition_year
)

select
    organization_editions.organization_key as organization_key,
    organization_editions.contest_code as contest_code,
    organization_editions.edition_year as edition_year,
    organization_editions.entries as entries,
    organization_editions.participants as participants,
    bands.size_band_code as size_band_code
from organization_editions
left join {{ ref('organization_size_bands') }} as bands
    on organization_editions.entries >= bands.min_entries
    and (bands.max_entries is null or organization_editions.entries <= bands.max_entries)
