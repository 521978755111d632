-- The edition whose catalog holds the link is the one it leads into.
select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    from_contest_code as from_contest_code,
    try_cast(from_edition_year as integer) as from_edition_year,
    from_edition_year as from_edition_year_as_written,
    from_category_code as from_category_code,
    contest_code as to_contest_code,
    cast(edition_year as integer) as to_edition_year,
    to_category_code as to_category_code,
    lower(relation) as relation,
    note_en as note_en,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_lineage') }}
