-- One row per entry id of an edition, with what scoring needs: category (as the rules
-- catalog resolves it), interaction form, sales nature and organization. A duplicated entry
-- id keeps its first row. Formal validity is a verdict, read after the checks
-- (verdicts.int_entry_scores_aggregated), so scoring's measurements do not wait for them.
with numbered as (
    select
        entries.entry_row_key as entry_row_key,
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        entries.category_code as category_code,
        entries.category_key as category_key,
        entries.organization_key as organization_key,
        row_number() over (
            partition by entries.contest_code, entries.edition_year, entries.entry_id
            order by entries.source_row
        ) as row_in_entry
    from {{ ref('int_entries_keyed') }} as entries
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
    numbered.organization_key as organization_key
from numbered
left join {{ ref('int_categories_usable') }} as categories
    on categories.category_key = numbered.category_key
left join {{ ref('scoring_sales_categories') }} as sales
    on sales.contest_code = numbered.contest_code
    and sales.edition_year = numbered.edition_year
    and sales.category_code = numbered.category_code
where numbered.row_in_entry = 1
