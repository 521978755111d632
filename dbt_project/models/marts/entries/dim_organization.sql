{#- One row per organization however its name is spelled across rows, editions and
    contests (entrants' and jurors' organizations alike). -#}
with spellings as (
    select * from {{ ref('int_organizations_normalized') }}
    where organization_key is not null
),

spelling_rows as (
    select entries.organization_as_written as organization_as_written, count(*) as row_count
    from {{ ref('stg_raw__entries') }} as entries
    group by entries.organization_as_written
    union all
    select jurors.organization_as_written as organization_as_written, count(*) as row_count
    from {{ ref('stg_raw__jurors') }} as jurors
    group by jurors.organization_as_written
),

named as (
    select
        spellings.organization_key as organization_key,
        any_value(spellings.organization_name_normalized) as organization_name_normalized,
        -- The spelling written most often names the organization; ties go alphabetically.
        first(spellings.organization_as_written order by usage.row_count desc, spellings.organization_as_written)
            as organization_name,
        list_sort(list(distinct spellings.organization_as_written)) as spellings
    from spellings
    inner join (
        select
            spelling_rows.organization_as_written as organization_as_written,
            sum(spelling_rows.row_count) as row_count
        from spelling_rows
        group by spelling_rows.organization_as_written
    ) as usage
        on spellings.organization_as_written = usage.organization_as_written
    group by spellings.organization_key
),

entered as (
    select
        entries.organization_key as organization_key,
        count(*) as entry_rows,
        count(distinct entries.contest_code || '-' || entries.edition_year) as contest_editions_entered,
        min(entries.edition_year) as first_edition_year,
        max(entries.edition_year) as last_edition_year
    from {{ ref('int_entries_keyed') }} as entries
    where entries.organization_key is not null
    group by entries.organization_key
),

juried as (
    select distinct spellings.organization_key as organization_key
    from {{ ref('stg_raw__jurors') }} as jurors
    inner join spellings
        on jurors.organization_as_written = spellings.organization_as_written
)

select
    named.organization_key as organization_key,
    named.organization_name as organization_name,
    named.organization_name_normalized as organization_name_normalized,
    named.spellings as spellings,
    len(named.spellings) as spelling_count,
    coalesce(entered.entry_rows, 0) as entry_rows,
    coalesce(entered.contest_editions_entered, 0) as contest_editions_entered,
    entered.first_edition_year as first_edition_year,
    entered.last_edition_year as last_edition_year,
    juried.organization_key is not null as has_jurors
from named
left join entered
    on named.organization_key = entered.organization_key
left join juried
    on named.organization_key = juried.organization_key
