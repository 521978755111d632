with cells as (
    select
        participation.*,
        {{ sponsor_entries_withheld(
            'participation.entries',
            ['participation.contest_code', 'participation.edition_year'],
            'participation.family_code'
        ) }} as is_entries_withheld
    from {{ ref('participation_by_family') }} as participation
)

select
    cells.contest_code as contest_code,
    cells.edition_year as edition_year,
    cells.family_code as family_code,
    cells.family_name_pl as family_name_pl,
    cells.family_name_en as family_name_en,
    case when not cells.is_entries_withheld then cells.entries end as entries,
    {{ sponsor_suppress('cells.organizations') }} as organizations,
    cells.is_entries_withheld or {{ sponsor_is_suppressed(['cells.organizations']) }}
        as is_suppressed
from cells
