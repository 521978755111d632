-- Results per category. Computed results rank by the edition's official score (for the
-- built-in editions the normalized score); ties broken by raw score; entries still equal
-- share the place (rank(), so the next place is skipped) and the award. The raw ranking and
-- its award sit beside it for comparison. An edition with no scores at all but a
-- results.csv takes its published ranks and awards as given (result_source 'published').
-- not_ranked_detail is the reason's message of seed scoring_jury_rule_messages (subject
-- `not_ranked`), in English and Polish.
{%- set not_ranked_values = {
    'jurors_counted': 'results.jurors_counted',
    'min_jurors_per_entry': 'results.min_jurors_per_entry',
} %}
with editions_scored as (
    select distinct scores.contest_code, scores.edition_year
    from {{ ref('stg_raw__scores') }} as scores
),

published as (
    select published.*
    from {{ ref('int_results_published') }} as published
    anti join editions_scored
        on editions_scored.contest_code = published.contest_code
        and editions_scored.edition_year = published.edition_year
    where published.is_taken
),

editions_published as (
    select distinct published.contest_code, published.edition_year from published
),

eligible as (
    select
        entry_scores.*,
        rank() over (
            partition by entry_scores.contest_code, entry_scores.edition_year, entry_scores.category_code
            order by {{ results_rank_order('entry_scores') }}
        ) as rank_in_category,
        rank() over (
            partition by entry_scores.contest_code, entry_scores.edition_year, entry_scores.category_code
            order by round(entry_scores.raw_score, 6) desc, round(entry_scores.official_score, 6) desc
        ) as raw_rank_in_category
    from {{ ref('int_entry_scores_aggregated') }} as entry_scores
    where entry_scores.not_ranked_reason is null
),

results as (
    select
        entry_scores.* exclude (not_ranked_reason),
        case
            when editions_published.contest_code is null then entry_scores.not_ranked_reason
            when published.entry_id is null then 'not_in_published_results'
        end as not_ranked_reason,
        case when editions_published.contest_code is null then 'computed' else 'published' end
            as result_source,
        coalesce(published.published_rank, eligible.rank_in_category) as rank_in_category,
        eligible.raw_rank_in_category as raw_rank_in_category,
        published.award_level as published_award_level
    from {{ ref('int_entry_scores_aggregated') }} as entry_scores
    left join eligible
        on eligible.contest_code = entry_scores.contest_code
        and eligible.edition_year = entry_scores.edition_year
        and eligible.entry_id = entry_scores.entry_id
    left join editions_published
        on editions_published.contest_code = entry_scores.contest_code
        and editions_published.edition_year = entry_scores.edition_year
    left join published
        on published.contest_code = entry_scores.contest_code
        and published.edition_year = entry_scores.edition_year
        and published.entry_id = entry_scores.entry_id
),

awards as (
    select
        results.contest_code as contest_code,
        results.edition_year as edition_year,
        results.entry_id as entry_id,
        arg_min(levels.award_level, levels.award_order) filter (
            where (levels.max_rank is null or results.rank_in_category <= levels.max_rank)
            and (levels.min_score is null or results.official_score >= levels.min_score)
        ) as award_level,
        arg_min(levels.award_level, levels.award_order) filter (
            where (levels.max_rank is null or results.raw_rank_in_category <= levels.max_rank)
            and (levels.min_score is null or results.raw_score >= levels.min_score)
        ) as raw_award_level
    from results
    inner join {{ ref('int_award_levels_cataloged') }} as levels
        on levels.contest_code = results.contest_code
        and levels.edition_year = results.edition_year
    where results.rank_in_category is not null and results.result_source = 'computed'
    group by all
)

select
    results.entry_row_key as entry_row_key,
    results.contest_code as contest_code,
    results.edition_year as edition_year,
    results.entry_id as entry_id,
    results.category_code as category_code,
    results.category_key as category_key,
    results.jurors_counted as jurors_counted,
    results.jurors_conflicted as jurors_conflicted,
    results.raw_score as raw_score,
    results.normalized_score as normalized_score,
    results.rank_in_category as rank_in_category,
    coalesce(results.published_award_level, awards.award_level) as award_level,
    results.raw_rank_in_category as raw_rank_in_category,
    awards.raw_award_level as raw_award_level,
    results.not_ranked_reason as not_ranked_reason,
    {{ fill_message('messages.message_en', not_ranked_values) }} as not_ranked_detail,
    {{ fill_message('messages.message_pl', not_ranked_values) }} as not_ranked_detail_pl,
    results.official_score as official_score,
    results.result_source as result_source
from results
left join {{ ref('scoring_jury_rule_messages') }} as messages
    on messages.subject = 'not_ranked' and messages.rule_code = results.not_ranked_reason
left join awards
    on awards.contest_code = results.contest_code
    and awards.edition_year = results.edition_year
    and awards.entry_id = results.entry_id
