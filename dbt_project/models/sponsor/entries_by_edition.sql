select
    entries.contest_code as contest_code,
    entries.edition_year as edition_year,
    count(*) as entries
from {{ ref('fct_entries') }} as entries
group by entries.contest_code, entries.edition_year
