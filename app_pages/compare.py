"""Compare regions: two or more regions side by side — their size, the initiatives they share and
those only one of them takes up, how similar their plans are and their most similar measures."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, t
from app_pages.text import plain
from graph import explore, views
from graph.explore import Comparison

region_names = cached(views.region_names)
compare = cached(explore.compare)

st.title(t("page_compare"))
with guarded():
    regions = region_names()
if len(regions) < 2:
    st.info(t("need_two_regions"))
    st.stop()

adcodes = {r["name"]: r["adcode"] for r in regions}
chosen = st.multiselect(t("regions"), list(adcodes), default=list(adcodes)[:2])
if len(chosen) < 2:
    st.info(t("need_two_regions"))
    st.stop()

with guarded():
    comparison: Comparison = compare([adcodes[name] for name in chosen])

st.dataframe(
    pd.DataFrame(comparison.sizes).drop(columns=["adcode"]), hide_index=True, width="stretch"
)

st.subheader(t("shared_initiatives"))
shared = comparison.shared([adcodes[name] for name in chosen])
st.markdown("、".join(plain(name) for name in shared) if shared else t("none"))

st.subheader(t("unique_initiatives"))
columns = st.columns(len(chosen))
for column, name in zip(columns, chosen, strict=True):
    only = comparison.only(adcodes[name])
    column.markdown(f"**{name}** ({len(only)})")
    column.dataframe(pd.DataFrame({t("name"): only}), hide_index=True, width="stretch")

matrix = pd.DataFrame(
    [
        {t("name"): name, "kind": kind, **{r: adcodes[r] in by for r in chosen}}
        for name, (kind, by) in sorted(comparison.adoptions.items())
    ]
)
with st.expander(t("adoption_matrix")):
    st.dataframe(matrix, hide_index=True, width="stretch")

st.subheader(t("similar_plans"))
if comparison.similar_regions:
    st.dataframe(pd.DataFrame(comparison.similar_regions), hide_index=True, width="stretch")
else:
    st.caption(t("none"))
st.subheader(t("similar_measures"))
if comparison.similar_measures:
    table = pd.DataFrame(comparison.similar_measures)
    st.dataframe(
        table[["score", "region", "text", "other_region", "other_text"]],
        hide_index=True,
        width="stretch",
    )
else:
    st.caption(t("none"))
