"""The sponsors' app: participation aggregates from the sponsor file only."""

import streamlit as st

from dashboards.warehouse import query, sponsor_warehouse

st.set_page_config(page_title="Podium — sponsors", layout="wide")
st.header("Udział / Participation")
st.dataframe(
    query(sponsor_warehouse(), "select * from entries_by_edition order by all"),
    hide_index=True,
)
