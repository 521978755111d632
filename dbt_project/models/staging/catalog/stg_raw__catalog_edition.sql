select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    contest_name_pl as contest_name_pl,
    contest_name_en as contest_name_en,
    section_name_pl as section_name_pl,
    section_name_en as section_name_en,
    source_document as source_document,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_edition') }}
