select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    relative_path as relative_path,
    detected_format as detected_format,
    duration_seconds as duration_seconds,
    size_bytes as size_bytes,
    sha256 as sha256,
    probe_status as probe_status,
    probe_error as probe_error
from {{ source('raw', 'media') }}
