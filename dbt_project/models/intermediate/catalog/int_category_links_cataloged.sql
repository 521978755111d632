-- Every lineage link: the built-in category_lineage_links seed, and the links of each
-- edition's catalog/lineage.csv (each row says which earlier category the edition's category
-- continues). A drop folder's lineage.csv replaces the built-in links into that edition.
with own as (
    select * from {{ ref('stg_raw__catalog_lineage') }}
),

own_editions as (
    select distinct own.to_contest_code as contest_code, own.to_edition_year as edition_year
    from own
),

built_in as (
    select
        links.*,
        -- A link belongs to the edition it leads into; a 'dropped' link to the one it leaves.
        coalesce(links.to_contest_code, links.from_contest_code) as owner_contest_code,
        coalesce(links.to_edition_year, links.from_edition_year) as owner_edition_year
    from {{ ref('category_lineage_links') }} as links
)

select
    built_in.from_contest_code as from_contest_code,
    built_in.from_edition_year as from_edition_year,
    built_in.from_category_code as from_category_code,
    built_in.to_contest_code as to_contest_code,
    built_in.to_edition_year as to_edition_year,
    built_in.to_category_code as to_category_code,
    built_in.relation as relation,
    built_in.note_en as note_en,
    'built_in' as catalog_source
from built_in
anti join own_editions
    on built_in.owner_contest_code = own_editions.contest_code
    and built_in.owner_edition_year = own_editions.edition_year
union all
select
    own.from_contest_code as from_contest_code,
    own.from_edition_year as from_edition_year,
    own.from_category_code as from_category_code,
    own.to_contest_code as to_contest_code,
    own.to_edition_year as to_edition_year,
    own.to_category_code as to_category_code,
    own.relation as relation,
    own.note_en as note_en,
    'drop_folder' as catalog_source
from own
where own.from_contest_code is not null
    and own.from_edition_year is not null
    and own.from_category_code is not null
    and own.to_category_code is not null
qualify row_number() over (
    partition by own.from_contest_code, own.from_edition_year, own.from_category_code,
        own.to_contest_code, own.to_edition_year, own.to_category_code
    order by own.source_row
) = 1
