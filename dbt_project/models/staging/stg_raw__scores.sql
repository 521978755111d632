select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    entry_id as entry_id,
    juror_id as juror_id,
    upper(criterion_code) as criterion_code,
    score as score_as_written,
    try_cast(replace(score, ',', '.') as double) as score,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'scores') }}
