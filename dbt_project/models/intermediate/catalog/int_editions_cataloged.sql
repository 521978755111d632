-- Every contest edition Podium knows of, one row each: those of the built-in catalog, those
-- whose drop folder has a catalog/ of its own, and those that only sent data. Each says
-- whether its catalog can be used: `ok`, `broken` (a catalog file has a finding that is more
-- than a notice on how it was read) or `missing` (no catalog defines its categories). The
-- entries of an edition that is not `ok` are not checked and say why (int_entries_categorized).
with built_in as (
    select * from {{ ref('contest_editions') }}
),

own as (
    select * from {{ ref('stg_raw__catalog_edition') }}
    qualify row_number() over (partition by contest_code, edition_year order by source_row) = 1
),

category_sources as (
    select
        categories.contest_code as contest_code,
        categories.edition_year as edition_year,
        any_value(categories.catalog_source) as catalog_source,
        count(*) as category_count
    from {{ ref('int_categories_cataloged') }} as categories
    group by all
),

findings as (
    select contest_code, edition_year, source_file, source_row, status, message
    from {{ ref('stg_raw__ingest_issues') }}
    where source_table = 'catalog'
        and status not in (
            {%- for status in var('catalog_notice_statuses') %}'{{ status }}'{{ ', ' if not loop.last }}{% endfor -%}
        )
    union all
    select contest_code, edition_year, source_file, source_row, status, message
    from {{ ref('int_catalog_findings_listed') }}
),

breakage as (
    select
        findings.contest_code as contest_code,
        findings.edition_year as edition_year,
        count(*) as finding_count,
        arg_min(
            findings.source_file || coalesce(' line ' || findings.source_row, '') || ': '
                || findings.message,
            [findings.source_file, lpad(cast(coalesce(findings.source_row, 0) as varchar), 12, '0')]
        ) as first_finding
    from findings
    group by all
),

editions as (
    select contest_code, edition_year from built_in
    union
    select contest_code, edition_year from category_sources
    union
    select contest_code, edition_year from own
    union
    select contest_code, edition_year from findings
    union
    select contest_code, edition_year from {{ ref('stg_raw__entries') }}
    union
    select contest_code, edition_year from {{ ref('stg_raw__ingest_issues') }}
)

select
    {{ rules_contest_edition_key('editions.contest_code', 'editions.edition_year') }}
        as contest_edition_key,
    editions.contest_code as contest_code,
    editions.edition_year as edition_year,
    coalesce(own.contest_name_pl, built_in.contest_name_pl, editions.contest_code) as contest_name_pl,
    coalesce(own.contest_name_en, built_in.contest_name_en, editions.contest_code) as contest_name_en,
    coalesce(own.section_name_pl, built_in.section_name_pl) as section_name_pl,
    coalesce(own.section_name_en, built_in.section_name_en) as section_name_en,
    coalesce(own.source_document, built_in.source_document) as source_document,
    coalesce(category_sources.catalog_source, 'none') as catalog_source,
    coalesce(category_sources.category_count, 0) as category_count,
    case
        when breakage.finding_count > 0 then 'broken'
        when category_sources.category_count is null then 'missing'
        else 'ok'
    end as catalog_status,
    case
        when breakage.finding_count > 0 then
            'the catalog of ' || editions.contest_code || ' ' || editions.edition_year
            || ' is broken (' || breakage.finding_count
            || ' finding(s) in marts.fct_ingest_issues; the first: ' || breakage.first_finding || ')'
        when category_sources.category_count is null then
            'edition ' || editions.contest_code || ' ' || editions.edition_year
            || ' is not in the rules catalog: add its catalog/ folder (docs/catalog.md)'
    end as catalog_problem
from editions
left join built_in
    on built_in.contest_code = editions.contest_code
    and built_in.edition_year = editions.edition_year
left join own
    on own.contest_code = editions.contest_code
    and own.edition_year = editions.edition_year
left join category_sources
    on category_sources.contest_code = editions.contest_code
    and category_sources.edition_year = editions.edition_year
left join breakage
    on breakage.contest_code = editions.contest_code
    and breakage.edition_year = editions.edition_year
where editions.contest_code is not null and editions.edition_year is not null
