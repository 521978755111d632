-- Every catalogued category with the family it is compared in over the years. A category
-- whose catalog gives no family_code belongs to the family of the nearest earlier category it
-- continues (lineage `same`, `renamed`, `merged_into`), followed back through any number of
-- editions and across gaps; one that continues none starts a family of its own, coded
-- <contest>_<category code> of the earliest category of its line.
with recursive categories as (
    select * from {{ ref('int_categories_cataloged') }}
),

links as (
    select
        {{ rules_category_key('links.from_contest_code', 'links.from_edition_year', 'links.from_category_code') }}
            as from_category_key,
        {{ rules_category_key('links.to_contest_code', 'links.to_edition_year', 'links.to_category_code') }}
            as to_category_key
    from {{ ref('int_category_links_cataloged') }} as links
    where links.relation in ('same', 'renamed', 'merged_into')
        and links.from_category_code is not null
        and links.to_category_code is not null
),

ancestry(category_key, ancestor_key, depth) as (
    select categories.category_key, categories.category_key, 0
    from categories
    where nullif(trim(categories.family_code), '') is null
    union all
    select ancestry.category_key, links.from_category_key, ancestry.depth + 1
    from ancestry
    inner join links
        on links.to_category_key = ancestry.ancestor_key
    -- Links lead back in time, so a line ends; the bound only guards against a bad seed.
    where ancestry.depth < 1000
),

resolved as (
    select
        ancestry.category_key as category_key,
        arg_min(
            nullif(trim(ancestor.family_code), ''),
            [ancestry.depth, 0]
        ) filter (where nullif(trim(ancestor.family_code), '') is not null) as inherited_family_code,
        arg_max(
            ancestor.contest_code || '_' || ancestor.category_code,
            [ancestry.depth, -ancestor.edition_year]
        ) as root_family_code,
        max(ancestry.depth) > 0 as continues_another
    from ancestry
    inner join categories as ancestor
        on ancestor.category_key = ancestry.ancestor_key
    group by ancestry.category_key
)

select
    categories.* exclude (family_code),
    coalesce(
        nullif(trim(categories.family_code), ''),
        resolved.inherited_family_code,
        resolved.root_family_code
    ) as family_code,
    case
        when nullif(trim(categories.family_code), '') is not null then 'catalog'
        when resolved.continues_another then 'lineage'
        else 'own'
    end as family_source
from categories
left join resolved
    on resolved.category_key = categories.category_key
