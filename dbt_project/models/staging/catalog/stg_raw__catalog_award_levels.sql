select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    lower(award_level) as award_level,
    coalesce(award_name_pl, award_level) as award_name_pl,
    coalesce(award_name_en, award_level) as award_name_en,
    try_cast(award_order as integer) as award_order,
    try_cast(max_rank as integer) as max_rank,
    try_cast(replace(min_score, ',', '.') as double) as min_score,
    award_order as award_order_as_written,
    max_rank as max_rank_as_written,
    min_score as min_score_as_written,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'catalog_award_levels') }}
