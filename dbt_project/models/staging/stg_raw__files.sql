select
    md5(concat_ws('|', contest_code, edition_year, _source_file, _source_row)) as file_row_key,
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    entry_id as entry_id,
    try_cast(case_no as integer) as case_no,
    try_cast(interaction_no as integer) as interaction_no,
    lower(kind) as kind,
    path as relative_path,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'files') }}
