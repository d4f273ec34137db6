"""Initiatives: who adopts a project or policy, with the sentences that show it, measures like
its measures in regions that do not name it, and what is adopted together with it."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, t
from app_pages.text import plain
from app_pages.widgets import graph_view, loaded_or_stop, open_profile, remembered_choice
from graph import explore

initiatives = cached(explore.initiatives)
initiative = cached(explore.initiative)
responsibility = cached(explore.responsibility)

st.title(t("page_initiatives"))
rows = loaded_or_stop(initiatives)
labels = {r["id"]: f"{r['name']} · {r['kind']} · {r['regions']} {t('regions_count')}" for r in rows}
chosen = remembered_choice(t("initiative"), labels, key="initiative")
with guarded():
    view = initiative(chosen)

st.subheader(f"{t('adopters')} ({len(view.adopters)})")
for row in view.adopters:
    with st.expander(f"{row['region']} ({row['adcode']}) · {row['first_year'] or ''}"):
        for sentence in row["evidence"] or []:
            st.markdown(f"> {plain(sentence)}")
        if st.button(t("open_profile"), key=f"profile-{row['adcode']}"):
            open_profile(row["region"])

st.subheader(t("similar_elsewhere"))
if view.similar_elsewhere:
    st.dataframe(
        pd.DataFrame(view.similar_elsewhere)[["score", "region", "text", "projects", "like"]],
        hide_index=True,
        width="stretch",
    )
else:
    st.caption(t("none"))

st.subheader(t("co_adopted"))
st.dataframe(pd.DataFrame(view.co_adopted), hide_index=True, width="stretch")

if next(r for r in rows if r["id"] == chosen)["kind"] == "Project":
    st.subheader(t("page_responsibility"))
    with guarded():
        graph_view(responsibility(chosen), key="initiative-graph")
