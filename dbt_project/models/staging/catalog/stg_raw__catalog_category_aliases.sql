select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    alias as alias,
    category_code as category_code,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_category_aliases') }}
