"""Themes: how many goals and measures of each region are about each theme (or what share of the
region's items), as a heatmap; a click on a cell, or the two boxes below, opens its items."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from app_pages.display import readable
from app_pages.plantext import item_href
from app_pages.state import cached, guarded, language, t
from app_pages.widgets import show_source
from graph.explore import themes as theme_reads

theme_scopes = cached(theme_reads.theme_scopes)
theme_counts = cached(theme_reads.theme_counts)
theme_items = cached(theme_reads.theme_items)

HEATMAP = "themes-heatmap"
# The drill-down's two boxes, one pair per language (a box keeps the label it was drawn with).
REGION, THEME = f"themes-region-{language()}", f"themes-theme-{language()}"
HORIZONTAL_UP_TO = 12  # region labels stay horizontal up to this many columns


def _measure(counts: pd.DataFrame) -> tuple[str, str]:
    """The value the cells show: item counts, or each theme's share of the region's items."""
    counts["share"] = counts["items"] / counts.groupby("adcode")["items"].transform("sum")
    share = st.radio(
        t("theme_measure"), ["items", "share"], format_func=lambda k: t(f"theme_{k}"),
        horizontal=True, help=t("theme_share_help"),
    )  # fmt: skip
    return share, ".0%" if share == "share" else "d"


def _heatmap(counts: pd.DataFrame, value: str, fmt: str) -> alt.LayerChart:
    many = counts["column"].nunique() > HORIZONTAL_UP_TO
    cell = alt.selection_point(name="cell", fields=["adcode", "theme_id"], on="click")
    strongest = counts[value].max() or 1
    base = alt.Chart(counts).encode(
        x=alt.X("column:N", title=t("region"), axis=alt.Axis(labelAngle=-45 if many else 0)),
        y=alt.Y("label:N", title=None, axis=alt.Axis(labelLimit=0)),
    )
    rect = base.mark_rect(cursor="pointer").encode(
        color=alt.Color(f"{value}:Q", title=t(f"theme_{value}"), scale=alt.Scale(scheme="blues"),
                        legend=alt.Legend(format=fmt)),
        tooltip=[alt.Tooltip("column:N", title=t("region")),
                 alt.Tooltip("label:N", title=t("theme")),
                 alt.Tooltip("items:Q", title=t("theme_items")),
                 alt.Tooltip("share:Q", title=t("theme_share"), format=".0%")],
    ).add_params(cell)  # fmt: skip
    text = base.mark_text(baseline="middle").encode(
        text=alt.Text(f"{value}:Q", format=fmt),
        color=alt.condition(f"datum['{value}'] > {0.55 * strongest}", alt.value("white"),
                            alt.value("#222")),
    )  # fmt: skip
    return alt.LayerChart(layer=[rect, text], height=alt.Step(22))


def _take_click(event: Any) -> None:
    """A click on a cell chooses its region and theme in the drill-down boxes."""
    chosen = (event or {}).get("selection", {}).get("cell") or []
    click = (chosen[0]["adcode"], chosen[0]["theme_id"]) if chosen else None
    if click and click != st.session_state.get(f"{HEATMAP}-taken"):  # a new click, not a rerun
        st.session_state[REGION], st.session_state[THEME] = click
    st.session_state[f"{HEATMAP}-taken"] = click


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
value, fmt = _measure(counts)
event = st.altair_chart(
    _heatmap(counts, value, fmt), width="stretch", on_select="rerun", key=HEATMAP
)
_take_click(event)
st.caption(t("heatmap_click"))
if counts["subtree"].any():
    st.caption(f"{t('theme_items')}: {t('with_subordinates')}")
with st.expander(t("table")):
    pivot = counts.pivot_table(index="label", columns="column", values=value, fill_value=0)
    pivot.index.name, pivot.columns.name = t("theme"), None
    st.dataframe(pivot, width="stretch")

st.subheader(t("drill_down"))
left, right = st.columns(2)
columns = counts.drop_duplicates("adcode").set_index("adcode")
if st.session_state.get(REGION) not in columns.index:
    st.session_state.pop(REGION, None)
region = left.selectbox(
    t("region"), list(columns.index), key=REGION,
    format_func=lambda code: str(columns.at[code, "column"]),
)  # fmt: skip
themes = counts[counts["adcode"] == region].sort_values("items", ascending=False)
theme_labels = dict(zip(themes["theme_id"], themes["label"], strict=True))
if st.session_state.get(THEME) not in theme_labels:
    st.session_state.pop(THEME, None)
theme = right.selectbox(
    t("theme"), list(theme_labels), key=THEME, format_func=lambda tid: str(theme_labels[tid])
)
with guarded():
    items = theme_items(region, theme, subtree=bool(columns.at[region, "subtree"]))
st.caption(f"{len(items)} {t('theme_items')}")
items_shown = readable(items, ["region", "kind", "text", "year"], {"text": t("col_item")})
if items:  # each item opens highlighted in its plan
    items_shown[t("source_text")] = [item_href(row["id"], lang=language()) for row in items]
link = st.column_config.LinkColumn(display_text=t("open_in_plan"))
config = {t("source_text"): link}
st.dataframe(items_shown, hide_index=True, width="stretch", column_config=config)
if items:
    texts = {row["id"]: f"{row['region']} {row['year'] or ''} {row['text'][:60]}" for row in items}
    chosen = st.selectbox(
        t("show_source"),
        list(texts),
        index=None,
        key="theme-source",
        format_func=lambda item: texts[item],
        placeholder=t("choose"),
    )
    if chosen:
        with guarded():
            show_source(chosen)
