{#-
    A number rounded to `decimals` places the way a scoring method says (`rounding`:
    half_up rounds ties away from zero, half_even to the even digit), or left as it is when
    `decimals` is null. The value is first fixed to 9 decimals, which removes the binary
    noise of doubles (8.125 computed as 8.124999999999998 is 8.125), then rounded exactly in
    whole numbers: a published 8.13 is reproduced, never 8.12. All three arguments are SQL
    expressions, so each edition's own method applies row by row.
-#}
{% macro scoring_round(value, decimals, rounding) -%}
    case
        when {{ value }} is null or {{ decimals }} is null then {{ value }}
        else sign({{ value }}) * cast(
            abs(cast(round({{ value }} * 1e9) as hugeint))
                // cast(pow(10, 9 - {{ decimals }}) as hugeint)
            + case
                when 2 * (abs(cast(round({{ value }} * 1e9) as hugeint))
                    % cast(pow(10, 9 - {{ decimals }}) as hugeint))
                    > cast(pow(10, 9 - {{ decimals }}) as hugeint) then 1
                when 2 * (abs(cast(round({{ value }} * 1e9) as hugeint))
                    % cast(pow(10, 9 - {{ decimals }}) as hugeint))
                    < cast(pow(10, 9 - {{ decimals }}) as hugeint) then 0
                when {{ rounding }} = 'half_even' then cast(
                    (abs(cast(round({{ value }} * 1e9) as hugeint))
                        // cast(pow(10, 9 - {{ decimals }}) as hugeint)) % 2 as integer)
                else 1
            end
        as double) / pow(10, {{ decimals }})
    end
{%- endmacro %}
