-- The rubric of every edition, one row per criterion of a contest and its first edition
-- (int_criteria_cataloged): the built-in seed's criteria over their validity years, and each
-- drop-folder catalog's criteria for its edition. With the categories (marts.dim_category
-- keys) each criterion applies to, and its default weight (a category may weigh it otherwise:
-- int_category_criteria_weighted).
with criteria as (
    select
        criteria.contest_code as contest_code,
        criteria.criterion_code as criterion_code,
        criteria.valid_from_year as valid_from_year,
        any_value(criteria.criterion_name_pl) as criterion_name_pl,
        any_value(criteria.criterion_name_en) as criterion_name_en,
        any_value(criteria.learning_outcome_set) as learning_outcome_set,
        any_value(criteria.learning_outcome_ref) as learning_outcome_ref,
        any_value(criteria.scale_min) as scale_min,
        any_value(criteria.scale_max) as scale_max,
        any_value(criteria.scale_step) as scale_step,
        any_value(criteria.weight) as weight,
        any_value(criteria.interaction_forms) as interaction_forms,
        any_value(criteria.sales_only) as sales_only,
        any_value(criteria.valid_to_year) as valid_to_year,
        any_value(criteria.catalog_source) as catalog_source
    from {{ ref('int_criteria_cataloged') }} as criteria
    group by criteria.contest_code, criteria.criterion_code, criteria.valid_from_year
),

applicable as (
    select
        weighted.contest_code as contest_code,
        weighted.criterion_code as criterion_code,
        weighted.valid_from_year as valid_from_year,
        list(weighted.category_key order by weighted.edition_year, weighted.category_sort_order)
            as applicable_category_keys
    from {{ ref('int_category_criteria_weighted') }} as weighted
    semi join {{ ref('dim_category') }} as categories
        on categories.category_key = weighted.category_key
    group by all
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
    criteria.interaction_forms as interaction_forms,
    criteria.sales_only as sales_only,
    coalesce(applicable.applicable_category_keys, []) as applicable_category_keys,
    criteria.valid_from_year as valid_from_year,
    criteria.valid_to_year as valid_to_year,
    criteria.scale_step as scale_step,
    criteria.catalog_source as catalog_source
from criteria
left join applicable
    on applicable.contest_code = criteria.contest_code
    and applicable.criterion_code = criteria.criterion_code
    and applicable.valid_from_year = criteria.valid_from_year
