select
    organization_editions.contest_code as contest_code,
    organization_editions.edition_year as edition_year,
    organization_editions.size_band_code as size_band_code,
    any_value(bands.size_band_name_pl) as size_band_name_pl,
    any_value(bands.size_band_name_en) as size_band_name_en,
    {{ sponsor_suppress('cast(sum(organization_editions.entries) as bigint)') }} as entries,
    {{ sponsor_suppress('count(*)') }} as organizations,
    {{ sponsor_is_suppressed(['sum(organization_editions.entries)', 'count(*)']) }} as is_suppressed
from {{ ref('int_organization_editions_banded') }} as organization_editions
left join {{ ref('organization_size_bands') }} as bands
    on organization_editions.size_band_code = bands.size_band_code
group by
    organization_editions.contest_code,
    organization_editions.edition_year,
    organization_editions.size_band_code
