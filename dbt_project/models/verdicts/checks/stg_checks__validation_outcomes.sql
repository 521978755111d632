select
    suite_name as suite_name,
    rule_code as rule_code,
    severity as severity,
    category_key as category_key,
    expectation_type as expectation_type,
    "column" as column_name,
    parameters as parameters,
    element_count as element_count,
    unexpected_count as unexpected_count,
    success as success,
    exception as exception_message,
    expectation_no as expectation_no,
    validated_at as validated_at
from {{ source('checks', 'validation_outcomes') }}
