-- How much conflicted jurors favour (or disfavour) the entries they are conflicted with, per
-- contest edition with scores: the mean deviation of conflicted evaluations from the rest of
-- the entry's panel, beside the same figure for every other evaluation, in the edition's own
-- units (int_evaluations_compared). Conflicted evaluations count here whether the edition's
-- policy excluded them or counted them; one without another counted juror to compare with
-- has no deviation and is left out of both figures and counts.
with editions as (
    select distinct scores.contest_code as contest_code, scores.edition_year as edition_year
    from {{ ref('stg_raw__scores') }} as scores
),

compared as (
    select * from {{ ref('int_evaluations_compared') }}
    where deviation is not null
)

select
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    coalesce(methods.conflict_policy, defaults.conflict_policy) as conflict_policy,
    coalesce(methods.total, defaults.total) as score_unit,
    count(compared.deviation) filter (where compared.is_conflicted) as conflicted_evaluations,
    avg(compared.deviation) filter (where compared.is_conflicted) as mean_deviation,
    count(compared.deviation) filter (where not compared.is_conflicted) as other_evaluations,
    avg(compared.deviation) filter (where not compared.is_conflicted) as other_mean_deviation,
    -- Deviations from the rest of one panel sum to zero, so other_mean_deviation is about 0
    -- by construction; how far an unconflicted juror typically sits is the yardstick.
    avg(abs(compared.deviation)) filter (where not compared.is_conflicted)
        as other_mean_abs_deviation
from editions
left join {{ ref('int_scoring_methods_cataloged') }} as methods
    on methods.contest_code = editions.contest_code
    and methods.edition_year = editions.edition_year
cross join (
    select conflict_policy, total from {{ ref('scoring_methods') }} where contest_code = '*'
) as defaults
left join compared
    on compared.contest_code = editions.contest_code
    and compared.edition_year = editions.edition_year
group by all
