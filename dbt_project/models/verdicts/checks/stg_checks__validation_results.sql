select
    rule_code as rule_code,
    severity as severity,
    is_surcharge as is_surcharge,
    measured_table as measured_table,
    category_key as category_key,
    entry_row_key as entry_row_key,
    cast(case_no as integer) as case_no,
    file_row_key as file_row_key,
    observed_value as observed_value,
    limit_value as limit_value,
    observed_number as observed_number,
    limit_number as limit_number,
    cast(minutes_over as integer) as minutes_over,
    message_pl as message_pl,
    message_en as message_en,
    suite_name as suite_name,
    validated_at as validated_at
from {{ source('checks', 'validation_results') }}
