-- Every category of every edition with a catalog, one row per edition and category code, in
-- one shape: the built-in catalog (seeds categories, category_technical_limits and
-- nomination_limits) for editions whose drop folder has no catalog/categories.csv rows, and
-- those rows where it has (the first row of a repeated code; the repeat is a finding).
-- Limits a catalog does not give stay null: a category is checked only against its own limits.
with built_in as (
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        categories.category_code as category_code,
        categories.sort_order as sort_order,
        categories.category_name_pl as category_name_pl,
        categories.category_name_en as category_name_en,
        categories.family_code as family_code,
        categories.is_jury_award as is_jury_award,
        coalesce(technical.interaction_form, nominations.interaction_form) as interaction_form,
        string_split(technical.directions, '|') as directions,
        string_split(technical.client_types, '|') as client_types,
        string_split(technical.languages, '|') as languages,
        technical.cases_per_entry as cases_per_entry,
        technical.max_interactions_per_case as max_interactions_per_case,
        technical.interactions_as_written as max_interactions_as_written,
        string_split(technical.allowed_formats, '|') as allowed_formats,
        technical.duration_limit_seconds as duration_limit_seconds,
        technical.duration_limit_scope as duration_limit_scope,
        nominations.essay_max_chars as essay_max_chars,
        nominations.video_max_seconds as video_max_seconds,
        nominations.summary_max_chars as summary_max_chars,
        nominations.summary_max_bullets as summary_max_bullets,
        nominations.summary_required as summary_required,
        nominations.attachments_note_max_chars as attachments_note_max_chars,
        nominations.attachments_note_required as attachments_note_required,
        nominations.max_links as max_links,
        nominations.max_attachments as max_attachments,
        nominations.achievements_since as achievements_since,
        nominations.reentry_rule as reentry_rule,
        nominations.previous_win_edition_year as previous_win_edition_year,
        categories.definition_pl as definition_pl,
        categories.formal_condition_pl as formal_condition_pl,
        categories.comments_pl as comments_pl,
        technical.file_comment_pl as file_comment_pl,
        'built_in' as catalog_source,
        cast(null as varchar) as source_file,
        cast(null as bigint) as source_row
    from {{ ref('categories') }} as categories
    left join {{ ref('category_technical_limits') }} as technical
        on categories.contest_code = technical.contest_code
        and categories.edition_year = technical.edition_year
        and categories.category_code = technical.category_code
    left join {{ ref('nomination_limits') }} as nominations
        on categories.contest_code = nominations.contest_code
        and categories.edition_year = nominations.edition_year
),

own as (
    select * from {{ ref('stg_raw__catalog_categories') }}
    where category_code is not null
),

own_editions as (
    select distinct own.contest_code as contest_code, own.edition_year as edition_year
    from own
),

{%- set lists = ['directions', 'client_types', 'languages', 'allowed_formats'] %}

own_shaped as (
    select
        own.contest_code as contest_code,
        own.edition_year as edition_year,
        own.category_code as category_code,
        coalesce(
            own.sort_order,
            row_number() over (partition by own.contest_code, own.edition_year order by own.source_row)
        ) as sort_order,
        own.category_name_pl as category_name_pl,
        own.category_name_en as category_name_en,
        own.family_code as family_code,
        coalesce(own.is_jury_award, false) as is_jury_award,
        own.interaction_form as interaction_form,
        {%- for column in lists %}
        nullif(
            list_filter(list_transform(string_split(own.{{ column }}, '|'), lambda v: trim(v)), lambda v: v <> ''),
            []
        ) as {{ column }},
        {%- endfor %}
        own.cases_per_entry as cases_per_entry,
        own.max_interactions_per_case as max_interactions_per_case,
        cast(own.max_interactions_per_case as varchar) as max_interactions_as_written,
        own.duration_limit_seconds as duration_limit_seconds,
        own.duration_limit_scope as duration_limit_scope,
        own.essay_max_chars as essay_max_chars,
        own.video_max_seconds as video_max_seconds,
        own.summary_max_chars as summary_max_chars,
        own.summary_max_bullets as summary_max_bullets,
        own.summary_required as summary_required,
        own.attachments_note_max_chars as attachments_note_max_chars,
        own.attachments_note_required as attachments_note_required,
        own.max_links as max_links,
        own.max_attachments as max_attachments,
        own.achievements_since as achievements_since,
        own.reentry_rule as reentry_rule,
        own.previous_win_edition_year as previous_win_edition_year,
        own.definition_pl as definition_pl,
        own.formal_condition_pl as formal_condition_pl,
        cast(null as varchar) as comments_pl,
        cast(null as varchar) as file_comment_pl,
        'drop_folder' as catalog_source,
        own.source_file as source_file,
        own.source_row as source_row
    from own
    qualify row_number() over (
        partition by own.contest_code, own.edition_year, own.category_code order by own.source_row
    ) = 1
)

select
    {{ rules_category_key('unioned.contest_code', 'unioned.edition_year', 'unioned.category_code') }}
        as category_key,
    {{ rules_contest_edition_key('unioned.contest_code', 'unioned.edition_year') }}
        as contest_edition_key,
    unioned.*
from (
    select built_in.*
    from built_in
    anti join own_editions
        on built_in.contest_code = own_editions.contest_code
        and built_in.edition_year = own_editions.edition_year
    union all by name
    select * from own_shaped
) as unioned
