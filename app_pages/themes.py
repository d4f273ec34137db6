"""Themes: how many goals and measures of each region are about each theme, as a heatmap; pick a
region and a theme to read the items."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.plantext import item_href
from app_pages.state import cached, guarded, language, t
from app_pages.widgets import show_source
from graph import explore

theme_scopes = cached(explore.theme_scopes)
theme_counts = cached(explore.theme_counts)
theme_items = cached(explore.theme_items)

st.title(t("page_themes"))
with guarded():
    scopes = {row["adcode"]: f"{row['name']} {row['adcode']}" for row in theme_scopes()}
within = st.selectbox(
    t("theme_scope"), ["", *scopes], format_func=lambda code: scopes.get(code, t("whole_country"))
)
with guarded():
    counts = pd.DataFrame(theme_counts(within))
if counts.empty:
    st.info(t("no_documents"))
    st.stop()

counts["label"] = counts["theme_en"] if language() == "en" else counts["theme"]
# Two regions of one name (新华区 of two cities) stay two columns.
repeated = counts.groupby("region")["adcode"].transform("nunique") > 1
counts["column"] = counts["region"].where(~repeated, counts["region"] + " " + counts["adcode"])
heatmap = (
    alt.Chart(counts)
    .mark_rect()
    .encode(
        x=alt.X("column:N", title=t("region")),
        y=alt.Y("label:N", title=t("theme")),
        color=alt.Color("items:Q", title=t("items"), scale=alt.Scale(scheme="blues")),
        tooltip=["column", "label", "items"],
    )
)
text = heatmap.mark_text(baseline="middle").encode(text="items:Q", color=alt.value("#333"))
st.altair_chart(heatmap + text, width="stretch")
if counts["subtree"].any():
    st.caption(f"{t('items')}: {t('with_subordinates')}")
with st.expander(t("table")):
    st.dataframe(
        counts.pivot_table(index="label", columns="column", values="items", fill_value=0),
        width="stretch",
    )

st.subheader(t("drill_down"))
left, right = st.columns(2)
columns = counts.drop_duplicates("adcode").set_index("adcode")
region = left.selectbox(
    t("region"), list(columns.index), format_func=lambda code: str(columns.at[code, "column"])
)
themes = counts[counts["adcode"] == region].sort_values("items", ascending=False)
theme_labels = dict(zip(themes["theme_id"], themes["label"], strict=True))
theme = right.selectbox(t("theme"), list(theme_labels), format_func=theme_labels.get)
with guarded():
    items = pd.DataFrame(theme_items(region, theme, subtree=bool(columns.at[region, "subtree"])))
st.caption(f"{len(items)} {t('items')}")
if not items.empty:  # each item opens highlighted in its plan
    items["source"] = [item_href(i, lang=language()) for i in items["id"]]
link = st.column_config.LinkColumn(t("source_text"), display_text=t("open_in_plan"))
st.dataframe(items, hide_index=True, width="stretch", column_config={"source": link})
if not items.empty:
    chosen = st.selectbox(t("show_source"), list(items["id"]), index=None, key="theme-source")
    if chosen:
        with guarded():
            show_source(chosen)
