-- Per-juror standardization: each counted score, as a fraction of its criterion's scale, is
-- turned into a z-score against that juror's own counted scores in the edition, then put
-- back on the edition's pooled mean and spread and rescaled to the criterion's scale
-- (clamped to it). A juror with no spread (one score, or all alike) gets the pooled mean.
with fractions as (
    select
        validated.*,
        (validated.score - validated.scale_min)
            / nullif(validated.scale_max - validated.scale_min, 0) as score_fraction
    from {{ ref('int_scores_validated') }} as validated
),

juror_stats as (
    select
        fractions.contest_code as contest_code,
        fractions.edition_year as edition_year,
        fractions.juror_id as juror_id,
        avg(fractions.score_fraction) as juror_mean,
        stddev_samp(fractions.score_fraction) as juror_sd
    from fractions
    where not fractions.is_excluded
    group by all
),

pool_stats as (
    select
        fractions.contest_code as contest_code,
        fractions.edition_year as edition_year,
        avg(fractions.score_fraction) as pool_mean,
        stddev_samp(fractions.score_fraction) as pool_sd
    from fractions
    where not fractions.is_excluded
    group by all
),

standardized as (
    select
        fractions.*,
        coalesce(
            (fractions.score_fraction - juror_stats.juror_mean) / nullif(juror_stats.juror_sd, 0),
            0
        ) as z_score,
        greatest(0, least(1, pool_stats.pool_mean + z_score * coalesce(pool_stats.pool_sd, 0)))
            as normalized_fraction
    from fractions
    inner join juror_stats
        on juror_stats.contest_code = fractions.contest_code
        and juror_stats.edition_year = fractions.edition_year
        and juror_stats.juror_id = fractions.juror_id
    inner join pool_stats
        on pool_stats.contest_code = fractions.contest_code
        and pool_stats.edition_year = fractions.edition_year
    where not fractions.is_excluded
)

select
    fractions.score_key as score_key,
    fractions.contest_code as contest_code,
    fractions.edition_year as edition_year,
    fractions.entry_id as entry_id,
    fractions.juror_id as juror_id,
    fractions.criterion_code as criterion_code,
    fractions.score_as_written as score_as_written,
    fractions.score as score,
    fractions.weight as weight,
    fractions.score_fraction as score_fraction,
    standardized.normalized_fraction as normalized_fraction,
    fractions.scale_min + standardized.normalized_fraction * (fractions.scale_max - fractions.scale_min)
        as normalized_score,
    fractions.is_excluded as is_excluded,
    fractions.exclusion_reason as exclusion_reason,
    fractions.non_conflict_exclusion_reason as non_conflict_exclusion_reason,
    fractions.is_conflicted as is_conflicted,
    fractions.conflict_source as conflict_source,
    fractions.conflict_kind as conflict_kind,
    fractions.missing_criteria as missing_criteria,
    fractions.source_file as source_file,
    fractions.source_row as source_row
from fractions
left join standardized
    on standardized.score_key = fractions.score_key
