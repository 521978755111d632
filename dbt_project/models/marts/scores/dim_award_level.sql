-- The awards of every edition, one row per award level: its names and what earns it. The
-- dashboards and the jury protocol name an entry's award from here.
select
    levels.contest_code as contest_code,
    levels.edition_year as edition_year,
    levels.award_level as award_level,
    levels.award_name_pl as award_name_pl,
    levels.award_name_en as award_name_en,
    levels.award_order as award_order,
    levels.max_rank as max_rank,
    levels.min_score as min_score,
    levels.catalog_source as catalog_source
from {{ ref('int_award_levels_cataloged') }} as levels
