{#-
    The order that ranks a category's entries (marts.fct_results): official score, ties
    broken by raw score, both rounded to 6 decimals so that binary noise never splits a tie.
    `relation` is the alias of a relation with both columns.
-#}
{% macro results_rank_order(relation) -%}
    round({{ relation }}.official_score, 6) desc, round({{ relation }}.raw_score, 6) desc
{%- endmacro %}
