-- Every scoring criterion of every edition with a catalog, one row per edition and
-- criterion: the built-in scoring_criteria seed (per contest, in its validity years) for
-- editions whose drop folder has no catalog/criteria.csv rows, those rows where it has.
with editions as (
    select distinct contest_code, edition_year from {{ ref('int_categories_cataloged') }}
),

own as (
    select * from {{ ref('stg_raw__catalog_criteria') }}
    where criterion_code is not null
    qualify row_number() over (
        partition by contest_code, edition_year, criterion_code order by source_row
    ) = 1
),

own_editions as (
    select distinct own.contest_code as contest_code, own.edition_year as edition_year
    from own
)

select
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    criteria.criterion_code as criterion_code,
    criteria.criterion_name_pl as criterion_name_pl,
    criteria.criterion_name_en as criterion_name_en,
    criteria.learning_outcome_set as learning_outcome_set,
    criteria.learning_outcome_ref as learning_outcome_ref,
    criteria.scale_min as scale_min,
    criteria.scale_max as scale_max,
    cast(null as double) as scale_step,
    criteria.weight as weight,
    string_split(criteria.interaction_forms, '|') as interaction_forms,
    criteria.sales_only as sales_only,
    cast(null as varchar[]) as category_codes,
    criteria.valid_from_year as valid_from_year,
    criteria.valid_to_year as valid_to_year,
    'built_in' as catalog_source
from editions
inner join {{ ref('scoring_criteria') }} as criteria
    on criteria.contest_code = editions.contest_code
    and editions.edition_year >= criteria.valid_from_year
    and (criteria.valid_to_year is null or editions.edition_year <= criteria.valid_to_year)
anti join own_editions
    on own_editions.contest_code = editions.contest_code
    and own_editions.edition_year = editions.edition_year
union all
select
    own.contest_code,
    own.edition_year,
    own.criterion_code,
    own.criterion_name_pl,
    own.criterion_name_en,
    cast(null as integer) as learning_outcome_set,
    cast(null as varchar) as learning_outcome_ref,
    own.scale_min,
    own.scale_max,
    own.scale_step,
    own.weight,
    cast(null as varchar[]) as interaction_forms,
    false as sales_only,
    own.category_codes,
    own.edition_year as valid_from_year,
    own.edition_year as valid_to_year,
    'drop_folder' as catalog_source
from own
