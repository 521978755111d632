-- One row per received entry row with the verdict of the formal checks, from the Great
-- Expectations results and the organizer's decisions (int_violations_decided): valid unless
-- it breaks an error rule that no decision waived, or an organizer disqualified it; a
-- surcharge is due when it breaks a surcharge rule (the 20-minute limit), for the started
-- minutes over it. A waived violation counts for nothing, surcharge included: an exception
-- to the limit is an exception to what exceeding it costs.
with violations as (
    select * from {{ ref('int_violations_decided') }}
),

per_entry as (
    select
        violations.entry_row_key as entry_row_key,
        count(*) filter (where violations.severity = 'error' and not violations.is_waived)
            as error_count,
        count(*) filter (where violations.severity = 'warning' and not violations.is_waived)
            as warning_count,
        count(*) filter (where violations.is_waived) as waived_count,
        count(*) filter (where violations.severity = 'error' and not violations.is_from_decision)
            as formal_error_count,
        coalesce(
            sum(violations.minutes_over)
                filter (where violations.is_surcharge and not violations.is_waived),
            0
        ) as surcharge_minutes,
        coalesce(bool_or(violations.is_surcharge and not violations.is_waived), false)
            as has_surcharge
    from violations
    group by violations.entry_row_key
)

select
    entries.entry_row_key as entry_row_key,
    coalesce(per_entry.error_count, 0) as error_count,
    coalesce(per_entry.warning_count, 0) as warning_count,
    coalesce(per_entry.waived_count, 0) as waived_count,
    coalesce(per_entry.error_count, 0) = 0 as is_formally_valid,
    coalesce(per_entry.formal_error_count, 0) = 0 as was_formally_valid,
    coalesce(per_entry.has_surcharge, false) as surcharge_due,
    coalesce(per_entry.surcharge_minutes, 0) as surcharge_minutes
from {{ ref('stg_raw__entries') }} as entries
left join per_entry
    on entries.entry_row_key = per_entry.entry_row_key
