with bands as (
    select
        organization_editions.contest_code as contest_code,
        organization_editions.edition_year as edition_year,
        organization_editions.size_band_code as size_band_code,
        cast(sum(organization_editions.entries) as bigint) as entries,
        count(*) as organizations
    from {{ ref('int_organization_editions_banded') }} as organization_editions
    group by
        organization_editions.contest_code,
        organization_editions.edition_year,
        organization_editions.size_band_code
),

cells as (
    select
        bands.*,
        {{ sponsor_entries_withheld(
            'bands.entries', ['bands.contest_code', 'bands.edition_year'], 'bands.size_band_code'
        ) }} as is_entries_withheld
    from bands
)

select
    cells.contest_code as contest_code,
    cells.edition_year as edition_year,
    cells.size_band_code as size_band_code,
    seed_bands.size_band_name_pl as size_band_name_pl,
    seed_bands.size_band_name_en as size_band_name_en,
    case when not cells.is_entries_withheld then cells.entries end as entries,
    {{ sponsor_suppress('cells.organizations') }} as organizations,
    cells.is_entries_withheld or {{ sponsor_is_suppressed(['cells.organizations']) }}
        as is_suppressed
from cells
left join {{ ref('organization_size_bands') }} as seed_bands
    on cells.size_band_code = seed_bands.size_band_code
