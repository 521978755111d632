-- Inter-juror agreement per category: Krippendorff's alpha (interval metric) over the
-- juror totals of each entry, on raw and on normalized totals. Entries with fewer than two
-- counted evaluations are not pairable and are left out, as the coefficient prescribes.
-- Closed forms: within an entry, the sum over ordered pairs of (a - b)^2 is
-- 2 * (m * sum(v^2) - sum(v)^2); alpha = 1 - D_o / D_e.
with counted as (
    select
        totals.contest_code as contest_code,
        totals.edition_year as edition_year,
        entries.category_code as category_code,
        totals.entry_id as entry_id,
        totals.juror_id as juror_id,
        totals.raw_total as raw_total,
        totals.normalized_total as normalized_total
    from {{ ref('int_evaluations_totalled') }} as totals
    inner join {{ ref('int_scoring_entries_classified') }} as entries
        on entries.contest_code = totals.contest_code
        and entries.edition_year = totals.edition_year
        and entries.entry_id = totals.entry_id
    where totals.is_counted
),

units as (
    select
        counted.contest_code as contest_code,
        counted.edition_year as edition_year,
        counted.category_code as category_code,
        counted.entry_id as entry_id,
        count(*) as m,
        sum(counted.raw_total) as raw_sum,
        sum(counted.raw_total * counted.raw_total) as raw_sq,
        sum(counted.normalized_total) as norm_sum,
        sum(counted.normalized_total * counted.normalized_total) as norm_sq
    from counted
    group by all
    having count(*) >= 2
),

totals as (
    select
        units.contest_code as contest_code,
        units.edition_year as edition_year,
        units.category_code as category_code,
        count(*) as entries_rated,
        sum(units.m) as pairable_values,
        sum(2 * (units.m * units.raw_sq - units.raw_sum * units.raw_sum) / (units.m - 1))
            as raw_within,
        sum(units.raw_sum) as raw_sum,
        sum(units.raw_sq) as raw_sq,
        sum(2 * (units.m * units.norm_sq - units.norm_sum * units.norm_sum) / (units.m - 1))
            as norm_within,
        sum(units.norm_sum) as norm_sum,
        sum(units.norm_sq) as norm_sq
    from units
    group by all
),

panel as (
    select
        counted.contest_code as contest_code,
        counted.edition_year as edition_year,
        counted.category_code as category_code,
        count(distinct counted.juror_id) as jurors
    from counted
    group by all
)

select
    md5(concat_ws('|', totals.contest_code, totals.edition_year, totals.category_code)) as agreement_key,
    totals.contest_code as contest_code,
    totals.edition_year as edition_year,
    totals.category_code as category_code,
    totals.entries_rated as entries_rated,
    panel.jurors as jurors,
    totals.pairable_values as pairable_values,
    1 - (totals.raw_within / totals.pairable_values)
        / nullif(
            2 * (totals.pairable_values * totals.raw_sq - totals.raw_sum * totals.raw_sum)
            / (totals.pairable_values * (totals.pairable_values - 1)),
            0
        ) as krippendorff_alpha_raw,
    1 - (totals.norm_within / totals.pairable_values)
        / nullif(
            2 * (totals.pairable_values * totals.norm_sq - totals.norm_sum * totals.norm_sum)
            / (totals.pairable_values * (totals.pairable_values - 1)),
            0
        ) as krippendorff_alpha_normalized
from totals
inner join panel
    on panel.contest_code = totals.contest_code
    and panel.edition_year = totals.edition_year
    and panel.category_code = totals.category_code
