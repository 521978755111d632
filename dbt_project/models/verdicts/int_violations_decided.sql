-- One row per breach of a formal rule found by the Great Expectations suites, with the
-- organizer's decision that stands on it (int_decisions_validated), and one row per entry row
-- an organizer disqualified: rule DECISION_DISQUALIFIED, an error whose message is the
-- decision's reason (the organizer's own words, in whatever language they were written).
-- A violation that an overturned or excepted decision waives stays here, marked is_waived:
-- it no longer counts for the entry's validity or surcharge (int_entries_checked).
with results as (
    select * from {{ ref('stg_checks__validation_results') }}
),

entries as (
    select * from {{ ref('stg_raw__entries') }}
),

decisions as (
    select * from {{ ref('int_decisions_validated') }}
    where is_in_effect
),

found as (
    select
        md5(concat_ws('|', results.rule_code, results.entry_row_key, results.case_no,
            results.file_row_key, results.category_key)) as violation_key,
        results.entry_row_key as entry_row_key,
        results.rule_code as rule_code,
        results.severity as severity,
        results.is_surcharge as is_surcharge,
        results.measured_table as measured_table,
        results.category_key as category_key,
        results.case_no as case_no,
        results.file_row_key as file_row_key,
        results.observed_value as observed_value,
        results.limit_value as limit_value,
        results.observed_number as observed_number,
        results.limit_number as limit_number,
        results.minutes_over as minutes_over,
        results.message_pl as message_pl,
        results.message_en as message_en,
        results.suite_name as suite_name,
        results.validated_at as validated_at,
        false as is_from_decision,
        decisions.decision_row_key as decision_row_key,
        decisions.decision_id as decision_id,
        decisions.decision as decision,
        decisions.reason as decision_reason,
        decisions.decided_at as decided_at,
        coalesce(decisions.effect = 'waive', false) as is_waived
    from results
    left join entries
        on results.entry_row_key = entries.entry_row_key
    left join decisions
        on entries.contest_code = decisions.contest_code
        and entries.edition_year = decisions.edition_year
        and entries.entry_id = decisions.entry_id
        and results.rule_code = decisions.subject
),

disqualified as (
    select
        md5(concat_ws('|', 'DECISION_DISQUALIFIED', entries.entry_row_key,
            decisions.decision_row_key)) as violation_key,
        entries.entry_row_key as entry_row_key,
        'DECISION_DISQUALIFIED' as rule_code,
        'error' as severity,
        false as is_surcharge,
        cast(null as varchar) as measured_table,
        cast(null as varchar) as category_key,
        cast(null as integer) as case_no,
        cast(null as varchar) as file_row_key,
        cast(null as varchar) as observed_value,
        cast(null as varchar) as limit_value,
        cast(null as double) as observed_number,
        cast(null as double) as limit_number,
        cast(null as integer) as minutes_over,
        decisions.reason as message_pl,
        decisions.reason as message_en,
        cast(null as varchar) as suite_name,
        cast(null as timestamp with time zone) as validated_at,
        true as is_from_decision,
        decisions.decision_row_key as decision_row_key,
        decisions.decision_id as decision_id,
        decisions.decision as decision,
        decisions.reason as decision_reason,
        decisions.decided_at as decided_at,
        false as is_waived
    from decisions
    inner join entries
        on entries.contest_code = decisions.contest_code
        and entries.edition_year = decisions.edition_year
        and entries.entry_id = decisions.entry_id
    where decisions.effect = 'disqualify'
)

select * from found
union all by name
select * from disqualified
