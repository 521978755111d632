-- One row per entry id: its counted evaluations averaged, its official score under the
-- edition's scoring method, and whether it may be ranked.
-- raw_score and normalized_score are the means of the counted, untrimmed evaluations' 0-100
-- totals, whatever the method. official_score is what the method ranks by, rounded as it says:
-- under `juror_totals` the mean of the method's totals (today's normalized score for the
-- built-in editions); under `criterion_panel` the sum of the weighted panel scores (`points`)
-- or their weighted place on the criteria's scales (`percent`).
with methods as (
    select * from {{ ref('int_scoring_methods_cataloged') }}
),

evaluations as (
    select
        evaluations.contest_code as contest_code,
        evaluations.edition_year as edition_year,
        evaluations.entry_id as entry_id,
        count(*) filter (where evaluations.is_counted) as jurors_counted,
        count(*) filter (where evaluations.is_conflicted) as jurors_conflicted,
        count(*) filter (where not evaluations.is_counted and not evaluations.is_conflicted)
            as evaluations_rejected,
        avg(evaluations.raw_total) filter (where evaluations.is_counted and not evaluations.is_trimmed)
            as raw_score,
        avg(evaluations.normalized_total)
            filter (where evaluations.is_counted and not evaluations.is_trimmed) as normalized_score,
        avg(evaluations.method_total)
            filter (where evaluations.is_counted and not evaluations.is_trimmed) as method_mean
    from {{ ref('int_evaluations_trimmed') }} as evaluations
    group by all
),

panels as (
    select
        panels.contest_code as contest_code,
        panels.edition_year as edition_year,
        panels.entry_id as entry_id,
        sum(panels.weighted_score) as weighted_sum,
        100 * sum(
            panels.weight * (panels.panel_score - criteria.scale_min)
            / nullif(criteria.scale_max - criteria.scale_min, 0)
        ) / sum(panels.weight) as weighted_percent
    from {{ ref('int_panel_scores_aggregated') }} as panels
    inner join {{ ref('int_scoring_criteria_applied') }} as criteria
        on criteria.contest_code = panels.contest_code
        and criteria.edition_year = panels.edition_year
        and criteria.entry_id = panels.entry_id
        and criteria.criterion_code = panels.criterion_code
    group by all
),

scored as (
    select
        evaluations.*,
        case
            when methods.aggregation = 'criterion_panel' and methods.total = 'points'
                then panels.weighted_sum
            when methods.aggregation = 'criterion_panel' then panels.weighted_percent
            else evaluations.method_mean
        end as method_score,
        {{ scoring_round('method_score', 'methods.decimals', 'methods.rounding') }} as official_score
    from evaluations
    left join methods
        on methods.contest_code = evaluations.contest_code
        and methods.edition_year = evaluations.edition_year
    left join panels
        on panels.contest_code = evaluations.contest_code
        and panels.edition_year = evaluations.edition_year
        and panels.entry_id = evaluations.entry_id
)

select
    entries.entry_row_key as entry_row_key,
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    entries.category_code as category_code,
    entries.category_key as category_key,
    coalesce(checked.is_formally_valid, false) as is_formally_valid,
    coalesce(scored.jurors_counted, 0) as jurors_counted,
    coalesce(scored.jurors_conflicted, 0) as jurors_conflicted,
    coalesce(scored.evaluations_rejected, 0) as evaluations_rejected,
    coalesce(methods.min_evaluations, defaults.min_evaluations) as min_jurors_per_entry,
    scored.raw_score as raw_score,
    scored.normalized_score as normalized_score,
    scored.official_score as official_score,
    case
        when entries.category_code is null then 'unknown_category'
        when not coalesce(checked.is_formally_valid, false) then 'not_formally_valid'
        when coalesce(scored.jurors_counted, 0) = 0 then 'no_scores'
        when scored.jurors_counted < coalesce(methods.min_evaluations, defaults.min_evaluations)
            then 'too_few_jurors'
    end as not_ranked_reason
from {{ ref('int_scoring_entries_classified') }} as entries
-- Validity is the formal checks' verdict; an entry they could not judge is not ranked.
left join {{ ref('int_entries_checked') }} as checked
    on checked.entry_row_key = entries.entry_row_key
left join scored
    on scored.contest_code = entries.contest_code
    and scored.edition_year = entries.edition_year
    and scored.entry_id = entries.entry_id
left join methods
    on methods.contest_code = entries.contest_code
    and methods.edition_year = entries.edition_year
cross join (select min_evaluations from {{ ref('scoring_methods') }} where contest_code = '*') as defaults
