-- One row per juror of an edition: the first jurors.csv row of each juror_id.
-- Later rows with the same id are reported in fct_jury_violations (duplicate_juror). The
-- organization key is the one marts.dim_organization gives every spelling, so a juror and an
-- entrant of one organization match however each wrote its name.
with numbered as (
    select
        jurors.contest_code as contest_code,
        jurors.edition_year as edition_year,
        jurors.juror_id as juror_id,
        jurors.juror_name as juror_name,
        jurors.organization_as_written as organization_as_written,
        jurors.source_file as source_file,
        jurors.source_row as source_row,
        row_number() over (
            partition by jurors.contest_code, jurors.edition_year, jurors.juror_id
            order by jurors.source_row
        ) as row_in_juror
    from {{ ref('stg_raw__jurors') }} as jurors
    where jurors.juror_id is not null
)

select
    md5(concat_ws('|', numbered.contest_code, numbered.edition_year, numbered.juror_id)) as juror_key,
    numbered.contest_code as contest_code,
    numbered.edition_year as edition_year,
    numbered.juror_id as juror_id,
    numbered.juror_name as juror_name,
    numbered.organization_as_written as organization_as_written,
    organizations.organization_key as organization_key,
    numbered.source_file as source_file,
    numbered.source_row as source_row
from numbered
left join {{ ref('int_organizations_normalized') }} as organizations
    on organizations.organization_as_written = numbered.organization_as_written
where numbered.row_in_juror = 1
