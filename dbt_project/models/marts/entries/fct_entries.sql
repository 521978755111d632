select
    entries.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    entries.category_as_written as category_as_written,
    entries.organization_as_written as organization_as_written,
    entries.submitted_at as submitted_at,
    entries.source_file as source_file,
    entries.source_row as source_row
from {{ ref('stg_raw__entries') }} as entries
