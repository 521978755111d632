select
    md5(concat_ws('|', contest_code, edition_year, _source_file, _source_row)) as conflict_row_key,
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    juror_id as juror_id,
    nullif(trim(entry_id), '') as entry_id,
    nullif(trim(organization), '') as organization_as_written,
    nullif(trim(participant_name), '') as participant_name,
    lower(trim(kind)) as conflict_kind,
    -- A conflict is about one entry unless the juror leaves the whole category.
    coalesce(nullif(lower(trim(scope)), ''), 'entry') as conflict_scope,
    nullif(trim(note), '') as note,
    declared_at as declared_at_as_written,
    try_cast(declared_at as timestamp) as declared_at,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'conflicts') }}
