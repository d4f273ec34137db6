"""Widgets the pages share: an interactive graph view (colour by label, double-click a node to
expand it, open a region's profile) and an item's source text with the evidence highlighted.

The graph component bundles Cytoscape.js in its Python package, so it renders without a CDN.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial
from html import escape
from typing import TypeVar

import streamlit as st
from st_link_analysis import NodeStyle, st_link_analysis

from app_pages.state import cached, database, driver, guarded, t
from app_pages.text import plain
from graph.errors import PlanGraphError
from graph.explore import plans
from graph.explore.graphs import GraphView, neighbours

# Tableau 10: every label its own hue (Goal red, Measure orange: told apart at a glance).
COLOURS = {
    "Region": "#4E79A7",
    "Document": "#9C755F",
    "Section": "#BAB0AC",
    "Goal": "#E15759",
    "Measure": "#F28E2B",
    "Target": "#B07AA1",
    "Institution": "#76B7B2",
    "Project": "#59A14F",
    "Policy": "#EDC948",
    "Theme": "#FF9DA7",
}
OTHER = "#999999"
CAPTION_CHARS = 12
SIZES = (36, 46, 58, 72, 90)  # node diameter by degree: 1, 2–3, 4–7, 8–15, 16 or more
LAYOUT = {
    "name": "fcose",
    "fit": True,
    "padding": 20,
    "animate": False,
    "randomize": True,
    "nodeDimensionsIncludeLabels": True,
    "nodeRepulsion": 9000,
    "idealEdgeLength": 60,
}
PROFILE_PAGE = "app_pages/region.py"
T = TypeVar("T")
source_span = cached(plans.source_span)
region_names = cached(plans.region_names)


class _Style(NodeStyle):
    """A raw Cytoscape.js style rule (the component appends it after its own defaults)."""

    def __init__(self, selector: str, style: dict[str, object]) -> None:
        super().__init__(selector)
        self.selector, self.style = selector, style

    def dump(self) -> dict[str, object]:
        return {"selector": self.selector, "style": self.style}


def short(name: str, limit: int = CAPTION_CHARS) -> str:
    """A caption: the name, cut to ``limit`` characters with an ellipsis."""
    name = " ".join(name.split())
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _size_class(degree: int) -> str:
    return f"deg{min(degree.bit_length(), len(SIZES)) - 1 if degree else 0}"


def _elements(subgraph: GraphView) -> tuple[dict[str, list[dict[str, object]]], dict[str, str]]:
    """Cytoscape elements whose data are words — the side panel shows them all — and the map
    from each node's shown id (its full name) back to its element id, for expanding it."""
    degree = Counter(end for e in subgraph.edges.values() for end in (e.start, e.end))
    shown: dict[str, str] = {}  # element id → the node's id on screen: its full name
    for key, node in subgraph.nodes.items():
        name = " ".join(node.name.split())
        shown[key] = name if name not in shown.values() else f"{name} ({len(shown) + 1})"
    nodes: list[dict[str, object]] = [
        {
            "data": {
                "id": shown[key],
                "label": short(node.name),
                t("kind"): t(f"label_{node.label}"),
                t("links"): degree[key],
            },
            "classes": f"{node.label} {_size_class(degree[key])}",
        }
        for key, node in subgraph.nodes.items()
    ]
    edges = {
        f"{shown[e.start]} → {t(f'rel_{e.type}')} → {shown[e.end]}": (e, t(f"rel_{e.type}"))
        for e in subgraph.edges.values()
    }  # one edge per pair and type: the panel names an edge by its ends
    edge_data: list[dict[str, object]] = [
        {
            "data": {"id": id_, "label": kind, "source": shown[e.start], "target": shown[e.end]},
            "classes": e.type,
        }
        for id_, (e, kind) in edges.items()
    ]
    return {"nodes": nodes, "edges": edge_data}, {v: k for k, v in shown.items()}


