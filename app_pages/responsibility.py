"""Responsibility: the chain around a project, an institution, a goal or a measure — items, goals,
plans, regions up to the parent, issuers and the units responsible — as an interactive graph."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, t, translated
from app_pages.widgets import graph_view
from graph import explore

initiatives = cached(explore.initiatives)
responsibility = cached(explore.responsibility)
institutions = cached(explore.responsible_institutions)

st.title(t("page_responsibility"))
st.caption(t("responsibility_help"))
with guarded():
    projects = [r["name"] for r in initiatives() if r["kind"] == "Project"]
    units = institutions()

kind = st.radio(t("chain_of"), ["project", "institution", "item"], format_func=t, horizontal=True)
if kind == "project":
    name = st.selectbox(t("project"), projects)
elif kind == "institution":
    name = st.selectbox(t("institution"), units)
else:
    name = st.text_input(t("item_id"), placeholder="d0a165cc955b41ad8#g1")
if not name:
    st.stop()

with guarded():
    chain = responsibility(name)
if not chain.nodes:
    st.info(t("nothing_found"))
    st.stop()
shown = graph_view(chain, key="responsibility-graph", height=600)
with st.expander(t("table")):
    by_key = shown.nodes
    st.dataframe(
        pd.DataFrame(
            [
                {
                    t("col_from"): by_key[e.start].name,
                    t("col_relationship"): translated(e.type),
                    t("col_to"): by_key[e.end].name,
                }
                for e in shown.edges.values()
            ]
        ),
        hide_index=True,
        width="stretch",
    )
