"""GraphML for Gephi and Cytoscape: scalar attributes only (lists joined with " | ", maps as
JSON), the node label and relationship type as attributes, and a display label."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from graph.export.registry import register
from graph.export.subgraph import Subgraph, canonical_json

LIST_SEPARATOR = " | "
DISPLAY_PROPS = ("name", "title", "label", "metric", "text")


def to_networkx(subgraph: Subgraph) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in subgraph.nodes:
        attrs = {k: scalar(v) for k, v in node.props.items()}
        graph.add_node(node.key, **attrs, labels=node.label, label=display_label(node.props))
    for index, rel in enumerate(subgraph.rels):
        attrs = {k: scalar(v) for k, v in rel.props.items()}
        graph.add_edge(rel.start.key, rel.end.key, key=f"e{index}", type=rel.type, **attrs)
    return graph


def scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return canonical_json(value)


def display_label(props: dict[str, Any]) -> str:
    for name in DISPLAY_PROPS:
        if props.get(name):
            return str(props[name])[:60]
    return str(props.get("id", ""))


@register(
    "graphml",
    suffix=".graphml",
    media_type="application/graphml+xml",
    description="GraphML for Gephi, Cytoscape, yEd",
)
def write_graphml(subgraph: Subgraph) -> bytes:
    buffer = io.BytesIO()
    nx.write_graphml_xml(to_networkx(subgraph), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()
