-- One row per category family: categories of several editions compared as one over the years.
-- Names come from the category_families seed, or, for a family only a drop-folder catalog
-- knows, from its latest category.
with members as (
    select
        categories.family_code as family_code,
        arg_max(categories.contest_code, [categories.edition_year, -categories.category_sort_order])
            as contest_code,
        arg_max(categories.category_name_pl, [categories.edition_year, -categories.category_sort_order])
            as latest_name_pl,
        arg_max(categories.category_name_en, [categories.edition_year, -categories.category_sort_order])
            as latest_name_en,
        min(categories.edition_year) as first_edition_year,
        max(categories.edition_year) as last_edition_year,
        count(*) as category_count
    from {{ ref('dim_category') }} as categories
    group by categories.family_code
),

families as (
    select family_code from {{ ref('category_families') }}
    union
    select family_code from members
)

select
    families.family_code as family_code,
    coalesce(seeded.contest_code, members.contest_code) as contest_code,
    coalesce(seeded.family_name_pl, members.latest_name_pl) as family_name_pl,
    coalesce(seeded.family_name_en, members.latest_name_en) as family_name_en,
    coalesce(
        seeded.description_en,
        'Categories continuing one another through the catalogs'' lineage, named after the latest.'
    ) as description_en,
    members.first_edition_year as first_edition_year,
    members.last_edition_year as last_edition_year,
    coalesce(members.category_count, 0) as category_count
from families
left join {{ ref('category_families') }} as seeded
    on seeded.family_code = families.family_code
left join members
    on members.family_code = families.family_code
