with cells as (
    select
        participation.*,
        {{ sponsor_entries_withheld(
            'participation.entries',
            ['participation.contest_code', 'participation.edition_year'],
            'participation.category_code'
        ) }} as is_entries_withheld
    from {{ ref('participation_by_category') }} as participation
)

select
    cells.contest_code as contest_code,
    cells.edition_year as edition_year,
    cells.category_code as category_code,
    cells.category_name_pl as category_name_pl,
    cells.category_name_en as category_name_en,
    cells.family_code as family_code,
    case when not cells.is_entries_withheld then cells.entries end as entries,
    {{ sponsor_suppress('cells.organizations') }} as organizations,
    cells.is_entries_withheld or {{ sponsor_is_suppressed(['cells.organizations']) }}
        as is_suppressed
from cells
