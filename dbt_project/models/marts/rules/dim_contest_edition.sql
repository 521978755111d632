-- One row per contest edition of the rules catalog, with its source document.
with editions as (
    select * from {{ ref('contest_editions') }}
),

categories as (
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        count(*) as category_count
    from {{ ref('categories') }} as categories
    group by categories.contest_code, categories.edition_year
)

select
    {{ rules_contest_edition_key('editions.contest_code', 'editions.edition_year') }}
        as contest_edition_key,
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    editions.contest_name_pl as contest_name_pl,
    editions.contest_name_en as contest_name_en,
    editions.section_name_pl as section_name_pl,
    editions.section_name_en as section_name_en,
    coalesce(categories.category_count, 0) as category_count,
    editions.source_document as source_document
from editions
left join categories
    on editions.contest_code = categories.contest_code
    and editions.edition_year = categories.edition_year
