-- One row per category family: categories of several editions compared as one over the years.
with families as (
    select * from {{ ref('category_families') }}
),

members as (
    select
        categories.family_code as family_code,
        min(categories.edition_year) as first_edition_year,
        max(categories.edition_year) as last_edition_year,
        count(*) as category_count
    from {{ ref('categories') }} as categories
    group by categories.family_code
)

select
    families.family_code as family_code,
    families.contest_code as contest_code,
    families.family_name_pl as family_name_pl,
    families.family_name_en as family_name_en,
    families.description_en as description_en,
    members.first_edition_year as first_edition_year,
    members.last_edition_year as last_edition_year,
    coalesce(members.category_count, 0) as category_count
from families
left join members
    on families.family_code = members.family_code
