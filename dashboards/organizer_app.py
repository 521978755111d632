"""The organizers' app: every page, on the published warehouse."""

from pathlib import Path

import streamlit as st

PAGES = Path(__file__).parent / "pages"

st.set_page_config(page_title="Podium", layout="wide")
navigation = st.navigation(
    [st.Page(PAGES / "participation.py", title="Participation", default=True)]
)
navigation.run()