def _styles(labels: list[str], *, relationship_types: bool) -> list[NodeStyle]:
    styles: list[NodeStyle] = [
        _Style(
            "node",
            {
                "label": "data(label)",
                "min-zoomed-font-size": 0,
                "font-size": 26,
                "text-max-width": "260px",
                "text-wrap": "ellipsis",
            },
        ),
        _Style("node:selected", {"label": "data(id)", "text-wrap": "wrap", "z-index": 10}),
        _Style(
            "edge",
            {
                "label": "data(label)" if relationship_types else "",
                "min-zoomed-font-size": 0,
                "font-size": 18,
                "width": 2,
                "target-arrow-shape": "triangle",
                "curve-style": "bezier",
            },
        ),
    ]
    styles += [
        _Style(f"node.deg{k}", {"width": size, "height": size}) for k, size in enumerate(SIZES)
    ]
    styles += [
        _Style(f"node.{label}", {"background-color": COLOURS.get(label, OTHER)}) for label in labels
    ]
    return styles


def _expand(key: str, widget_key: str) -> None:
    event = st.session_state.get(widget_key) or {}
    if event.get("action") != "expand":
        return
    keys = st.session_state[f"{key}-ids"]
    wanted = [keys[i] for i in event["data"]["node_ids"] if i in keys]
    try:
        more = neighbours(driver(), wanted, database=database())
    except PlanGraphError as error:
        st.session_state[f"{key}-error"] = str(error)
        return
    st.session_state[f"{key}-graph"] = st.session_state[f"{key}-graph"].merge(more)
    st.session_state[f"{key}-expanded"] = st.session_state.get(f"{key}-expanded", 0) + 1


def _only(shown: GraphView, labels: list[str]) -> GraphView:
    nodes = {k: n for k, n in shown.nodes.items() if n.label in labels}
    return GraphView(nodes, dict(shown.edges)).pruned()


def graph_view(subgraph: GraphView, *, key: str, height: int = 520) -> GraphView:
    """Draw ``subgraph`` with captions, sizes by degree and a legend in the interface language;
    a filter by label and a switch for relationship types above it. Expansions are kept until
    the page passes a different subgraph, and the view is laid out afresh (fitting the frame)
    after each. Returns what is on screen."""
    base = tuple(sorted(subgraph.nodes))
    if st.session_state.get(f"{key}-base") != base:
        st.session_state[f"{key}-base"] = base
        st.session_state[f"{key}-graph"] = subgraph
    whole: GraphView = st.session_state[f"{key}-graph"]
    if error := st.session_state.pop(f"{key}-error", None):
        st.error(error)
    present = sorted({n.label for n in whole.nodes.values()})
    left, right = st.columns([4, 1], vertical_alignment="bottom")
    labels = left.multiselect(
        t("show_labels"),
        present,
        default=present,
        key=f"{key}-labels",
        format_func=lambda label: t(f"label_{label}"),
    )
    rel_types = right.toggle(t("show_relationship_types"), key=f"{key}-types")
    shown = _only(whole, labels)
    elements, ids = _elements(shown)
    st.session_state[f"{key}-ids"] = ids
    # A new key after each expansion remounts the view, so the layout runs again and fits.
    widget_key = f"{key}-{st.session_state.get(f'{key}-expanded', 0)}"
    st_link_analysis(
        elements,
        LAYOUT,
        _styles(present, relationship_types=rel_types),
        [],
        height=height,
        key=widget_key,
        node_actions=["expand"],
        on_change=partial(_expand, key, widget_key),
    )
    _legend(shown, present)
    _profile_links(shown, key=key)
    return shown


def _legend(shown: GraphView, labels: list[str]) -> None:
    size = f"{len(shown.nodes)} {t('nodes')}, {len(shown.edges)} {t('relationships')}"
    legend = " ".join(
        f"<span style='color:{COLOURS.get(label, OTHER)}'>●</span> {escape(t(f'label_{label}'))}"
        for label in labels
    )
    st.markdown(f"<small>{legend} · {size}</small>", unsafe_allow_html=True)
    st.caption(t("graph_help"))


def _profile_links(shown: GraphView, *, key: str) -> None:
    """Open the profile of a region in the view: only regions with a plan have one."""
    with_plan = {row["name"] for row in region_names()}
    regions = sorted({n.name for n in shown.nodes.values() if n.label == "Region"} & with_plan)
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
    chosen = st.selectbox(
        label,
        values,
        index=values.index(wanted) if wanted in values else 0,
        format_func=options.__getitem__,
    )
    st.session_state[key] = chosen
    return chosen or ""  # None only when there is nothing to choose


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
