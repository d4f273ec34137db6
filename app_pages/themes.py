"""Themes: how many goals and measures of each region are about each theme, as a heatmap; pick a
region and a theme to read the items."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, language, t
from app_pages.widgets import show_source
from graph import explore

theme_counts = cached(explore.theme_counts)
theme_items = cached(explore.theme_items)

st.title(t("page_themes"))
with guarded():
    counts = pd.DataFrame(theme_counts())
if counts.empty:
    st.info(t("no_documents"))
    st.stop()

counts["label"] = counts["theme_en"] if language() == "en" else counts["theme"]
heatmap = (
    alt.Chart(counts)
    .mark_rect()
    .encode(
        x=alt.X("region:N", title=t("region")),
        y=alt.Y("label:N", title=t("theme")),
        color=alt.Color("items:Q", title=t("items"), scale=alt.Scale(scheme="blues")),
        tooltip=["region", "label", "items"],
    )
)
text = heatmap.mark_text(baseline="middle").encode(text="items:Q", color=alt.value("#333"))
st.altair_chart(heatmap + text, width="stretch")
with st.expander(t("table")):
    st.dataframe(
        counts.pivot_table(index="label", columns="region", values="items", fill_value=0),
        width="stretch",
    )

st.subheader(t("drill_down"))
left, right = st.columns(2)
region = left.selectbox(t("region"), sorted(counts["region"].unique()))
themes = counts[counts["region"] == region].sort_values("items", ascending=False)
theme_labels = dict(zip(themes["theme_id"], themes["label"], strict=True))
theme = right.selectbox(t("theme"), list(theme_labels), format_func=theme_labels.get)
with guarded():
    items = pd.DataFrame(theme_items(region, theme))
st.caption(f"{len(items)} {t('items')}")
st.dataframe(items, hide_index=True, width="stretch")
if not items.empty:
    chosen = st.selectbox(t("show_source"), list(items["id"]), index=None, key="theme-source")
    if chosen:
        with guarded():
            show_source(chosen)
