{#- One row per distinct organization spelling that a juror's former employers or a declared
    conflict name, with the match key an entrant of that organization has however either is
    written (macro organization_names_normalized, as int_organizations_normalized). These
    spellings stay out of marts.dim_organization: they only find entries. -#}
with spellings as (
    select distinct former.organization_as_written as organization_as_written
    from {{ ref('int_former_employers_parsed') }} as former
    where former.organization_as_written is not null
    union
    select distinct conflicts.organization_as_written as organization_as_written
    from {{ ref('stg_raw__conflicts') }} as conflicts
    where conflicts.organization_as_written is not null
)

{{ organization_names_normalized('spellings') }}
