{#- Entries submitted per day of each contest edition, every day between the first and the
    last submission (days without entries count 0), with the running total. Entries whose
    submission time could not be read make one last row with a null day, so the final
    cumulative count is every entry row of the edition. -#}
with entries as (
    select
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.submitted_on as submitted_on
    from {{ ref('fct_entries') }} as entries
),

bounds as (
    select
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        min(entries.submitted_on) as first_day,
        max(entries.submitted_on) as last_day
    from entries
    where entries.submitted_on is not null
    group by entries.contest_code, entries.edition_year
),

days as (
    select
        bounds.contest_code as contest_code,
        bounds.edition_year as edition_year,
        bounds.first_day as first_day,
        cast(unnest(generate_series(
            cast(bounds.first_day as timestamp), cast(bounds.last_day as timestamp), interval 1 day
        )) as date) as submitted_on
    from bounds
    union all
    select distinct
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        null as first_day,
        null as submitted_on
    from entries
    where entries.submitted_on is null
),

daily as (
    select
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.submitted_on as submitted_on,
        count(*) as entries
    from entries
    group by entries.contest_code, entries.edition_year, entries.submitted_on
),

timeline as (
    select
        days.contest_code as contest_code,
        days.edition_year as edition_year,
        days.submitted_on as submitted_on,
        days.submitted_on - days.first_day + 1 as day_number,
        coalesce(daily.entries, 0) as entries
    from days
    left join daily
        on days.contest_code = daily.contest_code
        and days.edition_year = daily.edition_year
        and days.submitted_on is not distinct from daily.submitted_on
)

select
    timeline.contest_code as contest_code,
    timeline.edition_year as edition_year,
    timeline.submitted_on as submitted_on,
    timeline.day_number as day_number,
    timeline.entries as entries,
    cast(sum(timeline.entries) over edition_so_far as bigint) as cumulative_entries,
    round(sum(timeline.entries) over edition_so_far / sum(timeline.entries) over edition, 4)
        as cumulative_share
from timeline
window
    edition_so_far as (
        partition by timeline.contest_code, timeline.edition_year
        order by timeline.submitted_on nulls last
        rows between unbounded preceding and current row
    ),
    edition as (partition by timeline.contest_code, timeline.edition_year)
