{#-
    The normalised list column holds exactly the codes of the words of the as-written column,
    looked up in the rule_terms vocabulary for term_kind. The as-written cell lists words
    separated by ' lub ' (or) or ', '; the normalised column separates codes with '|'.
    Returns the rows where they differ, including words the vocabulary does not know.
-#}
{% test rules_terms_match(model, column_name, as_written_column, term_kind) %}
with cells as (
    select
        row_number() over () as cell_id,
        {{ as_written_column }} as as_written,
        {{ column_name }} as normalized
    from {{ model }}
    where {{ as_written_column }} is not null
),

words as (
    select
        cells.cell_id as cell_id,
        unnest(regexp_split_to_array(cells.as_written, ' lub |, ')) as word
    from cells
),

translated as (
    select
        words.cell_id as cell_id,
        list_sort(list(coalesce(terms.code, '?' || words.word))) as codes
    from words
    left join {{ ref('rule_terms') }} as terms
        on terms.term_kind = '{{ term_kind }}'
        and terms.term_as_written = words.word
    group by words.cell_id
)

select
    cells.as_written as as_written,
    cells.normalized as normalized,
    translated.codes as codes_from_vocabulary
from cells
inner join translated
    on cells.cell_id = translated.cell_id
where cells.normalized is null
    or translated.codes <> list_sort(string_split(cells.normalized, '|'))
{% endtest %}
