-- One row per countable evaluation (one that counts, or that only a conflict of interest
-- keeps out): the juror's total for the entry in the edition's own units and its deviation
-- from the mean total of the entry's other counted jurors without a conflict. The units are
-- what the juror gave: under total `points` the sum of weight × score, under `percent` the
-- 0-100 raw total; untrimmed, unrounded, not normalized. Conflicted jurors never make up the
-- comparison panel, so the figures do not depend on the edition's conflict_policy.
with evaluations as (
    select
        totals.contest_code as contest_code,
        totals.edition_year as edition_year,
        totals.entry_id as entry_id,
        totals.juror_id as juror_id,
        totals.is_counted as is_counted,
        totals.is_conflicted as is_conflicted,
        totals.conflict_source as conflict_source,
        totals.conflict_kind as conflict_kind,
        methods.total as score_unit,
        case
            when methods.total = 'points' then totals.countable_raw_points
            else totals.countable_raw_total
        end as evaluation_total
    from {{ ref('int_evaluations_totalled') }} as totals
    inner join {{ ref('int_scoring_methods_cataloged') }} as methods
        on methods.contest_code = totals.contest_code
        and methods.edition_year = totals.edition_year
    where totals.is_countable
),

panels as (
    select
        evaluations.contest_code as contest_code,
        evaluations.edition_year as edition_year,
        evaluations.entry_id as entry_id,
        count(*) as panel_size,
        sum(evaluations.evaluation_total) as panel_sum
    from evaluations
    where not evaluations.is_conflicted
    group by all
),

compared as (
    select
        evaluations.*,
        coalesce(panels.panel_size, 0) - case when evaluations.is_conflicted then 0 else 1 end
            as others_counted,
        (panels.panel_sum - case when evaluations.is_conflicted then 0 else evaluations.evaluation_total end)
            / nullif(others_counted, 0) as others_mean_total
    from evaluations
    left join panels
        on panels.contest_code = evaluations.contest_code
        and panels.edition_year = evaluations.edition_year
        and panels.entry_id = evaluations.entry_id
)

select
    compared.contest_code as contest_code,
    compared.edition_year as edition_year,
    compared.entry_id as entry_id,
    compared.juror_id as juror_id,
    compared.is_counted as is_counted,
    compared.is_conflicted as is_conflicted,
    compared.conflict_source as conflict_source,
    compared.conflict_kind as conflict_kind,
    compared.score_unit as score_unit,
    compared.evaluation_total as evaluation_total,
    compared.others_counted as others_counted,
    compared.others_mean_total as others_mean_total,
    compared.evaluation_total - compared.others_mean_total as deviation
from compared
