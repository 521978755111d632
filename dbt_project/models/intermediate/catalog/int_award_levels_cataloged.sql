-- The awards of every edition with a catalog: the built-in scoring_award_levels seed (per
-- contest) for editions without catalog/award_levels.csv rows, those rows where it has.
with own as (
    select * from {{ ref('stg_raw__catalog_award_levels') }}
    where award_level is not null and award_order is not null
    qualify row_number() over (
        partition by contest_code, edition_year, award_level order by source_row
    ) = 1
),

own_editions as (
    select distinct own.contest_code as contest_code, own.edition_year as edition_year
    from own
),

editions as (
    select distinct contest_code, edition_year from {{ ref('int_categories_cataloged') }}
)

select
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    levels.award_level as award_level,
    levels.award_name_pl as award_name_pl,
    levels.award_name_en as award_name_en,
    levels.award_order as award_order,
    levels.max_rank as max_rank,
    levels.min_score as min_score,
    'built_in' as catalog_source
from editions
inner join {{ ref('scoring_award_levels') }} as levels
    on levels.contest_code = editions.contest_code
anti join own_editions
    on own_editions.contest_code = editions.contest_code
    and own_editions.edition_year = editions.edition_year
union all
select
    own.contest_code,
    own.edition_year,
    own.award_level,
    own.award_name_pl,
    own.award_name_en,
    own.award_order,
    own.max_rank,
    own.min_score,
    'drop_folder' as catalog_source
from own
