"""plangraph — the analysts' app. Navigation and shared state only; each page is a file in
app_pages/. Run with `streamlit run app.py` (./scripts/run does it for you)."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from app_pages.state import t

ICON = Path(__file__).parent / "app_pages" / "icon.png"
PAGES = [
    ("app_pages/overview.py", "page_overview", ":material/dashboard:"),
    ("app_pages/search.py", "page_search", ":material/search:"),
    ("app_pages/reader.py", "page_reader", ":material/menu_book:"),
    ("app_pages/region.py", "page_region", ":material/location_city:"),
    ("app_pages/compare.py", "page_compare", ":material/compare_arrows:"),
    ("app_pages/initiatives.py", "page_initiatives", ":material/flag:"),
    ("app_pages/responsibility.py", "page_responsibility", ":material/account_tree:"),
    ("app_pages/themes.py", "page_themes", ":material/grid_on:"),
    ("app_pages/map.py", "page_map", ":material/map:"),
    ("app_pages/queries.py", "page_queries", ":material/bookmarks:"),
    ("app_pages/console.py", "page_console", ":material/terminal:"),
    ("app_pages/export.py", "page_export", ":material/download:"),
    ("app_pages/upload.py", "page_ingest", ":material/upload_file:"),
]
# Addresses kept from before a page's file was renamed (links and bookmarks still open it).
URL_PATHS = {"app_pages/upload.py": "ingest"}

# A file, not a Material icon: the browser would fetch that from fonts.gstatic.com.
st.set_page_config(page_title="plangraph", page_icon=str(ICON), layout="wide")
if "english" not in st.session_state:  # a shared link says which language it was made in
    st.session_state["english"] = st.query_params.get("lang") == "en"
st.sidebar.toggle(t("english"), key="english")
if st.sidebar.button(t("refresh"), help=t("refresh_help")):
    st.cache_data.clear()  # before the page runs, so it reads the graph afresh
pages = [
    st.Page(path, title=t(key), icon=icon, url_path=URL_PATHS.get(path))
    for path, key, icon in PAGES
]
st.navigation(pages, expanded=True).run()  # every page listed: no "View more" in English
