{#- Entries, participants and organizations per contest edition and category: every
    category of the rules catalog (0 when nobody entered it) and, per edition, one row of
    the entries whose category could not be resolved (null category). -#}
with entries as (
    select
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.category_key as category_key,
        count(*) as entries,
        count(*) filter (where entries.is_duplicate_entry_id) as duplicate_entry_rows,
        count(distinct entries.participant_key) as participants,
        count(distinct entries.organization_key) as organizations
    from {{ ref('fct_entries') }} as entries
    group by entries.contest_code, entries.edition_year, entries.category_key
),

categories as (
    select * from {{ ref('dim_category') }}
)

select
    coalesce(categories.contest_code, entries.contest_code) as contest_code,
    coalesce(categories.edition_year, entries.edition_year) as edition_year,
    categories.category_key as category_key,
    categories.category_code as category_code,
    categories.category_name_pl as category_name_pl,
    categories.category_name_en as category_name_en,
    categories.family_code as family_code,
    coalesce(entries.entries, 0) as entries,
    coalesce(entries.duplicate_entry_rows, 0) as duplicate_entry_rows,
    coalesce(entries.participants, 0) as participants,
    coalesce(entries.organizations, 0) as organizations
from categories
full outer join entries
    on categories.category_key = entries.category_key
