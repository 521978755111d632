select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    upper(criterion_code) as criterion_code,
    criterion_name_pl as criterion_name_pl,
    criterion_name_en as criterion_name_en,
    try_cast(replace(scale_min, ',', '.') as double) as scale_min,
    try_cast(replace(scale_max, ',', '.') as double) as scale_max,
    try_cast(replace(scale_step, ',', '.') as double) as scale_step,
    -- No weight written is weight 1.
    coalesce(try_cast(replace(weight, ',', '.') as double), case when weight is null then 1.0 end)
        as weight,
    nullif(list_filter(list_transform(string_split(categories, '|'), lambda c: trim(c)), lambda c: c <> ''), [])
        as category_codes,
    scale_min as scale_min_as_written,
    scale_max as scale_max_as_written,
    scale_step as scale_step_as_written,
    weight as weight_as_written,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_criteria') }}
