-- Everything Podium could not take as given, one row per finding, with its reason: rows the
-- readers repaired or set aside, files that are damaged, missing or not listed, cases and
-- files that belong to no entry, what is wrong in the drop folder's catalogs, published
-- results that cannot be taken, and organizer decisions that cannot be applied.
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
    union all
    select
        catalog.contest_code as contest_code,
        catalog.edition_year as edition_year,
        catalog.source_table as source_table,
        catalog.source_file as source_file,
        catalog.source_row as source_row,
        cast(null as varchar) as entry_id,
        catalog.status as status,
        catalog.message as message
    from {{ ref('int_catalog_findings_listed') }} as catalog
    union all
    -- Repeated entries are reported by the reader (duplicate_id); the rest is said here.
    select
        published.contest_code as contest_code,
        published.edition_year as edition_year,
        'results' as source_table,
        published.source_file as source_file,
        published.source_row as source_row,
        published.entry_id as entry_id,
        published.status as status,
        published.message as message
    from {{ ref('int_results_published') }} as published
    where published.status in ('entry_id_missing', 'unknown_entry', 'invalid_rank')
    union all
    select
        published.contest_code,
        published.edition_year,
        'results',
        published.source_file,
        published.source_row,
        published.entry_id,
        'unknown_award_level',
        'results.csv line ' || published.source_row || ': award ''' || published.award_level
            || ''' is not an award of the edition''s catalog; kept as published'
    from {{ ref('int_results_published') }} as published
    where published.is_taken and published.is_unknown_award
    union all
    -- Decisions that cannot be applied as written; superseded ones are an appeal chain, not
    -- an issue (marts.fct_decisions keeps both).
    select
        decisions.contest_code,
        decisions.edition_year,
        'decisions',
        decisions.source_file,
        decisions.source_row,
        decisions.entry_id,
        decisions.issue_status,
        decisions.issue_message
    from {{ ref('int_decisions_validated') }} as decisions
    where decisions.issue_status is not null
    union all
    -- Declared conflicts not applied or matching no entry; former employers not Name:YYYY.
    select
        conflicts.contest_code,
        conflicts.edition_year,
        conflicts.source_table,
        conflicts.source_file,
        conflicts.source_row,
        conflicts.entry_id,
        conflicts.status,
        conflicts.message
    from {{ ref('int_conflict_findings_listed') }} as conflicts
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
