{#- Sponsors see a count only when it reaches the minimum cell size (var
    sponsor_min_cell_count, 3 unless set): a smaller count could point at a single entrant. -#}
{% macro sponsor_suppress(count_expression) -%}
    case
        when {{ count_expression }} >= {{ var('sponsor_min_cell_count', 3) }}
            then {{ count_expression }}
    end
{%- endmacro %}

{% macro sponsor_is_suppressed(count_expressions) -%}
    (
        {%- for expression in count_expressions %}
        {{ expression }} < {{ var('sponsor_min_cell_count', 3) }}{% if not loop.last %} or{% endif %}
        {%- endfor %}
    )
{%- endmacro %}
