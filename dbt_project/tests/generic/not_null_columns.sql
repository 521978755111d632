{#-
    None of the given columns holds a null. One test per model instead of one not_null per
    column: each test is an asset check that Dagster records twice per build, so this keeps
    the build's fixed cost down while failing on every row a per-column not_null would.
    Returns one row per null cell: the column that is null (null_column) and the whole row,
    so the failure count is the number of null cells, as the per-column tests summed to.
-#}
{% test not_null_columns(model, columns) %}
{%- for column in columns %}
{%- if not loop.first %}
union all
{%- endif %}
select
    '{{ column }}' as null_column,
    checked.*
from {{ model }} as checked
where checked.{{ column }} is null
{%- endfor %}
{% endtest %}
