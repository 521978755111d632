-- One row per juror evaluation of an entry (every score row of one juror on one entry):
-- whether it counts, and its weighted totals, raw and normalized, on a 0-100 scale and in
-- points (the sum of weight times score, in the criteria's own units).
-- It counts when any row survived the jury rules: a conflicted (under the `exclude` policy)
-- or incomplete evaluation has every row excluded, while a stray extra row (duplicate,
-- inapplicable criterion) does not void the rest.
-- The countable totals are the same over the rows that no rule but the conflict excludes: a
-- conflicted evaluation's totals as if it counted, for the conflict bias.
select
    scores.contest_code as contest_code,
    scores.edition_year as edition_year,
    scores.entry_id as entry_id,
    scores.juror_id as juror_id,
    count(*) filter (where not scores.is_excluded) > 0 as is_counted,
    bool_or(scores.is_conflicted) as is_conflicted,
    any_value(scores.conflict_source) as conflict_source,
    any_value(scores.conflict_kind) as conflict_kind,
    count(*) filter (where scores.non_conflict_exclusion_reason is null) > 0 as is_countable,
    case
        when is_counted then null
        when bool_or(scores.exclusion_reason = 'conflict_of_interest') then 'conflict_of_interest'
        when bool_or(scores.exclusion_reason = 'incomplete_evaluation') then 'incomplete_evaluation'
        else min(scores.exclusion_reason)
    end as exclusion_reason,
    count(*) as score_rows,
    100 * sum(scores.weight * scores.score_fraction) filter (where not scores.is_excluded)
        / sum(scores.weight) filter (where not scores.is_excluded) as raw_total,
    100 * sum(scores.weight * scores.normalized_fraction) filter (where not scores.is_excluded)
        / sum(scores.weight) filter (where not scores.is_excluded) as normalized_total,
    sum(scores.weight * scores.score) filter (where not scores.is_excluded) as raw_points,
    sum(scores.weight * scores.normalized_score) filter (where not scores.is_excluded)
        as normalized_points,
    100 * sum(scores.weight * scores.score_fraction) filter (where scores.non_conflict_exclusion_reason is null)
        / sum(scores.weight) filter (where scores.non_conflict_exclusion_reason is null)
        as countable_raw_total,
    sum(scores.weight * scores.score) filter (where scores.non_conflict_exclusion_reason is null)
        as countable_raw_points
from {{ ref('int_scores_normalized') }} as scores
where scores.entry_id is not null and scores.juror_id is not null
group by all
