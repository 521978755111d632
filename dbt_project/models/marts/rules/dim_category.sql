-- One row per contest edition and category, with every formal limit its catalog sets (the
-- catalog's own model, int_categories_usable, which the formal checks read before any mart
-- is built).
select * from {{ ref('int_categories_usable') }}
