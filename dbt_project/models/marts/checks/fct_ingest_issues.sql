-- Everything Podium could not take as given, one row per finding, with its reason: rows the
-- readers repaired or set aside, files that are damaged, missing or not listed, and cases
-- and files that belong to no entry.
with issues as (
    select
        received.contest_code as contest_code,
        received.edition_year as edition_year,
        received.source_table as source_table,
        received.source_file as source_file,
        received.source_row as source_row,
        cast(null as varchar) as entry_id,
        received.status as status,
        received.message as message
    from {{ ref('stg_raw__ingest_issues') }} as received
    union all
    select
        unattributed.contest_code as contest_code,
        unattributed.edition_year as edition_year,
        unattributed.source_table as source_table,
        unattributed.source_file as source_file,
        unattributed.source_row as source_row,
        unattributed.entry_id as entry_id,
        unattributed.status as status,
        unattributed.message as message
    from {{ ref('int_listings_unattributed') }} as unattributed
)

select
    -- The same finding can be reported twice (a file listed twice): the copy number keeps
    -- each row's key distinct and stable from build to build.
    md5(concat_ws(
        '|', issues.contest_code, issues.edition_year, issues.source_table, issues.source_file,
        issues.source_row, issues.status, issues.message,
        row_number() over (
            partition by issues.contest_code, issues.edition_year, issues.source_table,
            issues.source_file, issues.source_row, issues.status, issues.message
        )
    )) as ingest_issue_key,
    issues.contest_code as contest_code,
    issues.edition_year as edition_year,
    issues.source_table as source_table,
    issues.source_file as source_file,
    issues.source_row as source_row,
    issues.entry_id as entry_id,
    issues.status as status,
    issues.message as message
from issues
