{#-
    A category name as entrants write it, reduced to a comparable form: diacritics stripped
    (strip_accents, plus the Polish ł, which Unicode does not decompose), lowercase, every run
    of characters that are not letters or digits (hyphens, dots, brackets, non-breaking and
    repeated spaces) made one space, trimmed. 'Help-desk', 'help desk' and ' HELP–DESK ' all
    become 'help desk'; Cyrillic letters are kept.
-#}
{% macro rules_normalize_name(expression) -%}
    nullif(trim(regexp_replace(
        lower(translate(strip_accents({{ expression }}), 'łŁ', 'lL')),
        '[^\p{L}\p{N}]+', ' ', 'g'
    )), '')
{%- endmacro %}

{#- The readable key of a category in one contest edition, e.g. 'PCCA-2026-SPRZEDAZ'. -#}
{% macro rules_category_key(contest_code, edition_year, category_code) -%}
    ({{ contest_code }} || '-' || cast({{ edition_year }} as varchar) || '-' || {{ category_code }})
{%- endmacro %}

{#- The readable key of a contest edition, e.g. 'PCCA-2026' (the drop-folder name). -#}
{% macro rules_contest_edition_key(contest_code, edition_year) -%}
    ({{ contest_code }} || '-' || cast({{ edition_year }} as varchar))
{%- endmacro %}
