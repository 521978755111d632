-- One row per juror and entry in conflict: the reason that names the conflict (a juror's own
-- declaration comes before what Podium detects, since it says more; then same organization
-- before former employer, then file order) and every reason, in that order, for the record.
with ordered as (
    select
        resolved.*,
        row_number() over (
            partition by resolved.contest_code, resolved.edition_year, resolved.juror_id,
                resolved.entry_id
            order by
                resolved.conflict_source = 'declared' desc,
                resolved.conflict_kind = 'same_organization' desc,
                resolved.source_row,
                resolved.last_year desc,
                resolved.reason
        ) as reason_order
    from {{ ref('int_conflicts_resolved') }} as resolved
)

select
    md5(concat_ws('|', ordered.contest_code, ordered.edition_year, ordered.juror_id, ordered.entry_id))
        as conflict_key,
    ordered.contest_code as contest_code,
    ordered.edition_year as edition_year,
    ordered.juror_id as juror_id,
    ordered.entry_id as entry_id,
    any_value(ordered.conflict_source) filter (where ordered.reason_order = 1) as conflict_source,
    any_value(ordered.conflict_kind) filter (where ordered.reason_order = 1) as conflict_kind,
    count(*) as reasons_count,
    string_agg(ordered.reason, '; ' order by ordered.reason_order) as conflict_reasons
from ordered
group by ordered.contest_code, ordered.edition_year, ordered.juror_id, ordered.entry_id
