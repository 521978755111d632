select
    scores.score_key as score_key,
    scores.contest_code as contest_code,
    scores.edition_year as edition_year,
    scores.entry_id as entry_id,
    scores.juror_id as juror_id,
    scores.criterion_code as criterion_code,
    scores.score_as_written as score_as_written,
    scores.score as score,
    scores.normalized_score as normalized_score,
    scores.weight as weight,
    scores.is_excluded as is_excluded,
    scores.exclusion_reason as exclusion_reason,
    scores.conflict_source as conflict_source,
    scores.conflict_kind as conflict_kind,
    scores.source_file as source_file,
    scores.source_row as source_row
from {{ ref('int_scores_normalized') }} as scores
