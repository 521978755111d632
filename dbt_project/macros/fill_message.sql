{#- A message template of a catalog seed (a column holding e.g. 'Juror {juror_id} ...')
    filled in: each {name} becomes the value of the SQL expression values[name], written as
    format('{}') writes it, or nothing when it is null. The template is first rewritten to
    positional {0}, {1}, ... for format(), so a value that itself holds braces is never read
    as a placeholder; a template therefore holds no other braces. -#}
{% macro fill_message(template, values) -%}
    {%- set names = values.keys() | list -%}
    {%- set ns = namespace(positional=template) -%}
    {%- for name in names -%}
        {%- set ns.positional = "replace(" ~ ns.positional ~ ", '{" ~ name ~ "}', '{" ~ loop.index0 ~ "}')" -%}
    {%- endfor -%}
    format({{ ns.positional }}
    {%- for name in names %}, coalesce(format('{}', {{ values[name] }}), ''){% endfor %})
{%- endmacro %}
