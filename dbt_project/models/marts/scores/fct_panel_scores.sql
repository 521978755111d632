-- One row per entry and criterion: the jurors counted, the jurors the edition's method
-- trimmed, the panel score, the weight and the weighted score (rounded as the method says).
select
    panels.panel_score_key as panel_score_key,
    panels.contest_code as contest_code,
    panels.edition_year as edition_year,
    panels.entry_id as entry_id,
    entries.category_code as category_code,
    entries.category_key as category_key,
    panels.criterion_code as criterion_code,
    panels.jurors_counted as jurors_counted,
    panels.trimmed_juror_ids as trimmed_juror_ids,
    panels.panel_score as panel_score,
    panels.weight as weight,
    panels.weighted_score as weighted_score
from {{ ref('int_panel_scores_aggregated') }} as panels
inner join {{ ref('int_scoring_entries_classified') }} as entries
    on entries.contest_code = panels.contest_code
    and entries.edition_year = panels.edition_year
    and entries.entry_id = panels.entry_id
