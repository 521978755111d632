"""The organizers' app: every page, on the published warehouse, behind a password when set."""

import hmac
import os
from pathlib import Path

import pandas as pd
import streamlit as st

from dashboards.i18n import t
from dashboards.links import ENTRY_PAGE
from dashboards.ui import filter_sidebar, language_switch
from dashboards.warehouse import is_published, organizer_warehouse, query, table_columns

# Not `pages/`: Streamlit runs a script of a `pages` folder beside the app by its address
# alone (multipage v1) on a fresh server, skipping the app script, its password and sidebar,
# and the sponsors' server beside it would serve them too.
PAGES = Path(__file__).parent / "views"
PASSWORD_VARIABLE = "PODIUM_ORGANIZER_PASSWORD"


def password_accepted() -> bool:
    """True when no password is configured or this session has given the right one."""
    expected = os.environ.get(PASSWORD_VARIABLE)
    if not expected or st.session_state.get("organizer_authenticated"):
        return True
    given = st.text_input(t("password"), type="password", key="organizer_password")
    if given and hmac.compare_digest(given.encode(), expected.encode()):
        st.session_state["organizer_authenticated"] = True
        st.rerun()
    if given:
        st.error(t("wrong_password"))
    return False


def filter_options(path: Path) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """The editions and categories the filters offer, from whichever tables are built."""
    tables = table_columns(path)
    sources = [
        f"select distinct contest_code, edition_year from {table}"
        for table in ("marts.dim_contest_edition", "marts.fct_entries")
        if table in tables
    ]
    editions = (
        query(path, " union ".join(sources))
        if sources
        else pd.DataFrame({"contest_code": [], "edition_year": []})
    )
    categories = None
    if "marts.dim_category" in tables:
        categories = query(
            path,
            "select contest_code, edition_year, category_code, category_name_pl, "
            "category_name_en from marts.dim_category order by category_sort_order",
        )
    return editions, categories


st.set_page_config(page_title="Podium", layout="wide")
language_switch()
if not password_accepted():
    st.stop()
warehouse = organizer_warehouse()
if is_published(warehouse):
    filter_sidebar(*filter_options(warehouse))
navigation = st.navigation(
    [
        st.Page(PAGES / "participation.py", title=t("page_participation"), default=True),
        st.Page(PAGES / "formal_check.py", title=t("page_formal")),
        st.Page(PAGES / "scores.py", title=t("page_scores")),
        # Its address is what the entry links of every table lead to (dashboards/links.py).
        st.Page(PAGES / "entry.py", title=t("page_entry"), url_path=ENTRY_PAGE),
    ]
)
navigation.run()
