-- The scoring method of every edition, one row each, as the jury protocol states it.
select
    methods.contest_edition_key as contest_edition_key,
    methods.contest_code as contest_code,
    methods.edition_year as edition_year,
    methods.aggregation as aggregation,
    methods.trim_highest as trim_highest,
    methods.trim_lowest as trim_lowest,
    methods.decimals as decimals,
    methods.rounding as rounding,
    methods.total as total,
    methods.normalization as normalization,
    methods.conflict_policy as conflict_policy,
    methods.min_evaluations as min_evaluations,
    methods.former_employer_years as former_employer_years,
    methods.catalog_source as catalog_source
from {{ ref('int_scoring_methods_cataloged') }} as methods
