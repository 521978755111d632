-- The scoring method of every edition with a catalog (docs/catalog.md, scoring.csv): the
-- first row of an edition's own catalog/scoring.csv, else its row of the built-in
-- scoring_methods seed; every column either leaves empty comes from the seed's defaults row
-- (contest `*`).
with own as (
    select * from {{ ref('stg_raw__catalog_scoring') }}
    qualify row_number() over (partition by contest_code, edition_year order by source_row) = 1
),

seeded as (
    select * from {{ ref('scoring_methods') }}
),

defaults as (
    select * from seeded where seeded.contest_code = '*'
),

editions as (
    select distinct contest_code, edition_year from {{ ref('int_categories_cataloged') }}
),

methods as (
    select own.* exclude (source_file, source_row), 'drop_folder' as catalog_source
    from own
    union all by name
    select seeded.*, 'built_in' as catalog_source
    from seeded
    anti join own
        on seeded.contest_code = own.contest_code
        and seeded.edition_year = own.edition_year
    where seeded.contest_code <> '*'
)

select
    {{ rules_contest_edition_key('editions.contest_code', 'editions.edition_year') }}
        as contest_edition_key,
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    {%- for column in ['aggregation', 'trim_highest', 'trim_lowest', 'decimals', 'rounding',
                       'total', 'normalization', 'conflict_policy', 'min_evaluations',
                       'former_employer_years'] %}
    coalesce(methods.{{ column }}, defaults.{{ column }}) as {{ column }},
    {%- endfor %}
    coalesce(methods.catalog_source, 'default') as catalog_source
from editions
cross join defaults
left join methods
    on methods.contest_code = editions.contest_code
    and methods.edition_year = editions.edition_year
