{#-
    The organization match name and key of every spelling in `spellings` (a relation or CTE
    with a column organization_as_written), as a query: one row per row of `spellings`, with
    organization_name_normalized and organization_key. The spelling is simplified (case,
    diacritics, quotes, punctuation, spaces), then the legal forms listed in the seed
    organization_legal_forms are cut off its end (twice, for "Sp. z o.o. Sp.k.") and, where a
    form may lead (Ukrainian ТОВ), off its start. Entrants' and jurors' spellings get theirs in
    int_organizations_normalized; a spelling named elsewhere (a former employer, a declared
    conflict) gets the same key here without becoming an organization of the star schema.
-#}
{% macro organization_names_normalized(spellings) -%}
select
    stripped.organization_as_written as organization_as_written,
    nullif(stripped.normalized_name, '') as organization_name_normalized,
    md5(nullif(stripped.normalized_name, '')) as organization_key
from (
    with patterns as (
        select
            '\s(' || coalesce(string_agg(forms.legal_form, '|' order by length(forms.legal_form) desc), '') || ')$'
                as trailing_form_pattern,
            '^(' || coalesce(string_agg(forms.legal_form, '|' order by length(forms.legal_form) desc)
                filter (where forms.may_lead), '') || ')\s' as leading_form_pattern
        from {{ ref('organization_legal_forms') }} as forms
    ),

    simplified as (
        select
            spellings.organization_as_written as organization_as_written,
            -- Ł has no Unicode decomposition, so strip_accents alone would keep it.
            trim(regexp_replace(
                strip_accents(lower(translate(spellings.organization_as_written, 'Łł', 'll'))),
                '[^\pL\pN]+', ' ', 'g'
            )) as simplified_name
        from {{ spellings }} as spellings
    )

    select
        simplified.organization_as_written as organization_as_written,
        trim(regexp_replace(
            regexp_replace(
                regexp_replace(simplified.simplified_name, patterns.trailing_form_pattern, ''),
                patterns.trailing_form_pattern, ''
            ),
            patterns.leading_form_pattern, ''
        )) as normalized_name
    from simplified
    cross join patterns
) as stripped
{%- endmacro %}
