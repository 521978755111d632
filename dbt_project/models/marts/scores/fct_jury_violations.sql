-- Every breach of the jury rules, with its reason: per score row (scale, criterion,
-- unknown entry or juror, duplicate), per evaluation (conflict of interest, missing
-- criteria), per entry (too few jurors) and per juror row (duplicate juror id). A conflict
-- names its source and kind (int_conflicts_paired) and gives every reason it has.
-- Each part gives its rule code and the values its messages name; the reason is the rule's
-- message of seed scoring_jury_rule_messages (subject `violation`), in English and Polish.
{%- set placeholders = {
    'entry_id': 'violations.entry_id',
    'juror_id': 'violations.juror_id',
    'criterion_code': 'violations.criterion_code',
    'score_as_written': 'violations.score_as_written',
    'scale_min': 'violations.scale_min',
    'scale_max': 'violations.scale_max',
    'scale_step': 'violations.scale_step',
    'conflict_reasons': 'violations.conflict_reasons',
    'evaluation_scores': 'violations.evaluation_scores',
    'missing_criteria': 'violations.missing_criteria',
    'jurors_counted': 'violations.jurors_counted',
    'jurors_conflicted': 'violations.jurors_conflicted',
    'evaluations_rejected': 'violations.evaluations_rejected',
    'min_jurors_per_entry': 'violations.min_jurors_per_entry',
} %}
with conflicts as (
    select * from {{ ref('int_conflicts_paired') }}
),

score_rows as (
    select
        scores.contest_code as contest_code,
        scores.edition_year as edition_year,
        scores.entry_id as entry_id,
        scores.juror_id as juror_id,
        scores.criterion_code as criterion_code,
        scores.exclusion_reason as rule_code,
        scores.score_as_written as score_as_written,
        scores.scale_min as scale_min,
        scores.scale_max as scale_max,
        scores.scale_step as scale_step,
        scores.source_file as source_file,
        scores.source_row as source_row
    from {{ ref('int_scores_validated') }} as scores
    -- An entry without a resolved category is the rules catalog's finding, not a jury breach.
    where scores.exclusion_reason not in (
        'conflict_of_interest', 'incomplete_evaluation', 'entry_category_unknown'
    )
),

evaluations as (
    select
        scores.contest_code as contest_code,
        scores.edition_year as edition_year,
        scores.entry_id as entry_id,
        scores.juror_id as juror_id,
        null as criterion_code,
        case
            when scores.exclusion_reason = 'conflict_of_interest' then 'conflict_of_interest'
            else 'missing_criterion'
        end as rule_code,
        any_value(conflicts.conflict_source) as conflict_source,
        any_value(conflicts.conflict_kind) as conflict_kind,
        any_value(conflicts.conflict_reasons) as conflict_reasons,
        count(*) as evaluation_scores,
        any_value(scores.missing_criteria) as missing_criteria,
        any_value(scores.source_file) as source_file,
        min(scores.source_row) as source_row
    from {{ ref('int_scores_validated') }} as scores
    left join conflicts
        on scores.exclusion_reason = 'conflict_of_interest'
        and conflicts.contest_code = scores.contest_code
        and conflicts.edition_year = scores.edition_year
        and conflicts.entry_id = scores.entry_id
        and conflicts.juror_id = scores.juror_id
    where scores.exclusion_reason in ('conflict_of_interest', 'incomplete_evaluation')
    group by scores.contest_code, scores.edition_year, scores.entry_id, scores.juror_id,
        scores.exclusion_reason = 'conflict_of_interest'
),

flagged as (
    -- Under the count_and_flag policy a conflicted evaluation counts and is flagged here.
    select
        scores.contest_code as contest_code,
        scores.edition_year as edition_year,
        scores.entry_id as entry_id,
        scores.juror_id as juror_id,
        null as criterion_code,
        'conflict_of_interest_counted' as rule_code,
        any_value(conflicts.conflict_source) as conflict_source,
        any_value(conflicts.conflict_kind) as conflict_kind,
        any_value(conflicts.conflict_reasons) as conflict_reasons,
        count(*) as evaluation_scores,
        any_value(scores.source_file) as source_file,
        min(scores.source_row) as source_row
    from {{ ref('int_scores_validated') }} as scores
    inner join conflicts
        on conflicts.contest_code = scores.contest_code
        and conflicts.edition_year = scores.edition_year
        and conflicts.entry_id = scores.entry_id
        and conflicts.juror_id = scores.juror_id
    where scores.is_conflicted and not scores.is_excluded
    group by scores.contest_code, scores.edition_year, scores.entry_id, scores.juror_id
),

entries as (
    select
        entry_scores.contest_code as contest_code,
        entry_scores.edition_year as edition_year,
        entry_scores.entry_id as entry_id,
        null as juror_id,
        null as criterion_code,
        'too_few_jurors' as rule_code,
        entry_scores.jurors_counted as jurors_counted,
        entry_scores.jurors_conflicted as jurors_conflicted,
        entry_scores.evaluations_rejected as evaluations_rejected,
        entry_scores.min_jurors_per_entry as min_jurors_per_entry,
        null as source_file,
        null as source_row
    from {{ ref('int_entry_scores_aggregated') }} as entry_scores
    -- An edition without any score (published results only) had no jury to break a rule.
    semi join {{ ref('stg_raw__scores') }} as scores
        on scores.contest_code = entry_scores.contest_code
        and scores.edition_year = entry_scores.edition_year
    where entry_scores.jurors_counted < entry_scores.min_jurors_per_entry
),

jurors as (
    select
        numbered.contest_code as contest_code,
        numbered.edition_year as edition_year,
        null as entry_id,
        numbered.juror_id as juror_id,
        null as criterion_code,
        case when numbered.juror_id is null then 'juror_without_id' else 'duplicate_juror' end
            as rule_code,
        numbered.source_file as source_file,
        numbered.source_row as source_row
    from (
        select
            raw_jurors.*,
            row_number() over (
                partition by raw_jurors.contest_code, raw_jurors.edition_year, raw_jurors.juror_id
                order by raw_jurors.source_row
            ) as row_in_juror
        from {{ ref('stg_raw__jurors') }} as raw_jurors
    ) as numbered
    where numbered.juror_id is null or numbered.row_in_juror > 1
),

violations as (
    select * from score_rows
    union all by name
    select * from evaluations
    union all by name
    select * from flagged
    union all by name
    select * from entries
    union all by name
    select * from jurors
)

select
    md5(concat_ws('|', violations.contest_code, violations.edition_year, violations.rule_code,
        violations.entry_id, violations.juror_id, violations.criterion_code,
        violations.source_file, violations.source_row)) as violation_key,
    violations.contest_code as contest_code,
    violations.edition_year as edition_year,
    violations.entry_id as entry_id,
    violations.juror_id as juror_id,
    violations.criterion_code as criterion_code,
    violations.rule_code as rule_code,
    violations.conflict_source as conflict_source,
    violations.conflict_kind as conflict_kind,
    {{ fill_message('messages.message_en', placeholders) }} as reason,
    {{ fill_message('messages.message_pl', placeholders) }} as reason_pl,
    violations.source_file as source_file,
    violations.source_row as source_row
from violations
left join {{ ref('scoring_jury_rule_messages') }} as messages
    on messages.subject = 'violation' and messages.rule_code = violations.rule_code
