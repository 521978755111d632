-- One row per received entry row with the verdict of the formal checks, from the Great
-- Expectations results: valid unless it breaks an error rule; a surcharge is due when it
-- breaks a surcharge rule (the 20-minute limit), for the started minutes over it.
with results as (
    select * from {{ ref('stg_checks__validation_results') }}
),

per_entry as (
    select
        results.entry_row_key as entry_row_key,
        count(*) filter (where results.severity = 'error') as error_count,
        count(*) filter (where results.severity = 'warning') as warning_count,
        coalesce(sum(results.minutes_over) filter (where results.is_surcharge), 0)
            as surcharge_minutes,
        bool_or(results.is_surcharge) as has_surcharge
    from results
    group by results.entry_row_key
)

select
    entries.entry_row_key as entry_row_key,
    coalesce(per_entry.error_count, 0) as error_count,
    coalesce(per_entry.warning_count, 0) as warning_count,
    coalesce(per_entry.error_count, 0) = 0 as is_formally_valid,
    coalesce(per_entry.has_surcharge, false) as surcharge_due,
    coalesce(per_entry.surcharge_minutes, 0) as surcharge_minutes
from {{ ref('stg_raw__entries') }} as entries
left join per_entry
    on entries.entry_row_key = per_entry.entry_row_key
