"""Cypher console: read-only (a read transaction, so the server refuses writes), with a timeout
and a row cap."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import database, driver, guarded, t
from graph.console import run_console_query

st.title(t("page_console"))
st.caption(t("console_help"))
statement = st.text_area(
    "Cypher", value="MATCH (r:Region)<-[:FOR_REGION]-(d:Document) RETURN r.name, d.title LIMIT 25"
)
left, right = st.columns(2)
row_cap = left.number_input(t("row_cap"), min_value=1, max_value=10_000, value=1000)
timeout = right.number_input(t("timeout_s"), min_value=1, max_value=120, value=15)

if st.button(t("run"), type="primary"):
    with guarded():
        result = run_console_query(
            driver(), statement, database=database(), row_cap=int(row_cap), timeout=float(timeout)
        )
    if result.truncated:
        st.warning(f"{t('truncated')} ({row_cap})")
    frame = pd.DataFrame(result.rows, columns=result.columns)
    st.caption(f"{len(frame)} {t('rows')}")
    st.dataframe(frame.astype(str), hide_index=True, width="stretch")
    st.download_button(
        t("download_csv"), frame.to_csv(index=False).encode("utf-8"), "result.csv", "text/csv"
    )
