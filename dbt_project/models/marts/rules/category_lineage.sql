-- What each category of an edition became in a later edition of its contest, one row per link
-- (built-in links and those of the drop-folder catalogs' lineage.csv).
with links as (
    select * from {{ ref('int_category_links_cataloged') }}
),

categories as (
    select * from {{ ref('dim_category') }}
),

keyed as (
    select
        case when links.from_category_code is not null then
            {{ rules_category_key('links.from_contest_code', 'links.from_edition_year', 'links.from_category_code') }}
        end as from_category_key,
        case when links.to_category_code is not null then
            {{ rules_category_key('links.to_contest_code', 'links.to_edition_year', 'links.to_category_code') }}
        end as to_category_key,
        links.*
    from links
)

select
    concat_ws(' > ', coalesce(keyed.from_category_key, 'none'), coalesce(keyed.to_category_key, 'none'))
        as lineage_key,
    keyed.relation as relation,
    keyed.from_contest_code as from_contest_code,
    keyed.from_edition_year as from_edition_year,
    keyed.from_category_code as from_category_code,
    keyed.from_category_key as from_category_key,
    from_category.category_name_pl as from_category_name_pl,
    keyed.to_contest_code as to_contest_code,
    keyed.to_edition_year as to_edition_year,
    keyed.to_category_code as to_category_code,
    keyed.to_category_key as to_category_key,
    to_category.category_name_pl as to_category_name_pl,
    coalesce(from_category.family_code, to_category.family_code) as family_code,
    keyed.note_en as note_en
from keyed
left join categories as from_category
    on keyed.from_category_key = from_category.category_key
left join categories as to_category
    on keyed.to_category_key = to_category.category_key
-- A link into or out of a category no usable catalog has is a catalog finding
-- (fct_ingest_issues), not lineage.
where (keyed.from_category_key is null or from_category.category_key is not null)
    and (keyed.to_category_key is null or to_category.category_key is not null)
