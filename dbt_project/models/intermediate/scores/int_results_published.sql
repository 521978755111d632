-- Every row of the editions' results.csv (published results), with what it says of one entry
-- and whether it can be taken: its entry id must be one of the edition's entries, its rank a
-- positive whole number, and the entry listed once. A row that cannot be taken keeps a
-- status and message (reported in fct_ingest_issues) and is not used.
with results as (
    select
        results.*,
        row_number() over (
            partition by results.contest_code, results.edition_year, results.entry_id
            order by results.source_row
        ) as row_in_entry
    from {{ ref('stg_raw__results') }} as results
),

entries as (
    select * from {{ ref('int_scoring_entries_classified') }}
),

levels as (
    select * from {{ ref('int_award_levels_cataloged') }}
),

checked as (
    select
        results.*,
        entries.entry_row_key as entry_row_key,
        entries.category_code as category_code,
        case
            when results.entry_id is null then 'entry_id_missing'
            when entries.entry_id is null then 'unknown_entry'
            when results.published_rank is null then 'invalid_rank'
            -- The reader reports the repeat itself (duplicate_id); the first row stands.
            when results.row_in_entry > 1 then 'duplicate_id'
        end as status
    from results
    left join entries
        on entries.contest_code = results.contest_code
        and entries.edition_year = results.edition_year
        and entries.entry_id = results.entry_id
)

select
    checked.result_row_key as result_row_key,
    checked.contest_code as contest_code,
    checked.edition_year as edition_year,
    checked.entry_id as entry_id,
    checked.entry_row_key as entry_row_key,
    checked.category_code as category_code,
    checked.published_rank as published_rank,
    checked.award_level as award_level,
    checked.status is null as is_taken,
    checked.status as status,
    case checked.status
        when 'entry_id_missing' then 'results.csv line ' || checked.source_row || ' names no entry id'
        when 'unknown_entry' then
            'results.csv line ' || checked.source_row || ': entry ' || checked.entry_id
            || ' is not an entry of ' || checked.contest_code || ' ' || checked.edition_year
        when 'invalid_rank' then
            'results.csv line ' || checked.source_row || ': rank '''
            || coalesce(checked.rank_as_written, '') || ''' is not a positive whole number'
    end as message,
    -- An award the edition's catalog does not know is kept as published and said.
    checked.award_level is not null and not exists (
        select 1 from levels
        where levels.contest_code = checked.contest_code
            and levels.edition_year = checked.edition_year
            and levels.award_level = checked.award_level
    ) as is_unknown_award,
    checked.source_file as source_file,
    checked.source_row as source_row
from checked
