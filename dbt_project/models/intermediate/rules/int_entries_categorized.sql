-- Each received entry row with the category its written name resolves to. The written name
-- is normalised (rules_normalize_name) and matched against every name of the categories of
-- the entry's own edition; one category matched resolves it, several make it ambiguous, none
-- leaves it unknown. Nothing is guessed: an unresolved row keeps a null category_code and a
-- reason.
with entries as (
    select
        entries.entry_row_key as entry_row_key,
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        entries.category_as_written as category_as_written,
        {{ rules_normalize_name('entries.category_as_written') }} as category_name_normalized
    from {{ ref('stg_raw__entries') }} as entries
),

names as (
    select * from {{ ref('int_category_names_normalized') }}
),

editions as (
    select * from {{ ref('int_editions_cataloged') }}
),

matches as (
    select
        entries.entry_row_key as entry_row_key,
        count(distinct names.category_code) as matched_count,
        min(names.category_code) as category_code,
        min(names.category_key) as category_key,
        min(names.family_code) as family_code,
        array_to_string(list_sort(list(distinct names.category_code)), ', ') as matched_codes,
        bool_or(trim(entries.category_as_written) = names.category_name_pl) as is_exact
    from entries
    inner join names
        on entries.contest_code = names.contest_code
        and entries.edition_year = names.edition_year
        and entries.category_name_normalized = names.name_normalized
    group by entries.entry_row_key
),

elsewhere as (
    -- The contest's other editions where the written name is a category: said in the reason
    -- (e.g. 'Reklamacja' written in 2026 is a 2024 category), never used to resolve.
    select
        entries.entry_row_key as entry_row_key,
        array_to_string(
            list_sort(
                list(distinct names.contest_code || ' ' || cast(names.edition_year as varchar))
            ),
            ', '
        ) as other_editions
    from entries
    inner join names
        on entries.contest_code = names.contest_code
        and entries.edition_year <> names.edition_year
        and entries.category_name_normalized = names.name_normalized
    group by entries.entry_row_key
),

resolved as (
    select
        entries.entry_row_key as entry_row_key,
        entries.contest_code as contest_code,
        entries.edition_year as edition_year,
        entries.entry_id as entry_id,
        entries.category_as_written as category_as_written,
        entries.category_name_normalized as category_name_normalized,
        matches.matched_count as matched_count,
        matches.category_code as category_code,
        matches.category_key as category_key,
        matches.family_code as family_code,
        matches.matched_codes as matched_codes,
        matches.is_exact as is_exact,
        coalesce(editions.catalog_status, 'missing') = 'ok' as is_known_edition,
        editions.catalog_problem as catalog_problem,
        elsewhere.other_editions as other_editions
    from entries
    left join matches
        on entries.entry_row_key = matches.entry_row_key
    left join editions
        on entries.contest_code = editions.contest_code
        and entries.edition_year = editions.edition_year
    left join elsewhere
        on entries.entry_row_key = elsewhere.entry_row_key
)

select
    resolved.entry_row_key as entry_row_key,
    resolved.contest_code as contest_code,
    resolved.edition_year as edition_year,
    resolved.entry_id as entry_id,
    resolved.category_as_written as category_as_written,
    resolved.category_name_normalized as category_name_normalized,
    case when resolved.matched_count = 1 then resolved.category_code end as category_code,
    case when resolved.matched_count = 1 then resolved.category_key end as category_key,
    case when resolved.matched_count = 1 then resolved.family_code end as family_code,
    case
        when resolved.matched_count = 1 and resolved.is_exact then 'exact'
        when resolved.matched_count = 1 then 'alias'
        when resolved.matched_count > 1 then 'ambiguous'
        else 'unknown'
    end as category_resolution,
    case
        when not resolved.is_known_edition then coalesce(
            resolved.catalog_problem,
            'edition ' || coalesce(resolved.contest_code, '?') || ' '
            || coalesce(cast(resolved.edition_year as varchar), '?')
            || ' is not in the rules catalog'
        )
        when resolved.category_name_normalized is null then 'no category written'
        when resolved.matched_count > 1 then
            'category ''' || resolved.category_as_written || ''' names several categories of '
            || resolved.contest_code || ' ' || cast(resolved.edition_year as varchar) || ': '
            || resolved.matched_codes
        when resolved.matched_count is null then
            'category ''' || resolved.category_as_written || ''' matches no category of '
            || resolved.contest_code || ' ' || cast(resolved.edition_year as varchar)
            || coalesce(' (it is a category of ' || resolved.other_editions || ')', '')
    end as category_resolution_reason
from resolved
