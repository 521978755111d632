select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    entry_id as entry_id,
    try_cast(case_no as integer) as case_no,
    upper(direction) as direction,
    lower(client_type) as client_type,
    upper(language) as language,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'cases') }}
