{#- Entries, participants and organizations per contest edition and category family, so
    that editions with different categories compare (2024 'Sprzedaż lub retencja' against
    2026 'Sprzedaż' plus 'Utrzymanie i lojalizacja'). Families of the catalog that an
    edition has categories in count 0 when nobody entered them; entries whose category
    could not be resolved make one row per edition with a null family. -#}
with entries as (
    select
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.family_code as family_code,
        count(*) as entries,
        count(distinct entries.category_code) as categories_entered,
        count(distinct entries.participant_key) as participants,
        count(distinct entries.organization_key) as organizations
    from {{ ref('fct_entries') }} as entries
    group by entries.contest_code, entries.edition_year, entries.family_code
),

edition_families as (
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        categories.family_code as family_code,
        count(*) as categories_in_edition
    from {{ ref('dim_category') }} as categories
    group by categories.contest_code, categories.edition_year, categories.family_code
)

select
    coalesce(edition_families.contest_code, entries.contest_code) as contest_code,
    coalesce(edition_families.edition_year, entries.edition_year) as edition_year,
    edition_families.family_code as family_code,
    families.family_name_pl as family_name_pl,
    families.family_name_en as family_name_en,
    coalesce(edition_families.categories_in_edition, 0) as categories_in_edition,
    coalesce(entries.categories_entered, 0) as categories_entered,
    coalesce(entries.entries, 0) as entries,
    coalesce(entries.participants, 0) as participants,
    coalesce(entries.organizations, 0) as organizations
from edition_families
full outer join entries
    on edition_families.contest_code = entries.contest_code
    and edition_families.edition_year = entries.edition_year
    and edition_families.family_code = entries.family_code
left join {{ ref('dim_category_family') }} as families
    on edition_families.family_code = families.family_code
