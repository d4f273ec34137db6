"""Region profile: goals → measures → targets, the projects, policies and institutions of a region's
plans, any item's source sentence on demand, and the region as a graph."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from app_pages.state import cached, guarded, t
from app_pages.text import plain
from app_pages.widgets import graph_view, loaded_or_stop, remembered_choice, show_source
from graph import explore, views
from graph.explore import RegionProfile

region_names = cached(views.region_names)
region_profile = cached(explore.region_profile)
region_graph = cached(explore.region_graph)

st.title(t("page_region"))
regions = loaded_or_stop(region_names)
labels = {r["name"]: f"{r['name']} ({r['adcode']})" for r in regions}
region = remembered_choice(t("region"), labels, key="profile_region")
with guarded():
    profile: RegionProfile = region_profile(region)

KINDS = {
    "target": "targets",
    "project": "projects",
    "policy": "policies",
    "lead": "lead_units",
    "support": "support_units",
    "institution": "institutions",
}
measures = sum(len(g.measures) for g in profile.goals)
columns = st.columns(2 + len(KINDS))
columns[0].metric(t("goals"), len(profile.goals))
columns[1].metric(t("measures"), measures)
for column, (kind, key) in zip(columns[2:], KINDS.items(), strict=True):
    column.metric(t(key), len(profile.all_of(kind)))


def _badges(item: str) -> str:
    parts = [f"🎯 {plain(name)}" for _, name in profile.of(item, "target")]
    parts += [f"📌 {plain(name)}" for _, name in profile.of(item, "project")]
    parts += [f"📄《{plain(name)}》" for _, name in profile.of(item, "policy")]
    parts += [f"👥 {t('lead')} {plain(name)}" for _, name in profile.of(item, "lead")]
    parts += [f"👥 {t('support')} {plain(name)}" for _, name in profile.of(item, "support")]
    return "  \n".join(f":small[{p}]" for p in parts)


tab_items, tab_entities, tab_graph = st.tabs([t("goals_measures"), t("entities"), t("graph")])
with tab_items:
    for goal in profile.goals:
        title = f"{goal.number + '. ' if goal.number else ''}{goal.goal}"
        with st.expander(f"{goal.year or ''} · {plain(title)} ({len(goal.measures)})"):
            if badges := _badges(goal.goal_id):
                st.markdown(badges)
            for measure_id, text in goal.measures:
                st.markdown(f"- {plain(text)}")
                if badges := _badges(measure_id):
                    st.markdown(badges)
    items = {}
    for g in profile.goals:
        items[f"{g.year or ''} {g.number or ''} {g.goal}"] = g.goal_id
        for k, (measure, text) in enumerate(g.measures, start=1):
            items[f"{g.year or ''} {g.number or ''}.{k} {text[:60]}"] = measure
    chosen = st.selectbox(t("show_source"), list(items), index=None, key="region-source")
    if chosen:
        with guarded():
            show_source(items[chosen])

with tab_entities:
    for kind, key in KINDS.items():
        names_of_kind = profile.all_of(kind)
        st.subheader(f"{t(key)} ({len(names_of_kind)})")
        st.dataframe(pd.DataFrame({t("name"): names_of_kind}), hide_index=True, width="stretch")

with tab_graph, guarded():
    graph_view(region_graph(region), key="region-graph")
