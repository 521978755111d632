{#- Every non-null value of the column is at least the minimum. -#}
{% test not_below(model, column_name, minimum) %}
select checked.{{ column_name }} as value_below_minimum
from {{ model }} as checked
where checked.{{ column_name }} < {{ minimum }}
{% endtest %}
