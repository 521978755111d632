-- One row per entry and criterion: the panel's score on it under the edition's method. The
-- scores counted are those of counted evaluations that the method does not trim: under
-- `criterion_panel`, the `trim_highest` highest and `trim_lowest` lowest scores of each
-- criterion (ties broken by juror id); under `juror_totals`, the trimmed jurors' totals.
-- The panel score is their mean (normalized scores under `zscore`); under `criterion_panel`
-- it is rounded as the method says, and so is the weighted score, weight times panel score.
with methods as (
    select * from {{ ref('int_scoring_methods_cataloged') }}
),

scores as (
    select
        scores.contest_code as contest_code,
        scores.edition_year as edition_year,
        scores.entry_id as entry_id,
        scores.juror_id as juror_id,
        scores.criterion_code as criterion_code,
        scores.weight as weight,
        case when methods.normalization = 'zscore' then scores.normalized_score else scores.score end
            as method_score,
        evaluations.is_trimmed as is_juror_trimmed,
        methods.aggregation as aggregation,
        methods.trim_highest as trim_highest,
        methods.trim_lowest as trim_lowest,
        methods.decimals as decimals,
        methods.rounding as rounding
    from {{ ref('int_scores_normalized') }} as scores
    inner join {{ ref('int_evaluations_trimmed') }} as evaluations
        on evaluations.contest_code = scores.contest_code
        and evaluations.edition_year = scores.edition_year
        and evaluations.entry_id = scores.entry_id
        and evaluations.juror_id = scores.juror_id
    inner join methods
        on methods.contest_code = scores.contest_code
        and methods.edition_year = scores.edition_year
    where evaluations.is_counted and not scores.is_excluded
),

trimmed as (
    select
        scores.*,
        scores.is_juror_trimmed or (
            scores.aggregation = 'criterion_panel'
            and (
                row_number() over (
                    partition by scores.contest_code, scores.edition_year, scores.entry_id,
                        scores.criterion_code
                    order by scores.method_score desc, scores.juror_id
                ) <= scores.trim_highest
                or row_number() over (
                    partition by scores.contest_code, scores.edition_year, scores.entry_id,
                        scores.criterion_code
                    order by scores.method_score asc, scores.juror_id desc
                ) <= scores.trim_lowest
            )
        ) as is_trimmed
    from scores
),

panels as (
    select
        trimmed.contest_code as contest_code,
        trimmed.edition_year as edition_year,
        trimmed.entry_id as entry_id,
        trimmed.criterion_code as criterion_code,
        any_value(trimmed.aggregation) as aggregation,
        any_value(trimmed.decimals) as decimals,
        any_value(trimmed.rounding) as rounding,
        any_value(trimmed.weight) as weight,
        count(*) filter (where not trimmed.is_trimmed) as jurors_counted,
        coalesce(
            list(trimmed.juror_id order by trimmed.juror_id) filter (where trimmed.is_trimmed),
            []
        ) as trimmed_juror_ids,
        avg(trimmed.method_score) filter (where not trimmed.is_trimmed) as panel_mean
    from trimmed
    group by all
),

rounded as (
    select
        panels.*,
        case
            when panels.aggregation = 'criterion_panel'
                then {{ scoring_round('panels.panel_mean', 'panels.decimals', 'panels.rounding') }}
            else panels.panel_mean
        end as panel_score
    from panels
)

select
    md5(concat_ws('|', rounded.contest_code, rounded.edition_year, rounded.entry_id, rounded.criterion_code))
        as panel_score_key,
    rounded.contest_code as contest_code,
    rounded.edition_year as edition_year,
    rounded.entry_id as entry_id,
    rounded.criterion_code as criterion_code,
    rounded.jurors_counted as jurors_counted,
    rounded.trimmed_juror_ids as trimmed_juror_ids,
    rounded.panel_score as panel_score,
    rounded.weight as weight,
    case
        when rounded.aggregation = 'criterion_panel'
            then {{ scoring_round('rounded.weight * rounded.panel_score', 'rounded.decimals', 'rounded.rounding') }}
        else rounded.weight * rounded.panel_score
    end as weighted_score
from rounded
