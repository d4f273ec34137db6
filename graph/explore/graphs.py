"""Graph views: the nodes and relationships a page draws (st-link-analysis), identified by element
id so that the app can expand any node it shows without knowing its label."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import NEIGHBOURS


@dataclass(frozen=True, slots=True)
class GraphNode:
    key: str  # the element id: stable for as long as the app looks at the graph
    label: str
    id: str | None
    name: str


@dataclass(frozen=True, slots=True)
class GraphEdge:
    key: str
    type: str
    start: str
    end: str


@dataclass(slots=True)
class GraphView:
    """What a graph view draws (not an export: graph.export.Subgraph is that)."""

    nodes: dict[str, GraphNode] = field(default_factory=dict)
    edges: dict[str, GraphEdge] = field(default_factory=dict)

    def merge(self, other: GraphView) -> GraphView:
        """A graph view holding both."""
        return GraphView({**self.nodes, **other.nodes}, {**self.edges, **other.edges}).pruned()

    def pruned(self) -> GraphView:
        """Without the edges whose ends are missing (a graph view cannot draw them)."""
        keep = {k: e for k, e in self.edges.items() if {e.start, e.end} <= self.nodes.keys()}
        return GraphView(self.nodes, keep)


def graph_view(rows: list[dict[str, Any]]) -> GraphView:
    """The graph view of a statement's single row of ``nodes`` and ``rels`` (cypher.py)."""
    if not rows:
        return GraphView()
    nodes = [GraphNode(n["key"], n["label"], n["id"], str(n["name"])) for n in rows[0]["nodes"]]
    edges = [GraphEdge(r["key"], r["type"], r["start"], r["end"]) for r in rows[0]["rels"]]
    return GraphView({n.key: n for n in nodes}, {e.key: e for e in edges}).pruned()


def neighbours(driver: Driver, keys: list[str], *, database: str, per_type: int = 20) -> GraphView:
    """The nodes given by element id, their relationships and neighbours: at most ``per_type`` of
    each relationship type, so that 100 adopted projects do not hide the parent region."""
    rows = read(driver, NEIGHBOURS, {"keys": keys, "per_type": per_type}, database=database)
    return graph_view(rows)
