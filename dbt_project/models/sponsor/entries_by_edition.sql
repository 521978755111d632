select
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    {{ sponsor_suppress('count(*)') }} as entries,
    {{ sponsor_suppress('count(distinct entries.organization_key)') }} as organizations,
    {{ sponsor_is_suppressed(['count(*)', 'count(distinct entries.organization_key)']) }}
        as is_suppressed
from {{ ref('fct_entries') }} as entries
group by entries.contest_code, entries.edition_year
