"""GraphML for Gephi and Cytoscape: scalar attributes only (lists joined with " | ", maps as
JSON), the node label and relationship type as attributes, and a display label."""

from __future__ import annotations

import io
import re
from typing import Any

import networkx as nx

from graph.export.registry import register
from graph.export.subgraph import Subgraph, canonical_json

LIST_SEPARATOR = " | "
DISPLAY_PROPS = ("name", "title", "label", "metric", "text")


# Attributes this writer adds itself (and networkx's own keywords); a property of the same name
# is written as "prop_<name>" so that neither replaces the other.
WRITER_NODE_ATTRS = frozenset({"label", "labels", "node_for_adding"})
WRITER_EDGE_ATTRS = frozenset({"type", "key", "u_for_edge", "v_for_edge"})
# XML 1.0 allows no C0 control except tab, newline and carriage return, and no U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def to_networkx(subgraph: Subgraph) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in subgraph.nodes:
        attrs = _attributes(node.props, WRITER_NODE_ATTRS)
        attrs.update(labels=node.label, label=xml_text(display_label(node.props)))
        graph.add_node(xml_text(node.key), **attrs)
    for index, rel in enumerate(subgraph.rels):
        attrs = {"type": rel.type, **_attributes(rel.props, WRITER_EDGE_ATTRS)}
        graph.add_edge(xml_text(rel.start.key), xml_text(rel.end.key), f"e{index}", **attrs)
    return graph


def _attributes(props: dict[str, Any], reserved: frozenset[str]) -> dict[str, Any]:
    return {(f"prop_{k}" if k in reserved else k): scalar(v) for k, v in props.items()}


def scalar(value: Any) -> str | int | float | bool:
    if isinstance(value, bool | int | float):
        return value
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, list):
        return xml_text(LIST_SEPARATOR.join(str(v) for v in value))
    return xml_text(canonical_json(value))


def xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold written as \\uXXXX."""
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
