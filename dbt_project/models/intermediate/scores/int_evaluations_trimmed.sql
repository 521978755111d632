-- One row per juror evaluation of an entry, with the total its edition's scoring method
-- ranks by (points or 0-100, normalized or raw) and whether the method trims it: under
-- `juror_totals`, the `trim_highest` highest and `trim_lowest` lowest counted totals of each
-- entry do not count (ties broken by juror id). `criterion_panel` trims per criterion
-- instead (int_panel_scores_aggregated).
with evaluations as (
    select
        totals.*,
        methods.aggregation as aggregation,
        methods.trim_highest as trim_highest,
        methods.trim_lowest as trim_lowest,
        case
            when methods.total = 'points' and methods.normalization = 'zscore' then totals.normalized_points
            when methods.total = 'points' then totals.raw_points
            when methods.normalization = 'zscore' then totals.normalized_total
            else totals.raw_total
        end as method_total
    from {{ ref('int_evaluations_totalled') }} as totals
    left join {{ ref('int_scoring_methods_cataloged') }} as methods
        on methods.contest_code = totals.contest_code
        and methods.edition_year = totals.edition_year
),

ordered as (
    select
        evaluations.*,
        row_number() over (
            partition by evaluations.contest_code, evaluations.edition_year,
                evaluations.entry_id, evaluations.is_counted
            order by evaluations.method_total desc, evaluations.juror_id
        ) as place_from_top,
        row_number() over (
            partition by evaluations.contest_code, evaluations.edition_year,
                evaluations.entry_id, evaluations.is_counted
            order by evaluations.method_total asc, evaluations.juror_id desc
        ) as place_from_bottom
    from evaluations
)

select
    ordered.contest_code as contest_code,
    ordered.edition_year as edition_year,
    ordered.entry_id as entry_id,
    ordered.juror_id as juror_id,
    ordered.is_counted as is_counted,
    ordered.is_conflicted as is_conflicted,
    ordered.exclusion_reason as exclusion_reason,
    ordered.raw_total as raw_total,
    ordered.normalized_total as normalized_total,
    ordered.raw_points as raw_points,
    ordered.normalized_points as normalized_points,
    ordered.method_total as method_total,
    coalesce(
        ordered.is_counted
        and ordered.aggregation = 'juror_totals'
        and (
            ordered.place_from_top <= ordered.trim_highest
            or ordered.place_from_bottom <= ordered.trim_lowest
        ),
        false
    ) as is_trimmed
from ordered
