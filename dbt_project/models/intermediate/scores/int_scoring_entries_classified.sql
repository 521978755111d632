-- One row per entry id of an edition, with what scoring needs: category (as the rules
-- catalog resolves it), interaction form, sales nature, organization and formal validity.
-- A duplicated entry id keeps its first row. Validity is the formal checks' verdict; an
-- entry they could not judge is not ranked.
with numbered as (
    select
        entries.entry_row_key as entry_row_key,
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        entries.category_code as category_code,
        entries.category_key as category_key,
        entries.organization_key as organization_key,
        entries.is_formally_valid as is_formally_valid,
        row_number() over (
            partition by entries.contest_code, entries.edition_year, entries.entry_id
            order by entries.source_row
        ) as row_in_entry
    from {{ ref('fct_entries') }} as entries
    where entries.entry_id is not null
)

select
    numbered.entry_row_key as entry_row_key,
    numbered.contest_code as contest_code,
    numbered.edition_year as edition_year,
    numbered.entry_id as entry_id,
    numbered.category_code as category_code,
    numbered.category_key as category_key,
    categories.interaction_form as interaction_form,
    sales.category_code is not null as is_sales,
    numbered.organization_key as organization_key,
    coalesce(numbered.is_formally_valid, false) as is_formally_valid
from numbered
left join {{ ref('dim_category') }} as categories
    on categories.category_key = numbered.category_key
left join {{ ref('scoring_sales_categories') }} as sales
    on sales.contest_code = numbered.contest_code
    and sales.edition_year = numbered.edition_year
    and sales.category_code = numbered.category_code
where numbered.row_in_entry = 1
