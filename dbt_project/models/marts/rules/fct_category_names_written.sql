-- One row per contest edition and category name as entrants wrote it, with how it resolved:
-- the organizers' list of spellings to accept (add an alias) or to query with the entrant.
select
    -- '=' marks a written name so that an empty name and no name at all stay distinct keys.
    {{ rules_contest_edition_key('categorized.contest_code', 'categorized.edition_year') }}
        || ':' || coalesce('=' || categorized.category_as_written, 'null') as category_name_written_key,
    categorized.contest_code as contest_code,
    categorized.edition_year as edition_year,
    categorized.category_as_written as category_as_written,
    any_value(categorized.category_name_normalized) as category_name_normalized,
    any_value(categorized.category_resolution) as category_resolution,
    any_value(categorized.category_code) as category_code,
    any_value(categorized.category_key) as category_key,
    any_value(categorized.category_resolution_reason) as category_resolution_reason,
    count(*) as entry_rows
from {{ ref('int_entries_categorized') }} as categorized
group by categorized.contest_code, categorized.edition_year, categorized.category_as_written
