{#- The column holds no name of a person from the raw data: no participant or nominee of
    any entry and no juror, compared case-insensitively anywhere inside each value. -#}
{% test holds_no_person_names(model, column_name) %}
with person_names as (
    select distinct lower(entries.participant_name) as person_name
    from {{ ref('stg_raw__entries') }} as entries
    where entries.participant_name is not null
    union
    select distinct lower(jurors.juror_name) as person_name
    from {{ ref('stg_raw__jurors') }} as jurors
    where jurors.juror_name is not null
)

select
    cast(checked.{{ column_name }} as varchar) as offending_value,
    person_names.person_name as person_name
from {{ model }} as checked
inner join person_names
    on contains(lower(cast(checked.{{ column_name }} as varchar)), person_names.person_name)
{% endtest %}
