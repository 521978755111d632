{%- set issue_tables = [
    'entries', 'cases', 'files', 'jurors', 'scores', 'conflicts', 'decisions', 'media', 'results',
    'catalog_edition', 'catalog_categories', 'catalog_category_aliases', 'catalog_lineage',
    'catalog_criteria', 'catalog_criterion_weights', 'catalog_scoring', 'catalog_award_levels',
] -%}
{%- for table in issue_tables %}
select
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    source_table as source_table,
    source_file as source_file,
    source_row as source_row,
    status as status,
    message as message
from {{ source('raw', table ~ '_issues') }}
{% if not loop.last %}union all{% endif %}
{%- endfor %}
