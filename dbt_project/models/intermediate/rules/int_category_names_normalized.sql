-- Every name a category of an edition may be written as, normalised for matching: its official
-- Polish name, its English name, its code, the aliases of its catalog, and the
-- code before any of those names ('E04. Dział obsługi klienta roku'). One row per category
-- and normalised name; the same normalised name on two categories of an edition is ambiguous.
with categories as (
    select * from {{ ref('int_categories_usable') }}
),

aliases as (
    select * from {{ ref('int_category_aliases_cataloged') }}
),

names as (
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        categories.category_code as category_code,
        categories.category_name_pl as name_as_listed,
        'official_name' as name_kind,
        1 as kind_priority
    from categories
    union all
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        categories.category_code as category_code,
        categories.category_name_en as name_as_listed,
        'english_name' as name_kind,
        2 as kind_priority
    from categories
    union all
    select
        aliases.contest_code as contest_code,
        aliases.edition_year as edition_year,
        aliases.category_code as category_code,
        aliases.alias as name_as_listed,
        'alias' as name_kind,
        3 as kind_priority
    from aliases
),

with_codes as (
    select
        names.contest_code as contest_code,
        names.edition_year as edition_year,
        names.category_code as category_code,
        names.name_as_listed as name_as_listed,
        names.name_kind as name_kind,
        names.kind_priority as kind_priority
    from names
    union all
    select
        names.contest_code as contest_code,
        names.edition_year as edition_year,
        names.category_code as category_code,
        names.category_code || '. ' || names.name_as_listed as name_as_listed,
        'code_and_name' as name_kind,
        5 as kind_priority
    from names
    union all
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        categories.category_code as category_code,
        categories.category_code as name_as_listed,
        'code' as name_kind,
        4 as kind_priority
    from categories
),

normalized as (
    select
        with_codes.contest_code as contest_code,
        with_codes.edition_year as edition_year,
        with_codes.category_code as category_code,
        with_codes.name_as_listed as name_as_listed,
        with_codes.name_kind as name_kind,
        with_codes.kind_priority as kind_priority,
        {{ rules_normalize_name('with_codes.name_as_listed') }} as name_normalized
    from with_codes
)

select
    {{ rules_category_key('normalized.contest_code', 'normalized.edition_year', 'normalized.category_code') }}
        || ':' || normalized.name_normalized as category_name_key,
    normalized.contest_code as contest_code,
    normalized.edition_year as edition_year,
    normalized.category_code as category_code,
    {{ rules_category_key('normalized.contest_code', 'normalized.edition_year', 'normalized.category_code') }}
        as category_key,
    categories.category_name_pl as category_name_pl,
    categories.family_code as family_code,
    normalized.name_as_listed as name_as_listed,
    normalized.name_kind as name_kind,
    normalized.name_normalized as name_normalized
from normalized
inner join categories
    on normalized.contest_code = categories.contest_code
    and normalized.edition_year = categories.edition_year
    and normalized.category_code = categories.category_code
where normalized.name_normalized is not null
qualify row_number() over (
    partition by normalized.contest_code, normalized.edition_year, normalized.category_code,
        normalized.name_normalized
    order by normalized.kind_priority, normalized.name_as_listed
) = 1
