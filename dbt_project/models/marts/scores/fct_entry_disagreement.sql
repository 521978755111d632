-- How much the counted jurors disagree on each entry (spread of their raw totals, 0-100
-- points), ranked so that 1 is the entry of the edition and category they disagree on most.
with spread as (
    select
        totals.contest_code as contest_code,
        totals.edition_year as edition_year,
        totals.entry_id as entry_id,
        count(*) as jurors_counted,
        min(totals.raw_total) as min_raw_total,
        max(totals.raw_total) as max_raw_total,
        max(totals.raw_total) - min(totals.raw_total) as raw_total_range,
        stddev_samp(totals.raw_total) as raw_total_stddev,
        stddev_samp(totals.normalized_total) as normalized_total_stddev
    from {{ ref('int_evaluations_totalled') }} as totals
    where totals.is_counted
    group by all
    having count(*) >= 2
)

select
    entries.entry_row_key as entry_row_key,
    spread.contest_code as contest_code,
    spread.edition_year as edition_year,
    spread.entry_id as entry_id,
    entries.category_code as category_code,
    spread.jurors_counted as jurors_counted,
    spread.min_raw_total as min_raw_total,
    spread.max_raw_total as max_raw_total,
    spread.raw_total_range as raw_total_range,
    spread.raw_total_stddev as raw_total_stddev,
    spread.normalized_total_stddev as normalized_total_stddev,
    rank() over (
        partition by spread.contest_code, spread.edition_year
        order by spread.raw_total_stddev desc
    ) as disagreement_rank_in_edition,
    rank() over (
        partition by spread.contest_code, spread.edition_year, entries.category_code
        order by spread.raw_total_stddev desc
    ) as disagreement_rank_in_category
from spread
inner join {{ ref('int_scoring_entries_classified') }} as entries
    on entries.contest_code = spread.contest_code
    and entries.edition_year = spread.edition_year
    and entries.entry_id = spread.entry_id
