select
    md5(concat_ws('|', contest_code, edition_year, _source_file, _source_row)) as entry_row_key,
    contest_code as contest_code,
    cast(edition_year as integer) as edition_year,
    entry_id as entry_id,
    category as category_as_written,
    coalesce(participant_name, nominee) as participant_name,
    organization as organization_as_written,
    country as country,
    try_cast(submitted_at as timestamp) as submitted_at,
    -- Entrants write dates the ISO way or the Polish way (day.month.year).
    coalesce(
        try_cast(trim(achievements_from) as date),
        cast(try_strptime(trim(achievements_from), '%d.%m.%Y') as date)
    ) as achievements_from,
    nullif(trim(achievements_from), '') as achievements_from_as_written,
    essay as essay,
    summary as summary,
    attachments_note as attachments_note,
    links as links,
    previous_win_category as previous_win_category,
    updated_since_win as updated_since_win,
    extra_columns as extra_columns,
    _source_file as source_file,
    _source_row as source_row,
    _loaded_at as loaded_at
from {{ source('raw', 'entries') }}
