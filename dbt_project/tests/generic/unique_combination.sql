{#- No two rows share the same values of all the given columns (nulls count as a value). -#}
{% test unique_combination(model, combination) %}
select
    {{ combination | join(', ') }},
    count(*) as duplicate_rows
from {{ model }}
group by {{ combination | join(', ') }}
having count(*) > 1
{% endtest %}
