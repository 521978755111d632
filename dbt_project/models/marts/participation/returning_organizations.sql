{#- One row per organization and contest edition it entered, saying whether it had entered
    an earlier edition of the same contest (a returning organization) and which. -#}
with organization_editions as (
    select * from {{ ref('int_organization_editions_banded') }}
),

contests_per_organization as (
    select
        organization_editions.organization_key as organization_key,
        count(distinct organization_editions.contest_code) as contests_entered
    from organization_editions
    group by organization_editions.organization_key
)

select
    organization_editions.organization_key as organization_key,
    organization_editions.contest_code as contest_code,
    organization_editions.edition_year as edition_year,
    organization_editions.entries as entries,
    organization_editions.participants as participants,
    organization_editions.size_band_code as size_band_code,
    lag(organization_editions.edition_year) over contest_history as previous_edition_year,
    count(*) over contest_history - 1 as earlier_editions_entered,
    min(organization_editions.edition_year) over (
        partition by organization_editions.organization_key, organization_editions.contest_code
    ) as first_edition_year,
    lag(organization_editions.edition_year) over contest_history is not null as is_returning,
    contests_per_organization.contests_entered > 1 as entered_other_contest
from organization_editions
inner join contests_per_organization
    on organization_editions.organization_key = contests_per_organization.organization_key
window contest_history as (
    partition by organization_editions.organization_key, organization_editions.contest_code
    order by organization_editions.edition_year
)
