select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    lower(aggregation) as aggregation,
    try_cast(trim_highest as integer) as trim_highest,
    try_cast(trim_lowest as integer) as trim_lowest,
    try_cast(decimals as integer) as decimals,
    lower(rounding) as rounding,
    lower(total) as total,
    lower(normalization) as normalization,
    lower(conflict_policy) as conflict_policy,
    try_cast(min_evaluations as integer) as min_evaluations,
    trim_highest as trim_highest_as_written,
    trim_lowest as trim_lowest_as_written,
    decimals as decimals_as_written,
    min_evaluations as min_evaluations_as_written,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_scoring') }}
