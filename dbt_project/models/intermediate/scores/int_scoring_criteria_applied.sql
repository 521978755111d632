-- Every criterion each entry must be scored on: the rubric of its contest and edition,
-- filtered by the category's interaction form and, for sales criteria, its sales nature.
select
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    entries.entry_id as entry_id,
    criteria.criterion_code as criterion_code,
    criteria.scale_min as scale_min,
    criteria.scale_max as scale_max,
    criteria.weight as weight
from {{ ref('int_scoring_entries_classified') }} as entries
inner join {{ ref('scoring_criteria') }} as criteria
    on criteria.contest_code = entries.contest_code
    and entries.edition_year >= criteria.valid_from_year
    and (criteria.valid_to_year is null or entries.edition_year <= criteria.valid_to_year)
    and list_contains(string_split(criteria.interaction_forms, '|'), entries.interaction_form)
    and (entries.is_sales or not criteria.sales_only)
