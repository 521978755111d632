"""The organizers' app: the pages the signed-in role may open (dashboards/accounts.py), on
the published warehouse, after a sign-in when accounts or a password are set
(dashboards/signin.py)."""

from pathlib import Path

import pandas as pd
import streamlit as st
from streamlit.navigation.page import StreamlitPage

from dashboards.accounts import PAGES, ROLE_KEY, ROLES
from dashboards.connections import is_published, organizer_warehouse, query, table_columns
from dashboards.i18n import t
from dashboards.links import ENTRY_PAGE
from dashboards.signin import signed_in_role
from dashboards.ui import filter_sidebar, language_switch

# Not `pages/`: Streamlit runs a script of a `pages` folder beside the app by its address
# alone (multipage v1) on a fresh server, skipping the app script, its sign-in and sidebar,
# and the sponsors' server beside it would serve them too.
VIEWS = Path(__file__).parent / "views"
TITLES = {
    "participation": "page_participation",
    "formal_check": "page_formal",
    "scores": "page_scores",
    "entry": "page_entry",
}
# Its address is what the entry links of every table lead to (dashboards/links.py).
URL_PATHS = {"entry": ENTRY_PAGE}


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


def navigation(pages: tuple[str, ...], shown: bool) -> StreamlitPage:
    """The pages named, the first the default; a page not named has no address at all."""
    return st.navigation(
        [
            st.Page(
                VIEWS / f"{page}.py",
                title=t(TITLES[page]),
                default=index == 0,
                **({"url_path": URL_PATHS[page]} if page in URL_PATHS else {}),
            )
            for index, page in enumerate(pages)
        ],
        position="sidebar" if shown else "hidden",
    )


st.set_page_config(page_title="Podium", layout="wide")
language_switch()
# Every page named (none run) before the sign-in draws its cookie component: that component
# reruns the script at once, and a rerun before the browser has learnt the page would lose
# the address asked for (a deep link), now and through the sign-in.
navigation(PAGES, shown=False)
role = signed_in_role()
st.session_state[ROLE_KEY] = role
if role is None:
    st.stop()
warehouse = organizer_warehouse()
if is_published(warehouse):
    filter_sidebar(*filter_options(warehouse))
# A page the role may not open leads to its first page.
navigation(ROLES[role].pages, shown=True).run()
