-- Jurors are personal data: this table stays in marts and never feeds the sponsor schema.
select
    jurors.juror_key as juror_key,
    jurors.contest_code as contest_code,
    jurors.edition_year as edition_year,
    jurors.juror_id as juror_id,
    jurors.juror_name as juror_name,
    jurors.organization_as_written as organization_as_written,
    jurors.organization_key as organization_key,
    jurors.source_file as source_file,
    jurors.source_row as source_row
from {{ ref('int_jurors_deduplicated') }} as jurors
