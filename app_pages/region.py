"""Region profile: goals → measures → targets, the projects, policies and institutions of a region's
plans, any item's source sentence on demand, and the region as a graph."""

from __future__ import annotations

from html import escape

import pandas as pd
import streamlit as st

from app_pages.plantext import item_href, md
from app_pages.state import cached, guarded, language, t
from app_pages.text import plain
from app_pages.widgets import graph_view, loaded_or_stop, remembered_choice, show_source
from graph.explore import plans
from graph.explore import regions as region_reads
from graph.explore.regions import RegionProfile

READER = "app_pages/reader.py"
LINK_STYLE = "color:inherit;text-decoration:none;border-bottom:1px dotted #888"
region_names = cached(plans.region_names)
region_profile = cached(region_reads.region_profile)
region_graph = cached(region_reads.region_graph)

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
    # Material icons, not emoji: the CJK font the project installs has no emoji glyphs.
    # A target opens highlighted in its plan.
    parts = [f"[:material/target: {md(name)}]({item_href(tid, lang=language())})"
             for tid, name in profile.of(item, "target")]  # fmt: skip
    parts += [f":material/flag: {plain(name)}" for _, name in profile.of(item, "project")]
    parts += [f":material/description: 《{plain(name)}》" for _, name in profile.of(item, "policy")]
    parts += [
        f":material/groups: {t('lead')} {plain(name)}" for _, name in profile.of(item, "lead")
    ]
    parts += [
        f":material/groups: {t('support')} {plain(name)}" for _, name in profile.of(item, "support")
    ]
    return "  \n".join(f":small[{p}]" for p in parts)


tab_items, tab_entities, tab_graph = st.tabs([t("goals_measures"), t("entities"), t("graph")])
with tab_items:
    for goal in profile.goals:
        title = f"{goal.number + '. ' if goal.number else ''}{goal.goal}"
        with st.expander(f"{goal.year or ''} · {plain(title)} ({len(goal.measures)})"):
            st.page_link(READER, label=t("open_in_plan"), icon=":material/menu_book:",
                         query_params={"item": goal.goal_id})  # fmt: skip
            if badges := _badges(goal.goal_id):
                st.markdown(badges)
            for measure_id, text in goal.measures:  # each measure opens highlighted in its plan
                href = escape(item_href(measure_id, lang=language()))
                st.html(f"<div class='plangraph-measure'>↳ <a href='{href}' target='_self' "
                        f"style='{LINK_STYLE}'>{escape(text)}</a></div>")  # fmt: skip
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
