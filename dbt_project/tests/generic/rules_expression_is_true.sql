{#- Every row of the model satisfies the SQL expression; returns the rows that do not. -#}
{% test rules_expression_is_true(model, expression) %}
select *
from {{ model }}
where not coalesce(({{ expression }}), false)
{% endtest %}
