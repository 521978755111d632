select
    participation.contest_code as contest_code,
    participation.edition_year as edition_year,
    participation.family_code as family_code,
    participation.family_name_pl as family_name_pl,
    participation.family_name_en as family_name_en,
    {{ sponsor_suppress('participation.entries') }} as entries,
    {{ sponsor_suppress('participation.organizations') }} as organizations,
    {{ sponsor_is_suppressed(['participation.entries', 'participation.organizations']) }}
        as is_suppressed
from {{ ref('participation_by_family') }} as participation
