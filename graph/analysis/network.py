"""The region network: regions with plans, joined by Region SIMILAR_TO weighted by its score.

Communities by Louvain (seeded, so the same graph gives the same communities); centrality as
weighted degree (strength) and eigenvector centrality. The most central fifth of the regions are
"typical" (their plans look like many others), the least connected fifth "outlier".
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Literal

import networkx as nx
from neo4j import Driver

from graph.analysis import statements
from graph.analysis.store import fetch
from graph.csv_out import csv_text

Role = Literal["typical", "member", "outlier"]
Format = Literal["table", "csv", "json"]
ROLE_SHARE = 0.2
SEED = 42


@dataclass(frozen=True, slots=True)
class NetworkRow:
    adcode: str
    name: str
    level: str
    community: int  # 1 = the largest community
    degree: int
    strength: float  # sum of the scores of the region's SIMILAR_TO
    eigenvector: float
    role: Role


@dataclass(frozen=True, slots=True)
class NetworkReport:
    rows: tuple[NetworkRow, ...]  # most central first
    communities: int
    edges: int
    modularity: float


def region_network(driver: Driver, *, database: str, seed: int = SEED) -> NetworkReport:
    nodes = fetch(driver, statements.NETWORK_NODES, database=database)
    edges = fetch(driver, statements.NETWORK_EDGES, database=database)
    return analyse_network(nodes, edges, seed=seed)


def analyse_network(
    nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]], *, seed: int = SEED
) -> NetworkReport:
    """Nodes: {id, name, level}; edges: {a, b, score}. Pure: no database."""
    graph = nx.Graph()
    for node in nodes:
        graph.add_node(node["id"], name=node.get("name") or "", level=node.get("level") or "")
    for edge in edges:
        if edge["a"] in graph and edge["b"] in graph:
            graph.add_edge(edge["a"], edge["b"], weight=float(edge["score"]))
    found = _louvain(graph, seed=seed)
    communities = _numbered(found)
    strength = dict(graph.degree(weight="weight"))
    eigenvector = _eigenvector(graph)
    roles = _roles(graph, strength)
    rows = [
        NetworkRow(
            adcode=region,
            name=graph.nodes[region]["name"],
            level=graph.nodes[region]["level"],
            community=communities[region],
            degree=graph.degree(region),
            strength=round(strength[region], 4),
            eigenvector=round(eigenvector[region], 4),
            role=roles[region],
        )
        for region in graph.nodes
    ]
    rows.sort(key=lambda row: (-row.strength, row.adcode))
    return NetworkReport(
        tuple(rows), len(found), graph.number_of_edges(), _modularity(graph, found)
    )


def format_network(report: NetworkReport, *, fmt: Format = "table") -> str:
    formatters = {"table": _table, "csv": _csv, "json": _json}
    return formatters[fmt](report)


def _louvain(graph: nx.Graph, *, seed: int) -> list[set[str]]:
    """Communities, largest first (ties: smallest adcode first), so numbering is stable."""
    if graph.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    return sorted(found, key=lambda members: (-len(members), min(members)))


def _numbered(communities: Sequence[set[str]]) -> dict[str, int]:
    return {region: number for number, members in enumerate(communities, 1) for region in members}


def _modularity(graph: nx.Graph, communities: Sequence[set[str]]) -> float:
    if graph.number_of_edges() == 0:
        return 0.0
    return round(nx.community.modularity(graph, communities, weight="weight"), 4)


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    """Per connected component, so that a small island is not all zeros."""
    values = {region: 0.0 for region in graph.nodes}
    for component in nx.connected_components(graph):
        if len(component) < 2:
            continue
        sub = graph.subgraph(component)
        share = len(component) / graph.number_of_nodes()
        found = nx.eigenvector_centrality_numpy(sub, weight="weight")
        values.update({region: abs(value) * share for region, value in found.items()})
    return values


def _roles(graph: nx.Graph, strength: Mapping[str, float]) -> dict[str, Role]:
    ranked = sorted(graph.nodes, key=lambda region: (-strength[region], region))
    size = max(1, math.ceil(len(ranked) * ROLE_SHARE)) if len(ranked) > 2 else 0
    roles: dict[str, Role] = {region: "member" for region in ranked}
    for region in ranked[len(ranked) - size :] if size else []:
        roles[region] = "outlier"
    for region in ranked[:size]:
        if strength[region] > 0:
            roles[region] = "typical"
    for region in ranked:
        if graph.degree(region) == 0:
            roles[region] = "outlier"
    return roles


_COLUMNS = ("adcode", "name", "community", "degree", "strength", "eigenvector", "role")


def _table(report: NetworkReport) -> str:
    cells = [list(_COLUMNS)] + [[str(getattr(r, c)) for c in _COLUMNS] for r in report.rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(_COLUMNS))]
    lines = ["  ".join(_pad(cell, w) for cell, w in zip(row, widths, strict=True)) for row in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    summary = (
        f"{len(report.rows)} regions, {report.edges} SIMILAR_TO edges, "
        f"{report.communities} communities (modularity {report.modularity})"
    )
    return "\n".join([*lines, "", summary])


def _csv(report: NetworkReport) -> str:
    return csv_text(list(NetworkRow.__dataclass_fields__), [asdict(row) for row in report.rows])


def _json(report: NetworkReport) -> str:
    payload = {
        "communities": report.communities,
        "edges": report.edges,
        "modularity": report.modularity,
        "regions": [asdict(row) for row in report.rows],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
