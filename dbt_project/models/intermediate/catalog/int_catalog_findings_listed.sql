-- What is wrong in the catalog files of the drop folder beyond what the readers report
-- (stg_raw__ingest_issues): values that are not numbers or not allowed words, weights <= 0,
-- scales that are empty or stepped wrong, aliases, weights and lineage naming categories or
-- criteria the catalog does not have, links that do not lead back in time (a cycle), and a
-- second row in a one-row file. One row per finding, as fct_ingest_issues shows it.
{%- set enumerated = [
    ('stg_raw__catalog_lineage', 'lineage.csv', 'relation'),
    ('stg_raw__catalog_categories', 'categories.csv', 'duration_limit_scope'),
    ('stg_raw__catalog_scoring', 'scoring.csv', 'aggregation'),
    ('stg_raw__catalog_scoring', 'scoring.csv', 'rounding'),
    ('stg_raw__catalog_scoring', 'scoring.csv', 'total'),
    ('stg_raw__catalog_scoring', 'scoring.csv', 'normalization'),
    ('stg_raw__catalog_scoring', 'scoring.csv', 'conflict_policy'),
] %}
{%- set typed = [
    ('stg_raw__catalog_lineage', 'from_edition_year', 'a year'),
    ('stg_raw__catalog_criteria', 'scale_min', 'a number'),
    ('stg_raw__catalog_criteria', 'scale_max', 'a number'),
    ('stg_raw__catalog_criteria', 'scale_step', 'a number'),
    ('stg_raw__catalog_scoring', 'trim_highest', 'a whole number'),
    ('stg_raw__catalog_scoring', 'trim_lowest', 'a whole number'),
    ('stg_raw__catalog_scoring', 'decimals', 'a whole number'),
    ('stg_raw__catalog_scoring', 'min_evaluations', 'a whole number'),
    ('stg_raw__catalog_scoring', 'former_employer_years', 'a whole number'),
    ('stg_raw__catalog_award_levels', 'award_order', 'a whole number'),
    ('stg_raw__catalog_award_levels', 'max_rank', 'a whole number'),
    ('stg_raw__catalog_award_levels', 'min_score', 'a number'),
] %}
with categories as (
    select contest_code, edition_year, category_code
    from {{ ref('int_categories_cataloged') }}
),

criteria as (
    select contest_code, edition_year, criterion_code
    from {{ ref('int_criteria_cataloged') }}
),

allowed as (
    select * from {{ ref('catalog_allowed_values') }}
),

