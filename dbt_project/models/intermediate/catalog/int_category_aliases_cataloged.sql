-- Every alias of every edition's categories: the built-in category_aliases seed for editions
-- whose drop folder has no catalog/category_aliases.csv rows, those rows where it has.
with own as (
    select * from {{ ref('stg_raw__catalog_category_aliases') }}
    where alias is not null and category_code is not null
),

own_editions as (
    select distinct own.contest_code as contest_code, own.edition_year as edition_year
    from own
)

select
    built_in.contest_code as contest_code,
    built_in.edition_year as edition_year,
    built_in.alias as alias,
    built_in.category_code as category_code,
    built_in.alias_kind as alias_kind,
    'built_in' as catalog_source
from {{ ref('category_aliases') }} as built_in
anti join own_editions
    on built_in.contest_code = own_editions.contest_code
    and built_in.edition_year = own_editions.edition_year
union all
select
    own.contest_code as contest_code,
    own.edition_year as edition_year,
    own.alias as alias,
    own.category_code as category_code,
    'catalog' as alias_kind,
    'drop_folder' as catalog_source
from own
