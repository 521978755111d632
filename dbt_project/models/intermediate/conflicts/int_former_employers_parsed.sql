-- One row per element of a jurors.csv row's former_organizations (`Name:YYYY`, `|`-separated,
-- YYYY the last year the juror worked there), with the organization and year it names, or
-- why it cannot be read. The name runs to the last colon, so a name may hold one itself.
-- Blank elements (a trailing `|`) say nothing and are skipped.
with listed as (
    select
        jurors.contest_code as contest_code,
        jurors.edition_year as edition_year,
        jurors.juror_id as juror_id,
        string_split(jurors.former_organizations_as_written, '|') as elements,
        jurors.source_file as source_file,
        jurors.source_row as source_row
    from {{ ref('stg_raw__jurors') }} as jurors
    where nullif(trim(jurors.former_organizations_as_written), '') is not null
),

elements as (
    select
        listed.contest_code as contest_code,
        listed.edition_year as edition_year,
        listed.juror_id as juror_id,
        element_numbers.element_no as element_no,
        trim(listed.elements[element_numbers.element_no]) as element_as_written,
        listed.source_file as source_file,
        listed.source_row as source_row
    from listed
    cross join lateral (
        select unnest(generate_series(1, len(listed.elements))) as element_no
    ) as element_numbers
),

split as (
    select
        elements.*,
        nullif(trim(regexp_extract(elements.element_as_written, '^(.*):', 1)), '')
            as organization_as_written,
        case
            when contains(elements.element_as_written, ':')
                then trim(regexp_extract(elements.element_as_written, ':([^:]*)$', 1))
        end as last_year_as_written
    from elements
    where elements.element_as_written <> ''
)

select
    md5(concat_ws('|', split.contest_code, split.edition_year, split.source_file, split.source_row,
        split.element_no)) as former_employer_key,
    split.contest_code as contest_code,
    split.edition_year as edition_year,
    split.juror_id as juror_id,
    split.element_no as element_no,
    split.element_as_written as element_as_written,
    split.organization_as_written as organization_as_written,
    case
        when regexp_full_match(split.last_year_as_written, '[0-9]{4}')
            then cast(split.last_year_as_written as integer)
    end as last_year,
    case
        when split.last_year_as_written is null or split.last_year_as_written = '' then 'no year'
        when split.organization_as_written is null then 'no organization name'
        when not regexp_full_match(split.last_year_as_written, '[0-9]{4}')
            then 'year ''' || split.last_year_as_written || ''' is not a four-digit number'
    end as malformed_reason,
    split.source_file as source_file,
    split.source_row as source_row
from split
