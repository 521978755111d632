{% macro scoring_organization_key(column) -%}
    {#- Organization match key for conflicts of interest: case, spacing and punctuation ignored. -#}
    nullif(regexp_replace(lower(trim({{ column }})), '[^[:alnum:]]+', '', 'g'), '')
{%- endmacro %}
