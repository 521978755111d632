-- One row per breach of a formal rule (naruszenie warunku formalnego) found by the Great
-- Expectations suites: the entry, the rule and its severity, what was observed against which
-- limit, and the reason in Polish and English; beside it the organizer's decision that stands
-- on it, if any. An entry an organizer disqualified has a row of rule DECISION_DISQUALIFIED
-- with the decision's reason. Built from the GX results and the decisions only: no rule is
-- evaluated here a second time.
with violations as (
    select * from {{ ref('int_violations_decided') }}
),

entries as (
    select * from {{ ref('int_entries_categorized') }}
),

files as (
    select distinct
        files.file_row_key as file_row_key,
        files.relative_path as relative_path,
        files.interaction_no as interaction_no
    from {{ ref('int_files_measured') }} as files
)

select
    violations.violation_key as violation_key,
    violations.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    coalesce(violations.category_key, entries.category_key) as category_key,
    entries.category_code as category_code,
    violations.rule_code as rule_code,
    violations.severity as severity,
    violations.is_surcharge as is_surcharge,
    violations.measured_table as measured_table,
    violations.case_no as case_no,
    files.interaction_no as interaction_no,
    violations.file_row_key as file_row_key,
    files.relative_path as relative_path,
    violations.observed_value as observed_value,
    violations.limit_value as limit_value,
    violations.observed_number as observed_number,
    violations.limit_number as limit_number,
    violations.minutes_over as minutes_over,
    violations.message_pl as message_pl,
    violations.message_en as message_en,
    violations.suite_name as suite_name,
    violations.validated_at as validated_at,
    violations.decision_id as decision_id,
    violations.decision as decision,
    violations.decision_reason as decision_reason,
    violations.decided_at as decided_at,
    violations.is_waived as is_waived
from violations
inner join entries
    on violations.entry_row_key = entries.entry_row_key
left join files
    on violations.file_row_key = files.file_row_key
