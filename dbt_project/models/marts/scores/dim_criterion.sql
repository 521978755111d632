select
    md5(concat_ws('|', criteria.contest_code, criteria.criterion_code, criteria.valid_from_year))
        as criterion_key,
    criteria.contest_code as contest_code,
    criteria.criterion_code as criterion_code,
    criteria.criterion_name_pl as criterion_name_pl,
    criteria.criterion_name_en as criterion_name_en,
    criteria.learning_outcome_set as learning_outcome_set,
    criteria.learning_outcome_ref as learning_outcome_ref,
    criteria.scale_min as scale_min,
    criteria.scale_max as scale_max,
    criteria.weight as weight,
    string_split(criteria.interaction_forms, '|') as interaction_forms,
    criteria.sales_only as sales_only,
    criteria.valid_from_year as valid_from_year,
    criteria.valid_to_year as valid_to_year
from {{ ref('scoring_criteria') }} as criteria
