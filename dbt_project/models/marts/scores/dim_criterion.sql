-- The rubric, with the categories (marts.dim_category keys) each criterion applies to: those
-- of its contest's editions in its validity years whose interaction form it covers, and, for
-- a sales criterion, only the sales categories.
with criteria as (
    select * from {{ ref('scoring_criteria') }}
),

applicable as (
    select
        criteria.contest_code as contest_code,
        criteria.criterion_code as criterion_code,
        criteria.valid_from_year as valid_from_year,
        list(categories.category_key order by categories.edition_year, categories.category_sort_order)
            as applicable_category_keys
    from criteria
    inner join {{ ref('dim_category') }} as categories
        on categories.contest_code = criteria.contest_code
        and categories.edition_year >= criteria.valid_from_year
        and (criteria.valid_to_year is null or categories.edition_year <= criteria.valid_to_year)
        and list_contains(string_split(criteria.interaction_forms, '|'), categories.interaction_form)
    left join {{ ref('scoring_sales_categories') }} as sales
        on sales.contest_code = categories.contest_code
        and sales.edition_year = categories.edition_year
        and sales.category_code = categories.category_code
    where sales.category_code is not null or not criteria.sales_only
    group by criteria.contest_code, criteria.criterion_code, criteria.valid_from_year
)

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
    coalesce(applicable.applicable_category_keys, []) as applicable_category_keys,
    criteria.valid_from_year as valid_from_year,
    criteria.valid_to_year as valid_to_year
from criteria
left join applicable
    on applicable.contest_code = criteria.contest_code
    and applicable.criterion_code = criteria.criterion_code
    and applicable.valid_from_year = criteria.valid_from_year
