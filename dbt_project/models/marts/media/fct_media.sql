-- One row per files.csv row: the file it lists, as measured from its bytes, or the reason
-- it could not be measured. The measurement itself is int_files_probed, which the formal
-- checks read before any mart is built.
select * from {{ ref('int_files_probed') }}
