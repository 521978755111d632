-- One row per contest edition Podium knows of: of the built-in catalog, of a drop-folder
-- catalog, or only of the data received; with the catalog's source and whether it is usable.
select
    editions.contest_edition_key as contest_edition_key,
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    editions.contest_name_pl as contest_name_pl,
    editions.contest_name_en as contest_name_en,
    editions.section_name_pl as section_name_pl,
    editions.section_name_en as section_name_en,
    editions.category_count as category_count,
    editions.source_document as source_document,
    editions.catalog_source as catalog_source,
    editions.catalog_status as catalog_status,
    editions.catalog_problem as catalog_problem
from {{ ref('int_editions_cataloged') }} as editions
