select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    juror_id as juror_id,
    juror_name as juror_name,
    organization as organization_as_written,
    former_organizations as former_organizations_as_written,
    _source_file as source_file,
    _source_row as source_row
from {{ source('raw', 'jurors') }}
