{#-
    Every category of an edition that has a later edition of the same contest says what it
    became (a lineage row from it), and every category of an edition that has an earlier one
    says where it came from (a lineage row to it, 'new' included). Returns the categories
    missing a link. The model is the lineage; `categories` is the category dimension, of
    which only the rows matching `categories_filter` must be linked (a drop-folder catalog's
    lineage is optional: a category without a link starts a family of its own).
-#}
{% test rules_lineage_complete(model, categories, categories_filter='true') %}
with editions as (
    select distinct contest_code, edition_year
    from {{ categories }}
    where {{ categories_filter }}
),

neighbours as (
    select
        editions.contest_code as contest_code,
        editions.edition_year as edition_year,
        lead(editions.edition_year) over (
            partition by editions.contest_code order by editions.edition_year
        ) as next_year,
        lag(editions.edition_year) over (
            partition by editions.contest_code order by editions.edition_year
        ) as previous_year
    from editions
),

categories_with_neighbours as (
    select
        categories.category_key as category_key,
        neighbours.next_year as next_year,
        neighbours.previous_year as previous_year
    from {{ categories }} as categories
    inner join neighbours
        on categories.contest_code = neighbours.contest_code
        and categories.edition_year = neighbours.edition_year
    where {{ categories_filter }}
)

select
    categories_with_neighbours.category_key as category_key,
    'no lineage row from it' as problem
from categories_with_neighbours
where categories_with_neighbours.next_year is not null
    and categories_with_neighbours.category_key not in (
        select lineage.from_category_key from {{ model }} as lineage
        where lineage.from_category_key is not null
    )
union all
select
    categories_with_neighbours.category_key as category_key,
    'no lineage row to it' as problem
from categories_with_neighbours
where categories_with_neighbours.previous_year is not null
    and categories_with_neighbours.category_key not in (
        select lineage.to_category_key from {{ model }} as lineage
        where lineage.to_category_key is not null
    )
{% endtest %}
