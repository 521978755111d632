-- One row per decisions.csv row (an organizer's decision on an entry: an appeal's outcome, an
-- exception, a disqualification) with whether it applies, why not, and what it does.
-- A row that cannot be applied as written is an ingest issue: its entry is not an entry of
-- the edition, its subject is a rule the entry has no violation of, its decision is not a
-- word of catalog_allowed_values, it gives no reason, a date is not a date, or it overturns
-- or excepts a result (Podium computes results from the scores: there is nothing to overturn
-- but an earlier disqualification, and exceptions are granted on rules).
-- The sound decisions on one entry and subject are an appeal chain, read in order of
-- decided_at (undated first: nothing shows them to be later), then of the file's lines. Each
-- decision supersedes the ones before it, except `upheld`: the decision under appeal stands,
-- so an upheld decision confirms what stands before it and supersedes nothing.
with decisions as (
    select * from {{ ref('stg_raw__decisions') }}
),

entries as (
    select distinct
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id
    from {{ ref('stg_raw__entries') }} as entries
    where entries.entry_id is not null
),

-- The formal violations an entry has, whichever of its rows (a repeated entry id) has them.
violations as (
    select distinct
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        results.rule_code as rule_code
    from {{ ref('stg_checks__validation_results') }} as results
    inner join {{ ref('stg_raw__entries') }} as entries
        on results.entry_row_key = entries.entry_row_key
),

rule_lists as (
    select
        violations.contest_code as contest_code,
        violations.edition_year as edition_year,
        violations.entry_id as entry_id,
        string_agg(violations.rule_code, ', ' order by violations.rule_code) as rule_codes
    from violations
    group by all
),

allowed as (
    select allowed.value as value
    from {{ ref('catalog_allowed_values') }} as allowed
    where allowed.file_name = 'decisions.csv' and allowed.column_name = 'decision'
),

screened as (
    select
        decisions.*,
        entries.entry_id is null as is_unknown_entry,
        decisions.decision is null
            or decisions.decision not in (select allowed.value from allowed) as is_unknown_decision,
        entries.entry_id is not null
            and coalesce(decisions.subject, '') <> 'result'
            and violations.rule_code is null as is_violation_missing,
        decisions.reason is null as is_reason_missing,
        decisions.decided_at is null
            and nullif(trim(decisions.decided_at_as_written), '') is not null
            as is_decided_at_unreadable,
        decisions.appeal_received_at is null
            and nullif(trim(decisions.appeal_received_at_as_written), '') is not null
            as is_appeal_received_at_unreadable,
        rule_lists.rule_codes as entry_rule_codes
    from decisions
    left join entries
        on decisions.contest_code = entries.contest_code
        and decisions.edition_year = entries.edition_year
        and decisions.entry_id = entries.entry_id
    left join violations
        on decisions.contest_code = violations.contest_code
        and decisions.edition_year = violations.edition_year
        and decisions.entry_id = violations.entry_id
        and decisions.subject = violations.rule_code
    left join rule_lists
        on decisions.contest_code = rule_lists.contest_code
        and decisions.edition_year = rule_lists.edition_year
        and decisions.entry_id = rule_lists.entry_id
),

-- Whether an overturned result has a disqualification before it to overturn.
sound as (
    select
        screened.decision_row_key as decision_row_key,
        coalesce(bool_or(screened.decision = 'disqualified') over (
            partition by screened.contest_code, screened.edition_year, screened.entry_id,
                screened.subject
            order by screened.decided_at asc nulls first, screened.source_row
            rows between unbounded preceding and 1 preceding
        ), false) as follows_disqualification
    from screened
    where not (
        screened.is_unknown_entry or screened.is_unknown_decision
        or screened.is_violation_missing or screened.is_reason_missing
        or screened.is_decided_at_unreadable or screened.is_appeal_received_at_unreadable
    )
),

judged as (
    select
        screened.*,
        sound.decision_row_key is not null
            and screened.subject = 'result'
            and (
                screened.decision = 'exception_granted'
                or (screened.decision = 'overturned' and not sound.follows_disqualification)
            ) as is_not_applicable
    from screened
    left join sound
        on screened.decision_row_key = sound.decision_row_key
),

