select
    participation.contest_code as contest_code,
    participation.edition_year as edition_year,
    participation.category_code as category_code,
    participation.category_name_pl as category_name_pl,
    participation.category_name_en as category_name_en,
    participation.family_code as family_code,
    {{ sponsor_suppress('participation.entries') }} as entries,
    {{ sponsor_suppress('participation.organizations') }} as organizations,
    {{ sponsor_is_suppressed(['participation.entries', 'participation.organizations']) }}
        as is_suppressed
from {{ ref('participation_by_category') }} as participation
