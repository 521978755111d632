select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    category_code as category_code,
    upper(criterion_code) as criterion_code,
    try_cast(replace(weight, ',', '.') as double) as weight,
    weight as weight_as_written,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_criterion_weights') }}
