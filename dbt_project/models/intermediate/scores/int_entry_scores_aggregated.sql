-- One row per entry id: its counted evaluations averaged, and whether it may be ranked.
-- The minimum panel falls back to 2, the qualification's smallest commission, for a
-- contest the jury-rules seed does not list.
with evaluations as (
    select
        totals.contest_code as contest_code,
        totals.edition_year as edition_year,
        totals.entry_id as entry_id,
        count(*) filter (where totals.is_counted) as jurors_counted,
        count(*) filter (where totals.is_conflicted) as jurors_conflicted,
        count(*) filter (where not totals.is_counted and not totals.is_conflicted)
            as evaluations_rejected,
        avg(totals.raw_total) filter (where totals.is_counted) as raw_score,
        avg(totals.normalized_total) filter (where totals.is_counted) as normalized_score
    from {{ ref('int_evaluations_totalled') }} as totals
    group by all
)

select
    entries.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    entries.category_code as category_code,
    entries.category_key as category_key,
    entries.is_formally_valid as is_formally_valid,
    coalesce(evaluations.jurors_counted, 0) as jurors_counted,
    coalesce(evaluations.jurors_conflicted, 0) as jurors_conflicted,
    coalesce(evaluations.evaluations_rejected, 0) as evaluations_rejected,
    coalesce(rules.min_jurors_per_entry, 2) as min_jurors_per_entry,
    evaluations.raw_score as raw_score,
    evaluations.normalized_score as normalized_score,
    case
        when entries.category_code is null then 'unknown_category'
        when not entries.is_formally_valid then 'not_formally_valid'
        when coalesce(evaluations.jurors_counted, 0) = 0 then 'no_scores'
        when evaluations.jurors_counted < coalesce(rules.min_jurors_per_entry, 2)
            then 'too_few_jurors'
    end as not_ranked_reason
from {{ ref('int_scoring_entries_classified') }} as entries
left join evaluations
    on evaluations.contest_code = entries.contest_code
    and evaluations.edition_year = entries.edition_year
    and evaluations.entry_id = entries.entry_id
left join {{ ref('scoring_jury_rules') }} as rules
    on rules.contest_code = entries.contest_code
