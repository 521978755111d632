-- Judge analytics per juror and edition. Severity is the juror's mean deviation from the
-- rest of the panel on the same entries (their total minus the mean of the other counted
-- jurors' totals, 0-100 points): negative is harsh, positive lenient. The conflict deviation
-- is the same comparison over the juror's conflicted evaluations, in the edition's own units
-- (int_evaluations_compared), whether or not the conflict policy let them count.
with counted as (
    select totals.*
    from {{ ref('int_evaluations_totalled') }} as totals
    where totals.is_counted
),

panel as (
    select
        counted.contest_code as contest_code,
        counted.edition_year as edition_year,
        counted.entry_id as entry_id,
        count(*) as panel_size,
        sum(counted.raw_total) as panel_raw_sum,
        sum(counted.normalized_total) as panel_normalized_sum
    from counted
    group by all
),

deviations as (
    select
        counted.*,
        counted.raw_total - (panel.panel_raw_sum - counted.raw_total) / (panel.panel_size - 1)
            as raw_deviation,
        counted.normalized_total
            - (panel.panel_normalized_sum - counted.normalized_total) / (panel.panel_size - 1)
            as normalized_deviation
    from counted
    inner join panel
        on panel.contest_code = counted.contest_code
        and panel.edition_year = counted.edition_year
        and panel.entry_id = counted.entry_id
    where panel.panel_size > 1
),

excluded as (
    select
        totals.contest_code as contest_code,
        totals.edition_year as edition_year,
        totals.juror_id as juror_id,
        count(*) filter (where totals.is_conflicted) as conflicts_excluded,
        count(*) filter (where not totals.is_counted and not totals.is_conflicted)
            as evaluations_rejected
    from {{ ref('int_evaluations_totalled') }} as totals
    group by all
),

conflicts as (
    select
        compared.contest_code as contest_code,
        compared.edition_year as edition_year,
        compared.juror_id as juror_id,
        count(compared.deviation) as conflicted_evaluations,
        avg(compared.deviation) as conflict_deviation
    from {{ ref('int_evaluations_compared') }} as compared
    where compared.is_conflicted
    group by all
),

stats as (
    select
        deviations.contest_code as contest_code,
        deviations.edition_year as edition_year,
        deviations.juror_id as juror_id,
        count(*) as entries_scored,
        avg(deviations.raw_total) as mean_raw_total,
        stddev_samp(deviations.raw_total) as spread,
        avg(deviations.raw_deviation) as severity,
        avg(deviations.normalized_deviation) as normalized_severity
    from deviations
    group by all
)

select
    md5(concat_ws('|', jurors.contest_code, jurors.edition_year, jurors.juror_id)) as juror_key,
    jurors.contest_code as contest_code,
    jurors.edition_year as edition_year,
    jurors.juror_id as juror_id,
    coalesce(stats.entries_scored, 0) as entries_scored,
    stats.mean_raw_total as mean_raw_total,
    stats.spread as spread,
    stats.severity as severity,
    stats.normalized_severity as normalized_severity,
    case
        when stats.severity is null
            or stats.entries_scored < coalesce(rules.min_entries_for_severity, 3) then 'not_rated'
        when stats.severity <= -coalesce(rules.severity_threshold_points, 10) then 'harsh'
        when stats.severity >= coalesce(rules.severity_threshold_points, 10) then 'lenient'
        else 'balanced'
    end as severity_label,
    coalesce(excluded.conflicts_excluded, 0) as conflicts_excluded,
    coalesce(excluded.evaluations_rejected, 0) as evaluations_rejected,
    coalesce(conflicts.conflicted_evaluations, 0) as conflicted_evaluations,
    conflicts.conflict_deviation as conflict_deviation
from {{ ref('int_jurors_deduplicated') }} as jurors
left join stats
    on stats.contest_code = jurors.contest_code
    and stats.edition_year = jurors.edition_year
    and stats.juror_id = jurors.juror_id
left join excluded
    on excluded.contest_code = jurors.contest_code
    and excluded.edition_year = jurors.edition_year
    and excluded.juror_id = jurors.juror_id
left join conflicts
    on conflicts.contest_code = jurors.contest_code
    and conflicts.edition_year = jurors.edition_year
    and conflicts.juror_id = jurors.juror_id
left join {{ ref('scoring_jury_rules') }} as rules
    on rules.contest_code = jurors.contest_code
