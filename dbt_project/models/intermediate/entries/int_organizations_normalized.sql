{#- One row per distinct organization spelling (entries and jurors) with its match key
    (macro organization_names_normalized: case, diacritics, quotes, punctuation, spaces and
    the legal forms of seed organization_legal_forms do not make another organization). -#}
with spellings as (
    select distinct entries.organization_as_written as organization_as_written
    from {{ ref('stg_raw__entries') }} as entries
    where entries.organization_as_written is not null
    union
    select distinct jurors.organization_as_written as organization_as_written
    from {{ ref('stg_raw__jurors') }} as jurors
    where jurors.organization_as_written is not null
)

{{ organization_names_normalized('spellings') }}
