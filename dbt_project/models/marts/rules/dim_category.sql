-- One row per contest edition and category, with every formal limit its document sets.
-- PCCA limits come from the technical table (category_technical_limits), IBA ones from the
-- edition's nomination requirements (nomination_limits); a limit a contest does not set is null.
with categories as (
    select * from {{ ref('categories') }}
),

editions as (
    select * from {{ ref('contest_editions') }}
),

technical as (
    select * from {{ ref('category_technical_limits') }}
),

nominations as (
    select * from {{ ref('nomination_limits') }}
)

select
    {{ rules_category_key('categories.contest_code', 'categories.edition_year', 'categories.category_code') }}
        as category_key,
    {{ rules_contest_edition_key('categories.contest_code', 'categories.edition_year') }}
        as contest_edition_key,
    categories.contest_code as contest_code,
    categories.edition_year as edition_year,
    categories.category_code as category_code,
    categories.sort_order as category_sort_order,
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
    editions.source_document as source_document
from categories
inner join editions
    on categories.contest_code = editions.contest_code
    and categories.edition_year = editions.edition_year
left join technical
    on categories.contest_code = technical.contest_code
    and categories.edition_year = technical.edition_year
    and categories.category_code = technical.category_code
left join nominations
    on categories.contest_code = nominations.contest_code
    and categories.edition_year = nominations.edition_year
