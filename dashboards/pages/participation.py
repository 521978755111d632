"""How many entries did each contest edition receive?"""

import streamlit as st

from dashboards.warehouse import organizer_warehouse, query

st.header("Udział / Participation")
entries = query(
    organizer_warehouse(),
    "select contest_code, edition_year, count(*) as entries "
    "from marts.fct_entries group by all order by contest_code, edition_year",
)
st.metric("Zgłoszenia / Entries", int(entries["entries"].sum()))
st.dataframe(entries, hide_index=True)
