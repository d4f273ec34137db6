"""Widgets the pages share: an interactive graph view (colour by label, double-click a node to
expand it, open a region's profile) and an item's source text with the evidence highlighted.

The graph component bundles Cytoscape.js in its Python package, so it renders without a CDN.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

import streamlit as st
from st_link_analysis import EdgeStyle, NodeStyle, st_link_analysis

from app_pages.state import cached, database, driver, guarded, t
from app_pages.text import plain
from graph import explore, views
from graph.errors import PlanGraphError
from graph.explore import Subgraph

COLOURS = {
    "Region": "#2E86AB",
    "Document": "#6C757D",
    "Section": "#ADB5BD",
    "Goal": "#F18F01",
    "Measure": "#F6AE2D",
    "Target": "#C73E1D",
    "Institution": "#3B1F2B",
    "Project": "#44AF69",
    "Policy": "#8E44AD",
    "Theme": "#17BEBB",
}
PROFILE_PAGE = "app_pages/region.py"
T = TypeVar("T")
source_span = cached(views.source_span)


def _elements(subgraph: Subgraph) -> dict[str, list[dict[str, object]]]:
    return {
        "nodes": [
            {"data": {"id": n.key, "label": n.label, "name": n.name, "node_id": n.id}}
            for n in subgraph.nodes.values()
        ],
        "edges": [
            {"data": {"id": e.key, "label": e.type, "source": e.start, "target": e.end}}
            for e in subgraph.edges.values()
        ],
    }


def _expand(key: str) -> None:
    event = st.session_state.get(key) or {}
    if event.get("action") != "expand":
        return
    try:
        more = explore.neighbours(driver(), list(event["data"]["node_ids"]), database=database())
    except PlanGraphError as error:
        st.session_state[f"{key}-error"] = str(error)
        return
    st.session_state[f"{key}-graph"] = st.session_state[f"{key}-graph"].merge(more)


def graph_view(subgraph: Subgraph, *, key: str, height: int = 520) -> Subgraph:
    """Draw ``subgraph``; expansions are kept until the page passes a different subgraph.
    Returns what is on screen."""
    base = tuple(sorted(subgraph.nodes))
    if st.session_state.get(f"{key}-base") != base:
        st.session_state[f"{key}-base"] = base
        st.session_state[f"{key}-graph"] = subgraph
    shown: Subgraph = st.session_state[f"{key}-graph"]
    if error := st.session_state.pop(f"{key}-error", None):
        st.error(error)
    labels = sorted({n.label for n in shown.nodes.values()})
    types = sorted({e.type for e in shown.edges.values()})
    st_link_analysis(
        _elements(shown),
        "cose",
        [NodeStyle(label, COLOURS.get(label, "#999999"), "name") for label in labels],
        [EdgeStyle(rel, caption="label", directed=True) for rel in types],
        height=height,
        key=key,
        node_actions=["expand"],
        on_change=partial(_expand, key),
    )
    size = f"{len(shown.nodes)} {t('nodes')}, {len(shown.edges)} {t('relationships')}"
    legend = " ".join(
        f"<span style='color:{COLOURS.get(label, '#999999')}'>●</span> {label}" for label in labels
    )
    st.markdown(f"<small>{legend} · {size}</small>", unsafe_allow_html=True)
    st.caption(t("graph_help"))
    _profile_links(shown, key=key)
    return shown


def _profile_links(shown: Subgraph, *, key: str) -> None:
    regions = sorted({n.name for n in shown.nodes.values() if n.label == "Region"})
    if not regions:
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    region = left.selectbox(t("open_profile"), regions, key=f"{key}-profile")
    if right.button(t("open"), key=f"{key}-open"):
        open_profile(region)


def loaded_or_stop(fetch: Callable[[], list[T]]) -> list[T]:
    """What ``fetch`` reads, or a hint to ingest something when the graph holds nothing."""
    with guarded():
        rows = fetch()
    if not rows:
        st.info(t("no_documents"))
        st.stop()
    return rows


def remembered_choice(label: str, options: dict[str, str], *, key: str) -> str:
    """A choice among ``options`` (value → label) that starts on the value chosen last, here or
    on another page (a region opened from a graph view)."""
    values = list(options)
    wanted = st.session_state.get(key)
    chosen: str = st.selectbox(
        label,
        values,
        index=values.index(wanted) if wanted in values else 0,
        format_func=options.get,
    )
    st.session_state[key] = chosen
    return chosen


def open_profile(region: str) -> None:
    st.session_state["profile_region"] = region
    st.switch_page(PROFILE_PAGE)


def show_source(item_id: str) -> None:
    """The sentence an item came from, highlighted in its document's text."""
    span = source_span(item_id)
    if span is None:
        st.info(t("no_source"))
        return
    before, evidence, after = span.context(width=160)
    st.caption(f"{plain(span.title or span.doc)} · {span.start}–{span.end}")
    st.markdown(
        f"<div class='plangraph-source'>…{_html(before)}<mark>{_html(evidence)}</mark>"
        f"{_html(after)}…</div>",
        unsafe_allow_html=True,
    )


def _html(text: str) -> str:
    return plain(text).replace("\n", "<br>")
