{#- Every non-null value of the column is one of the values of a column of a seed (or any
    model), optionally of its rows where seed_where holds: code lists live in data files, so
    a new code needs no change to the tests. -#}
{% test accepted_values_from_seed(model, column_name, seed, seed_column, seed_where=none) %}
select distinct
    checked.{{ column_name }} as unaccepted_value
from {{ model }} as checked
where checked.{{ column_name }} is not null
    and checked.{{ column_name }} not in (
        select listed.{{ seed_column }}
        from {{ seed }} as listed
        where listed.{{ seed_column }} is not null
            {%- if seed_where %} and ({{ seed_where }}){% endif %}
    )
{% endtest %}
