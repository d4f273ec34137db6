"""Node-link JSON (the shape networkx.node_link_graph reads), sorted and UTF-8."""

from __future__ import annotations

import json

from graph.export.registry import register
from graph.export.subgraph import Subgraph


def to_node_link(subgraph: Subgraph) -> dict[str, object]:
    return {
        "directed": True,
        "multigraph": True,
        "graph": {},
        "nodes": [{"id": n.key, "label": n.label, "properties": n.props} for n in subgraph.nodes],
        "links": [
            {
                "source": r.start.key,
                "target": r.end.key,
                "key": index,
                "type": r.type,
                "properties": r.props,
            }
            for index, r in enumerate(subgraph.rels)
        ],
    }


@register(
    "json",
    suffix=".json",
    media_type="application/json",
    description="node-link JSON for notebooks and D3",
)
def write_json(subgraph: Subgraph) -> bytes:
    text = json.dumps(to_node_link(subgraph), ensure_ascii=False, indent=1, sort_keys=True)
    return (text + "\n").encode("utf-8")
