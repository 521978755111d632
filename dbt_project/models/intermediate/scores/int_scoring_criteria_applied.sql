-- Every criterion each entry must be scored on, with its scale, step and weight: those of
-- the entry's category in its edition's catalog (int_category_criteria_weighted).
select
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    criteria.criterion_code as criterion_code,
    criteria.scale_min as scale_min,
    criteria.scale_max as scale_max,
    criteria.scale_step as scale_step,
    criteria.weight as weight
from {{ ref('int_scoring_entries_classified') }} as entries
inner join {{ ref('int_category_criteria_weighted') }} as criteria
    on criteria.category_key = entries.category_key
