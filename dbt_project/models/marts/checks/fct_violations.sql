-- One row per breach of a formal rule (naruszenie warunku formalnego) found by the Great
-- Expectations suites: the entry, the rule and its severity, what was observed against which
-- limit, and the reason in Polish and English. Built from the GX results only: no rule is
-- evaluated here a second time.
with results as (
    select * from {{ ref('stg_checks__validation_results') }}
),

entries as (
    select * from {{ ref('int_entries_categorized') }}
),

files as (
    select distinct
        files.file_row_key as file_row_key,
        files.relative_path as relative_path,
        files.interaction_no as interaction_no
    from {{ ref('int_checks_files_measured') }} as files
)

select
    md5(concat_ws('|', results.rule_code, results.entry_row_key, results.case_no,
        results.file_row_key, results.category_key)) as violation_key,
    results.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    coalesce(results.category_key, entries.category_key) as category_key,
    entries.category_code as category_code,
    results.rule_code as rule_code,
    results.severity as severity,
    results.is_surcharge as is_surcharge,
    results.measured_table as measured_table,
    results.case_no as case_no,
    files.interaction_no as interaction_no,
    results.file_row_key as file_row_key,
    files.relative_path as relative_path,
    results.observed_value as observed_value,
    results.limit_value as limit_value,
    results.observed_number as observed_number,
    results.limit_number as limit_number,
    results.minutes_over as minutes_over,
    results.message_pl as message_pl,
    results.message_en as message_en,
    results.suite_name as suite_name,
    results.validated_at as validated_at
from results
inner join entries
    on results.entry_row_key = entries.entry_row_key
left join files
    on results.file_row_key = files.file_row_key
