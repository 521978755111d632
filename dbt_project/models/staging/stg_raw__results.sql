select
    md5(concat_ws('|', contest_code, edition_year, _source_file, _source_row)) as result_row_key,
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    entry_id as entry_id,
    rank as rank_as_written,
    -- A rank is a positive whole number: '3', '3.0' and ' 3 ' are 3; anything else is null.
    case
        when try_cast(rank as double) = floor(try_cast(rank as double))
            and try_cast(rank as double) >= 1
            then cast(try_cast(rank as double) as integer)
    end as published_rank,
    nullif(lower(trim(award_level)), '') as award_level,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'results') }}
