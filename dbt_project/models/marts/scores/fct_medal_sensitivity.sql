-- Would the podium change? For every category: the official podium (normalized scores)
-- against the podium under raw scores, and under normalized scores with each juror of the
-- category left out in turn (entries then below the minimum panel are not ranked). Scores
-- keep their normalization; only the averaging over jurors is redone.
with results as (
    select results.*
    from {{ ref('fct_results') }} as results
),

categories as (
    select distinct
        results.contest_code as contest_code,
        results.edition_year as edition_year,
        results.category_code as category_code
    from results
    where results.rank_in_category is not null
),

rules as (
    select
        categories.*,
        coalesce(jury_rules.podium_size, 3) as podium_size,
        methods.min_evaluations as min_jurors_per_entry
    from categories
    left join {{ ref('scoring_jury_rules') }} as jury_rules
        on jury_rules.contest_code = categories.contest_code
    inner join {{ ref('int_scoring_methods_cataloged') }} as methods
        on methods.contest_code = categories.contest_code
        and methods.edition_year = categories.edition_year
),

eligible_evaluations as (
    select
        totals.contest_code as contest_code,
        totals.edition_year as edition_year,
        results.category_code as category_code,
        totals.entry_id as entry_id,
        totals.juror_id as juror_id,
        totals.normalized_total as normalized_total,
        totals.raw_total as raw_total
    from {{ ref('int_evaluations_totalled') }} as totals
    inner join results
        on results.contest_code = totals.contest_code
        and results.edition_year = totals.edition_year
        and results.entry_id = totals.entry_id
    where totals.is_counted and results.rank_in_category is not null
),

left_out as (
    select distinct
        eligible_evaluations.contest_code as contest_code,
        eligible_evaluations.edition_year as edition_year,
        eligible_evaluations.category_code as category_code,
        eligible_evaluations.juror_id as left_out_juror_id
    from eligible_evaluations
),

left_out_scores as (
    select
        left_out.contest_code as contest_code,
        left_out.edition_year as edition_year,
        left_out.category_code as category_code,
        left_out.left_out_juror_id as left_out_juror_id,
        evaluations.entry_id as entry_id,
        avg(evaluations.normalized_total) as normalized_score,
        avg(evaluations.raw_total) as raw_score
    from left_out
    inner join eligible_evaluations as evaluations
        on evaluations.contest_code = left_out.contest_code
        and evaluations.edition_year = left_out.edition_year
        and evaluations.category_code = left_out.category_code
        and evaluations.juror_id <> left_out.left_out_juror_id
    inner join rules
        on rules.contest_code = left_out.contest_code
        and rules.edition_year = left_out.edition_year
        and rules.category_code = left_out.category_code
    group by left_out.contest_code, left_out.edition_year, left_out.category_code,
        left_out.left_out_juror_id, evaluations.entry_id, rules.min_jurors_per_entry
    having count(*) >= rules.min_jurors_per_entry
),

scenario_ranks as (
    select
        results.contest_code as contest_code,
        results.edition_year as edition_year,
        results.category_code as category_code,
        'normalized' as scenario_code,
        null as left_out_juror_id,
        results.entry_id as entry_id,
        results.rank_in_category as scenario_rank
    from results
    where results.rank_in_category is not null
    union all
    select
        results.contest_code,
        results.edition_year,
        results.category_code,
        'raw',
        null,
        results.entry_id,
        results.raw_rank_in_category
    from results
    where results.raw_rank_in_category is not null
    union all
    select
        left_out_scores.contest_code,
        left_out_scores.edition_year,
        left_out_scores.category_code,
        'without_juror',
        left_out_scores.left_out_juror_id,
        left_out_scores.entry_id,
        rank() over (
            partition by left_out_scores.contest_code, left_out_scores.edition_year,
                left_out_scores.category_code, left_out_scores.left_out_juror_id
            order by round(left_out_scores.normalized_score, 6) desc,
                round(left_out_scores.raw_score, 6) desc
        )
    from left_out_scores
),

podiums as (
    select
        scenario_ranks.contest_code as contest_code,
        scenario_ranks.edition_year as edition_year,
        scenario_ranks.category_code as category_code,
        scenario_ranks.scenario_code as scenario_code,
        scenario_ranks.left_out_juror_id as left_out_juror_id,
        string_agg(scenario_ranks.entry_id, ' > ' order by scenario_ranks.scenario_rank, scenario_ranks.entry_id)
            filter (where scenario_ranks.scenario_rank <= rules.podium_size) as podium,
        string_agg(scenario_ranks.entry_id, ' = ' order by scenario_ranks.entry_id)
            filter (where scenario_ranks.scenario_rank = 1) as winner
    from scenario_ranks
    inner join rules
        on rules.contest_code = scenario_ranks.contest_code
        and rules.edition_year = scenario_ranks.edition_year
        and rules.category_code = scenario_ranks.category_code
    group by all
)

select
    md5(concat_ws('|', podiums.contest_code, podiums.edition_year, podiums.category_code,
        podiums.scenario_code, podiums.left_out_juror_id)) as scenario_key,
    podiums.contest_code as contest_code,
    podiums.edition_year as edition_year,
    podiums.category_code as category_code,
    podiums.scenario_code as scenario_code,
    podiums.left_out_juror_id as left_out_juror_id,
    podiums.podium as podium,
    baseline.podium as official_podium,
    podiums.winner as winner,
    baseline.winner as official_winner,
    podiums.podium is distinct from baseline.podium as podium_changed,
    podiums.winner is distinct from baseline.winner as winner_changed
from podiums
inner join podiums as baseline
    on baseline.contest_code = podiums.contest_code
    and baseline.edition_year = podiums.edition_year
    and baseline.category_code = podiums.category_code
    and baseline.scenario_code = 'normalized'
