-- Every received score row with the jury rule it breaks, if any. Row rules come first
-- (unknown entry or juror, conflict of interest under the edition's `exclude` policy, entry
-- without a resolved category, criterion, scale and its step, duplicate); then an
-- evaluation (one juror on one entry) missing any applicable criterion is excluded whole,
-- so every counted total covers the same criteria. The conflicts are int_conflicts_paired's
-- (detected and declared). What would exclude a row were the juror not conflicted is kept
-- too: the conflict bias compares conflicted evaluations that are otherwise valid.
with scores as (
    select
        md5(concat_ws('|', scores.contest_code, scores.edition_year, scores.source_file, scores.source_row)) as score_key,
        scores.contest_code as contest_code,
        scores.edition_year as edition_year,
        scores.entry_id as entry_id,
        scores.juror_id as juror_id,
        scores.criterion_code as criterion_code,
        scores.score_as_written as score_as_written,
        scores.score as score,
        scores.source_file as source_file,
        scores.source_row as source_row,
        row_number() over (
            partition by scores.contest_code, scores.edition_year, scores.entry_id,
                scores.juror_id, scores.criterion_code
            order by scores.source_row
        ) as row_in_score
    from {{ ref('stg_raw__scores') }} as scores
),

rubric as (
    select
        criteria.contest_code as contest_code,
        criteria.edition_year as edition_year,
        criteria.criterion_code as criterion_code
    from {{ ref('int_criteria_cataloged') }} as criteria
),

checked as (
    select
        scores.*,
        entries.entry_id is not null as is_known_entry,
        entries.category_code is not null as is_categorized_entry,
        jurors.juror_id is not null as is_known_juror,
        conflicts.conflict_key is not null as is_conflicted,
        conflicts.conflict_source as conflict_source,
        conflicts.conflict_kind as conflict_kind,
        methods.conflict_policy as conflict_policy,
        rubric.criterion_code is not null as is_known_criterion,
        applied.criterion_code is not null as is_applicable,
        applied.scale_min as scale_min,
        applied.scale_max as scale_max,
        applied.scale_step as scale_step,
        applied.weight as weight
    from scores
    left join {{ ref('int_scoring_entries_classified') }} as entries
        on entries.contest_code = scores.contest_code
        and entries.edition_year = scores.edition_year
        and entries.entry_id = scores.entry_id
    left join {{ ref('int_jurors_deduplicated') }} as jurors
        on jurors.contest_code = scores.contest_code
        and jurors.edition_year = scores.edition_year
        and jurors.juror_id = scores.juror_id
    left join rubric
        on rubric.contest_code = scores.contest_code
        and rubric.edition_year = scores.edition_year
        and rubric.criterion_code = scores.criterion_code
    left join {{ ref('int_conflicts_paired') }} as conflicts
        on conflicts.contest_code = scores.contest_code
        and conflicts.edition_year = scores.edition_year
        and conflicts.entry_id = scores.entry_id
        and conflicts.juror_id = scores.juror_id
    left join {{ ref('int_scoring_methods_cataloged') }} as methods
        on methods.contest_code = scores.contest_code
        and methods.edition_year = scores.edition_year
    left join {{ ref('int_scoring_criteria_applied') }} as applied
        on applied.contest_code = scores.contest_code
        and applied.edition_year = scores.edition_year
        and applied.entry_id = scores.entry_id
        and applied.criterion_code = scores.criterion_code
),

row_rules as (
    select
        checked.*,
        -- Every row rule but the conflict, which only a known juror on a known entry can have.
        case
            when not checked.is_known_entry then 'unknown_entry'
            when not checked.is_known_juror then 'unknown_juror'
            when not checked.is_categorized_entry then 'entry_category_unknown'
            when not checked.is_known_criterion then 'unknown_criterion'
            when not checked.is_applicable then 'criterion_not_applicable'
            when checked.score is null then 'score_not_a_number'
            when checked.score < checked.scale_min or checked.score > checked.scale_max
                then 'score_out_of_scale'
            -- 7.3 on a 0.25 grid: off the steps the criterion's scale allows.
            when checked.scale_step is not null
                and abs(
                    (checked.score - checked.scale_min) / checked.scale_step
                    - round((checked.score - checked.scale_min) / checked.scale_step)
                ) > 1e-9
                then 'score_off_scale_step'
            when checked.row_in_score > 1 then 'duplicate_score'
        end as row_exclusion_reason
    from checked
),

evaluations as (
    -- Applicable criteria an evaluation lacks a valid score for.
    select
        pairs.contest_code as contest_code,
        pairs.edition_year as edition_year,
        pairs.entry_id as entry_id,
        pairs.juror_id as juror_id,
        string_agg(applied.criterion_code, ', ' order by applied.criterion_code)
            filter (where valid.criterion_code is null) as missing_criteria
    from (
        select distinct
            row_rules.contest_code,
            row_rules.edition_year,
            row_rules.entry_id,
            row_rules.juror_id
        from row_rules
        where row_rules.row_exclusion_reason is null
    ) as pairs
    inner join {{ ref('int_scoring_criteria_applied') }} as applied
        on applied.contest_code = pairs.contest_code
        and applied.edition_year = pairs.edition_year
        and applied.entry_id = pairs.entry_id
    left join row_rules as valid
        on valid.contest_code = pairs.contest_code
        and valid.edition_year = pairs.edition_year
        and valid.entry_id = pairs.entry_id
        and valid.juror_id = pairs.juror_id
        and valid.criterion_code = applied.criterion_code
        and valid.row_exclusion_reason is null
    group by all
)

select
    row_rules.score_key as score_key,
    row_rules.contest_code as contest_code,
    row_rules.edition_year as edition_year,
    row_rules.entry_id as entry_id,
    row_rules.juror_id as juror_id,
    row_rules.criterion_code as criterion_code,
    row_rules.score_as_written as score_as_written,
    row_rules.score as score,
    row_rules.scale_min as scale_min,
    row_rules.scale_max as scale_max,
    row_rules.scale_step as scale_step,
    row_rules.weight as weight,
    coalesce(
        row_rules.row_exclusion_reason,
        case when evaluations.missing_criteria is not null then 'incomplete_evaluation' end
    ) as non_conflict_exclusion_reason,
    -- count_and_flag: a conflicted juror's scores count; is_conflicted flags them.
    case
        when row_rules.is_conflicted and row_rules.conflict_policy is distinct from 'count_and_flag'
            then 'conflict_of_interest'
        else non_conflict_exclusion_reason
    end as exclusion_reason,
    exclusion_reason is not null as is_excluded,
    coalesce(row_rules.is_conflicted, false) as is_conflicted,
    row_rules.conflict_source as conflict_source,
    row_rules.conflict_kind as conflict_kind,
    evaluations.missing_criteria as missing_criteria,
    row_rules.source_file as source_file,
    row_rules.source_row as source_row
from row_rules
left join evaluations
    on evaluations.contest_code = row_rules.contest_code
    and evaluations.edition_year = row_rules.edition_year
    and evaluations.entry_id = row_rules.entry_id
    and evaluations.juror_id = row_rules.juror_id
