-- Every criterion each category is scored on, with its weight there: a built-in criterion
-- applies to the categories of its interaction forms (a sales-only one to sales categories
-- only), a catalog criterion to the categories its `categories` column lists (all when
-- empty); catalog/criterion_weights.csv overrides the weight for one category.
with categories as (
    select * from {{ ref('int_categories_cataloged') }}
),

criteria as (
    select * from {{ ref('int_criteria_cataloged') }}
),

overrides as (
    select * from {{ ref('stg_raw__catalog_criterion_weights') }}
    where weight > 0
    qualify row_number() over (
        partition by contest_code, edition_year, category_code, criterion_code
        order by source_row
    ) = 1
)

select
    categories.category_key || ':' || criteria.criterion_code as category_criterion_key,
    categories.category_key as category_key,
    categories.contest_code as contest_code,
    categories.edition_year as edition_year,
    categories.category_code as category_code,
    categories.sort_order as category_sort_order,
    criteria.criterion_code as criterion_code,
    criteria.scale_min as scale_min,
    criteria.scale_max as scale_max,
    criteria.scale_step as scale_step,
    coalesce(overrides.weight, criteria.weight) as weight,
    criteria.valid_from_year as valid_from_year
from categories
inner join criteria
    on criteria.contest_code = categories.contest_code
    and criteria.edition_year = categories.edition_year
left join {{ ref('scoring_sales_categories') }} as sales
    on sales.contest_code = categories.contest_code
    and sales.edition_year = categories.edition_year
    and sales.category_code = categories.category_code
left join overrides
    on overrides.contest_code = categories.contest_code
    and overrides.edition_year = categories.edition_year
    and overrides.category_code = categories.category_code
    and overrides.criterion_code = criteria.criterion_code
where
    case criteria.catalog_source
        when 'built_in' then
            list_contains(criteria.interaction_forms, categories.interaction_form)
            and (sales.category_code is not null or not criteria.sales_only)
        else
            criteria.category_codes is null
            or list_contains(criteria.category_codes, categories.category_code)
    end
