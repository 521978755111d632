-- One row per decisions.csv row (decyzja organizatora), applied or not, with why not, and
-- the entry's formal validity and rank in its category before the organizer's decisions
-- (the formal checks alone) and after them (as marts.fct_entries and marts.fct_results
-- publish them). An edition ranked by its published results keeps those ranks either way.
with decisions as (
    select * from {{ ref('int_decisions_validated') }}
),

-- The entry row that is scored and ranked for an entry id (the first of a repeated one).
scored_entries as (
    select * from {{ ref('int_scoring_entries_classified') }}
),

checked as (
    select * from {{ ref('int_entries_checked') }}
),

results as (
    select * from {{ ref('fct_results') }}
),

-- The ranking fct_results computes, with the formal checks' verdict in place of the
-- decided one: an entry valid before the decisions competes when int_entry_scores_aggregated
-- gives no other reason to leave it unranked (a known category, enough counted jurors).
ranked_before as (
    select
        entry_scores.contest_code as contest_code,
        entry_scores.edition_year as edition_year,
        entry_scores.entry_id as entry_id,
        rank() over (
            partition by entry_scores.contest_code, entry_scores.edition_year,
                entry_scores.category_code
            order by {{ results_rank_order('entry_scores') }}
        ) as rank_in_category
    from {{ ref('int_entry_scores_aggregated') }} as entry_scores
    inner join checked
        on entry_scores.entry_row_key = checked.entry_row_key
    where checked.was_formally_valid
        and (
            entry_scores.not_ranked_reason is null
            or (
                entry_scores.not_ranked_reason = 'not_formally_valid'
                and entry_scores.jurors_counted > 0
                and entry_scores.jurors_counted >= entry_scores.min_jurors_per_entry
            )
        )
)

select
    decisions.decision_row_key as decision_key,
    decisions.decision_id as decision_id,
    decisions.contest_code as contest_code,
    decisions.edition_year as edition_year,
    decisions.entry_id as entry_id,
    decisions.subject as subject,
    decisions.decision as decision,
    decisions.reason as reason,
    decisions.decided_by as decided_by,
    decisions.decided_at as decided_at,
    decisions.appeal_received_at as appeal_received_at,
    decisions.is_applied as is_applied,
    decisions.not_applied_reason as not_applied_reason,
    checked.was_formally_valid as was_formally_valid,
    checked.is_formally_valid as is_formally_valid,
    case
        when results.result_source = 'published' then results.rank_in_category
        else ranked_before.rank_in_category
    end as rank_before,
    results.rank_in_category as rank_after
from decisions
left join scored_entries
    on decisions.contest_code = scored_entries.contest_code
    and decisions.edition_year = scored_entries.edition_year
    and decisions.entry_id = scored_entries.entry_id
left join checked
    on scored_entries.entry_row_key = checked.entry_row_key
left join results
    on decisions.contest_code = results.contest_code
    and decisions.edition_year = results.edition_year
    and decisions.entry_id = results.entry_id
left join ranked_before
    on decisions.contest_code = ranked_before.contest_code
    and decisions.edition_year = ranked_before.edition_year
    and decisions.entry_id = ranked_before.entry_id
