-- Where an edition has both scores and published results (results.csv), the computed results
-- rank; every disagreement between the two is one row: an entry ranked or awarded otherwise,
-- published but not ranked by the scores, or awarded by the scores but not published.
with published as (
    select published.*
    from {{ ref('int_results_published') }} as published
    semi join {{ ref('stg_raw__scores') }} as scores
        on scores.contest_code = published.contest_code
        and scores.edition_year = published.edition_year
    where published.is_taken
),

computed as (
    select results.*
    from {{ ref('fct_results') }} as results
    inner join (select distinct contest_code, edition_year from published) as editions
        on editions.contest_code = results.contest_code
        and editions.edition_year = results.edition_year
    where results.result_source = 'computed'
),

compared as (
    select
        coalesce(computed.contest_code, published.contest_code) as contest_code,
        coalesce(computed.edition_year, published.edition_year) as edition_year,
        coalesce(computed.entry_id, published.entry_id) as entry_id,
        coalesce(computed.category_code, published.category_code) as category_code,
        published.published_rank as published_rank,
        computed.rank_in_category as computed_rank,
        published.award_level as published_award_level,
        computed.award_level as computed_award_level,
        computed.official_score as official_score,
        computed.not_ranked_reason as not_ranked_reason,
        case
            when published.entry_id is null then 'not_published'
            when computed.rank_in_category is null then 'not_ranked'
            when published.published_rank <> computed.rank_in_category
                and published.award_level is distinct from computed.award_level then 'rank_and_award'
            when published.published_rank <> computed.rank_in_category then 'rank'
            when published.award_level is distinct from computed.award_level then 'award'
        end as discrepancy
    from computed
    full outer join published
        on published.contest_code = computed.contest_code
        and published.edition_year = computed.edition_year
        and published.entry_id = computed.entry_id
    where published.entry_id is not null or computed.award_level is not null
)

select
    md5(concat_ws('|', compared.contest_code, compared.edition_year, compared.entry_id))
        as discrepancy_key,
    compared.*
from compared
where compared.discrepancy is not null
