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

{#- Whether a row's entry count is withheld: it is under the minimum cell size, or it is the
    smallest published count of a group (a contest edition) in which exactly one other count
    is under the minimum. Entry counts add up to the edition's published total, so a single
    withheld cell could otherwise be recovered by subtraction. -#}
{% macro sponsor_entries_withheld(entries, partition_by, tie_breaker) -%}
    (
        {{ entries }} < {{ var('sponsor_min_cell_count', 3) }}
        or (
            count(*) filter (where {{ entries }} < {{ var('sponsor_min_cell_count', 3) }})
                over (partition by {{ partition_by | join(', ') }}) = 1
            and row_number() over (
                partition by {{ partition_by | join(', ') }},
                    {{ entries }} < {{ var('sponsor_min_cell_count', 3) }}
                order by {{ entries }}, {{ tie_breaker }} nulls first
            ) = 1
        )
    )
{%- endmacro %}