described as (
    select
        judged.*,
        concat_ws(
            '; ',
            case when judged.is_unknown_entry then format(
                'no entry of {} {} has entry id ''{}''',
                judged.contest_code, judged.edition_year, judged.entry_id
            ) end,
            case when judged.is_unknown_decision then format(
                'decision ''{}'' is not one of: {}',
                judged.decision,
                (select string_agg(allowed.value, ', ' order by allowed.value) from allowed)
            ) end,
            case when judged.is_violation_missing then format(
                'entry {} has no violation of rule ''{}'' (its violations: {}); the subject is '
                || 'one of them or result',
                judged.entry_id, judged.subject, coalesce(judged.entry_rule_codes, 'none')
            ) end,
            case when judged.is_reason_missing
                then 'no reason is given, and every decision must be justified' end,
            case when judged.is_decided_at_unreadable then format(
                'decided_at ''{}'' is not a date', judged.decided_at_as_written
            ) end,
            case when judged.is_appeal_received_at_unreadable then format(
                'appeal_received_at ''{}'' is not a date', judged.appeal_received_at_as_written
            ) end,
            case
                when not judged.is_not_applicable then null
                when judged.decision = 'exception_granted'
                    then 'an exception is granted on a rule code, not on the result'
                else 'the result is computed from the scores; only an earlier '
                    || 'disqualification of the entry can be overturned'
            end
        ) as problems,
        case
            when judged.is_unknown_entry then 'unknown_entry'
            when judged.is_unknown_decision then 'invalid_value'
            when judged.is_violation_missing then 'violation_not_found'
            when judged.is_reason_missing then 'decision_reason_missing'
            when judged.is_decided_at_unreadable or judged.is_appeal_received_at_unreadable
                then 'invalid_date'
            when judged.is_not_applicable then 'decision_not_applicable'
        end as issue_status
    from judged
),

chained as (
    select
        described.decision_row_key as decision_row_key,
        first_value(
            case when described.decision <> 'upheld' then format(
                'superseded by decision {} ({} line {}, {})',
                described.decision_id, described.source_file, described.source_row,
                coalesce('decided ' || strftime(described.decided_at, '%Y-%m-%d'), 'undated')
            ) end ignore nulls
        ) over (chain rows between 1 following and unbounded following) as superseded_by,
        count(*) filter (where described.decision <> 'upheld') over (
            partition by described.contest_code, described.edition_year, described.entry_id,
                described.subject
        ) as rulings,
        row_number() over (
            partition by described.contest_code, described.edition_year, described.entry_id,
                described.subject
            order by described.decided_at desc nulls last, described.source_row desc
        ) as place_from_last
    from described
    where described.issue_status is null
    window chain as (
        partition by described.contest_code, described.edition_year, described.entry_id,
            described.subject
        order by described.decided_at asc nulls first, described.source_row
    )
)

select
    described.decision_row_key as decision_row_key,
    described.contest_code as contest_code,
    described.edition_year as edition_year,
    described.decision_id as decision_id,
    described.entry_id as entry_id,
    described.subject as subject,
    described.decision as decision,
    described.reason as reason,
    described.decided_by as decided_by,
    described.decided_at as decided_at,
    described.appeal_received_at as appeal_received_at,
    described.source_file as source_file,
    described.source_row as source_row,
    described.issue_status as issue_status,
    case when described.issue_status is not null then format(
        '{} line {}: decision {} on entry {} is not applied: {}',
        described.source_file, described.source_row, described.decision_id, described.entry_id,
        described.problems
    ) end as issue_message,
    chained.decision_row_key is not null and chained.superseded_by is null as is_applied,
    case
        when described.issue_status is not null then described.problems
        else chained.superseded_by
    end as not_applied_reason,
    -- The decision that stands on its entry and subject: the last ruling of its chain, or,
    -- when every decision of the chain upheld, the last of them.
    coalesce(
        chained.decision_row_key is not null
        and chained.superseded_by is null
        and (
            (described.decision <> 'upheld')
            or (chained.rulings = 0 and chained.place_from_last = 1)
        ),
        false
    ) as is_in_effect,
    case
        when chained.superseded_by is not null or chained.decision_row_key is null then 'none'
        when described.decision = 'disqualified' then 'disqualify'
        when described.decision in ('overturned', 'exception_granted')
            and described.subject <> 'result' then 'waive'
        else 'none'
    end as effect
from described
left join chained
    on described.decision_row_key = chained.decision_row_key
