select
    md5(concat_ws('|', contest_code, edition_year, _source_file, _source_row)) as decision_row_key,
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    decision_id as decision_id,
    entry_id as entry_id,
    -- A rule code of marts.fct_violations as written there (upper case), or `result`.
    case
        when lower(trim(subject)) = 'result' then 'result'
        else upper(trim(subject))
    end as subject,
    lower(trim(decision)) as decision,
    nullif(trim(reason), '') as reason,
    nullif(trim(decided_by), '') as decided_by,
    decided_at as decided_at_as_written,
    try_cast(decided_at as timestamp) as decided_at,
    appeal_received_at as appeal_received_at_as_written,
    try_cast(appeal_received_at as timestamp) as appeal_received_at,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'decisions') }}
