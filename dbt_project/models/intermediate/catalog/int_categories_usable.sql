-- One row per contest edition and category, with every formal limit its catalog sets: the
-- built-in catalog (PCCA from the technical table, IBA from the nomination requirements) or
-- the edition folder's own catalog/categories.csv. A limit a catalog does not set is null.
-- Categories of an edition whose catalog is broken are left out: its entries say why.
select
    categories.category_key as category_key,
    categories.contest_edition_key as contest_edition_key,
    categories.contest_code as contest_code,
    categories.edition_year as edition_year,
    categories.category_code as category_code,
    categories.sort_order as category_sort_order,
    categories.category_name_pl as category_name_pl,
    categories.category_name_en as category_name_en,
    categories.family_code as family_code,
    categories.is_jury_award as is_jury_award,
    categories.interaction_form as interaction_form,
    categories.directions as directions,
    categories.client_types as client_types,
    categories.languages as languages,
    categories.cases_per_entry as cases_per_entry,
    categories.max_interactions_per_case as max_interactions_per_case,
    categories.max_interactions_as_written as max_interactions_as_written,
    categories.allowed_formats as allowed_formats,
    categories.duration_limit_seconds as duration_limit_seconds,
    categories.duration_limit_scope as duration_limit_scope,
    categories.essay_max_chars as essay_max_chars,
    categories.video_max_seconds as video_max_seconds,
    categories.summary_max_chars as summary_max_chars,
    categories.summary_max_bullets as summary_max_bullets,
    categories.summary_required as summary_required,
    categories.attachments_note_max_chars as attachments_note_max_chars,
    categories.attachments_note_required as attachments_note_required,
    categories.max_links as max_links,
    categories.max_attachments as max_attachments,
    categories.achievements_since as achievements_since,
    categories.reentry_rule as reentry_rule,
    categories.previous_win_edition_year as previous_win_edition_year,
    categories.definition_pl as definition_pl,
    categories.formal_condition_pl as formal_condition_pl,
    categories.comments_pl as comments_pl,
    categories.file_comment_pl as file_comment_pl,
    editions.source_document as source_document,
    categories.catalog_source as catalog_source,
    categories.family_source as family_source
from {{ ref('int_categories_familied') }} as categories
inner join {{ ref('int_editions_cataloged') }} as editions
    on editions.contest_edition_key = categories.contest_edition_key
where editions.catalog_status = 'ok'