findings as (
    {%- for model, file_name, column in enumerated %}
    select
        checked.contest_code, checked.edition_year, checked.source_file, checked.source_row,
        'invalid_value' as status,
        '{{ column }} ''' || checked.{{ column }} || ''' is not one of: '
            || (select string_agg(allowed.value, ', ' order by allowed.value) from allowed
                where allowed.file_name = '{{ file_name }}' and allowed.column_name = '{{ column }}')
            as message
    from {{ ref(model) }} as checked
    where checked.{{ column }} is not null
        and checked.{{ column }} not in (
            select allowed.value from allowed
            where allowed.file_name = '{{ file_name }}' and allowed.column_name = '{{ column }}'
        )
    union all
    {%- endfor %}
    {%- for model, column, kind in typed %}
    select
        checked.contest_code, checked.edition_year, checked.source_file, checked.source_row,
        'invalid_value',
        '{{ column }} ''' || checked.{{ column }}_as_written || ''' is not {{ kind }}'
    from {{ ref(model) }} as checked
    where checked.{{ column }}_as_written is not null and checked.{{ column }} is null
    union all
    {%- endfor %}
    {%- for column in var('catalog_category_typed_columns') %}
    select
        checked.contest_code, checked.edition_year, checked.source_file, checked.source_row,
        'invalid_value',
        '{{ column }} ''' || checked.{{ column }}_as_written || ''' of category '
            || checked.category_code || ' is not a {{ "date" if column == "achievements_since" else ("flag (true/false)" if column.endswith("required") or column.startswith("is_") else "whole number") }}'
    from {{ ref('stg_raw__catalog_categories') }} as checked
    where checked.{{ column }}_as_written is not null and checked.{{ column }} is null
    union all
    {%- endfor %}
    -- One-row files.
    {%- for model, file_name in [('stg_raw__catalog_edition', 'edition.csv'), ('stg_raw__catalog_scoring', 'scoring.csv')] %}
    select
        checked.contest_code, checked.edition_year, checked.source_file, checked.source_row,
        'more_than_one_row',
        '{{ file_name }} holds one row; line ' || checked.source_row || ' is a second one'
    from {{ ref(model) }} as checked
    qualify row_number() over (
        partition by checked.contest_code, checked.edition_year order by checked.source_row
    ) > 1
    union all
    {%- endfor %}
    -- Scales and weights.
    select
        criteria.contest_code, criteria.edition_year, criteria.source_file, criteria.source_row,
        'invalid_scale',
        'criterion ' || criteria.criterion_code || ': scale_min ' || criteria.scale_min
            || ' is not below scale_max ' || criteria.scale_max
    from {{ ref('stg_raw__catalog_criteria') }} as criteria
    where criteria.scale_min >= criteria.scale_max
    union all
    select
        criteria.contest_code, criteria.edition_year, criteria.source_file, criteria.source_row,
        'invalid_scale',
        'criterion ' || criteria.criterion_code || ': scale_step ' || criteria.scale_step
            || ' must be above 0 and divide the scale ' || criteria.scale_min || '–' || criteria.scale_max
    from {{ ref('stg_raw__catalog_criteria') }} as criteria
    where criteria.scale_step <= 0
        or abs(
            (criteria.scale_max - criteria.scale_min) / criteria.scale_step
            - round((criteria.scale_max - criteria.scale_min) / criteria.scale_step)
        ) > 1e-9
    union all
    {%- for model, what in [('stg_raw__catalog_criteria', "'criterion ' || checked.criterion_code"),
                            ('stg_raw__catalog_criterion_weights', "'criterion ' || checked.criterion_code || ' in category ' || checked.category_code")] %}
    select
        checked.contest_code, checked.edition_year, checked.source_file, checked.source_row,
        'invalid_weight',
        {{ what }} || ': weight ''' || coalesce(checked.weight_as_written, '') || ''' is not a number above 0'
    from {{ ref(model) }} as checked
    where checked.weight is null or checked.weight <= 0
    union all
    {%- endfor %}
    -- Names of categories and criteria the edition's catalog does not have.
    select
        aliases.contest_code, aliases.edition_year, aliases.source_file, aliases.source_row,
        'unknown_category',
        'alias ''' || aliases.alias || ''' names category ' || aliases.category_code
            || ', which is not a category of ' || aliases.contest_code || ' ' || aliases.edition_year
    from {{ ref('stg_raw__catalog_category_aliases') }} as aliases
    anti join categories
        on categories.contest_code = aliases.contest_code
        and categories.edition_year = aliases.edition_year
        and categories.category_code = aliases.category_code
    where aliases.category_code is not null
    union all
    select
        weights.contest_code, weights.edition_year, weights.source_file, weights.source_row,
        'unknown_category',
        'a weight for criterion ' || weights.criterion_code || ' names category '
            || weights.category_code || ', which is not a category of '
            || weights.contest_code || ' ' || weights.edition_year
    from {{ ref('stg_raw__catalog_criterion_weights') }} as weights
    anti join categories
        on categories.contest_code = weights.contest_code
        and categories.edition_year = weights.edition_year
        and categories.category_code = weights.category_code
    where weights.category_code is not null
    union all
    select
        weights.contest_code, weights.edition_year, weights.source_file, weights.source_row,
        'unknown_criterion',
        'a weight names criterion ' || weights.criterion_code || ', which is not in criteria.csv of '
            || weights.contest_code || ' ' || weights.edition_year
    from {{ ref('stg_raw__catalog_criterion_weights') }} as weights
    anti join criteria
        on criteria.contest_code = weights.contest_code
        and criteria.edition_year = weights.edition_year
        and criteria.criterion_code = weights.criterion_code
    where weights.criterion_code is not null
    union all
    select
        listed.contest_code, listed.edition_year, listed.source_file, listed.source_row,
        'unknown_category',
        'criterion ' || listed.criterion_code || ' applies to category ' || listed.category_code
            || ', which is not a category of ' || listed.contest_code || ' ' || listed.edition_year
    from (
        select criteria.*, unnest(criteria.category_codes) as category_code
        from {{ ref('stg_raw__catalog_criteria') }} as criteria
    ) as listed
    anti join categories
        on categories.contest_code = listed.contest_code
        and categories.edition_year = listed.edition_year
        and categories.category_code = listed.category_code
    union all
    select
        links.to_contest_code, links.to_edition_year, links.source_file, links.source_row,
        'unknown_category',
        'lineage leads into category ' || links.to_category_code || ', which is not a category of '
            || links.to_contest_code || ' ' || links.to_edition_year
    from {{ ref('stg_raw__catalog_lineage') }} as links
    anti join categories
        on categories.contest_code = links.to_contest_code
        and categories.edition_year = links.to_edition_year
        and categories.category_code = links.to_category_code
    where links.to_category_code is not null
    union all
    select
        links.to_contest_code, links.to_edition_year, links.source_file, links.source_row,
        'lineage_cycle',
        'a link must come from an earlier edition: ' || links.from_contest_code || ' '
            || links.from_edition_year || ' is not earlier than ' || links.to_contest_code || ' '
            || links.to_edition_year || ', so categories could continue each other in a circle'
    from {{ ref('stg_raw__catalog_lineage') }} as links
    where links.from_edition_year >= links.to_edition_year
    union all
    select
        links.to_contest_code, links.to_edition_year, links.source_file, links.source_row,
        'lineage_target_missing',
        'lineage names ' || links.from_contest_code || ' ' || links.from_edition_year || ' category '
            || links.from_category_code || ', which no catalog has'
    from {{ ref('stg_raw__catalog_lineage') }} as links
    anti join categories
        on categories.contest_code = links.from_contest_code
        and categories.edition_year = links.from_edition_year
        and categories.category_code = links.from_category_code
    where links.from_edition_year is not null and links.from_category_code is not null
        and links.from_edition_year < links.to_edition_year
    union all
    -- Trimming that leaves no score to count.
    select
        scoring.contest_code, scoring.edition_year, scoring.source_file, scoring.source_row,
        'invalid_value',
        'trim_highest ' || coalesce(scoring.trim_highest, 0) || ' and trim_lowest '
            || coalesce(scoring.trim_lowest, 0) || ' leave no evaluation of '
            || coalesce(scoring.min_evaluations, methods.min_evaluations) || ' to count'
    from {{ ref('stg_raw__catalog_scoring') }} as scoring
    cross join (select min_evaluations from {{ ref('scoring_methods') }} where contest_code = '*') as methods
    where coalesce(scoring.trim_highest, 0) < 0 or coalesce(scoring.trim_lowest, 0) < 0
        or coalesce(scoring.trim_highest, 0) + coalesce(scoring.trim_lowest, 0)
            >= coalesce(scoring.min_evaluations, methods.min_evaluations)
)

select
    findings.contest_code as contest_code,
    findings.edition_year as edition_year,
    'catalog' as source_table,
    findings.source_file as source_file,
    findings.source_row as source_row,
    findings.status as status,
    findings.message as message
from findings
