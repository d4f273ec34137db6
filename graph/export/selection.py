"""Which part of the graph to export: seeds found by name, expanded a number of hops.

Expansion runs hop by hop with parameterised queries over element ids, then the induced
subgraph (every relationship between selected nodes) is read. Without provenance, document text,
spans and the ``sources`` bookkeeping are left out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.errors import GraphError
from graph.export.subgraph import ExportNode, ExportRel, Subgraph
from graph.queries import coerce_params, get_query, run_query

MAX_NODES = 200_000
MAX_HOPS = 5
PROVENANCE_PROPS = frozenset(
    {
        "text",
        "start",
        "end",
        "starts",
        "ends",
        "sources",
        "rules",
        "doc",
        "batch_hash",
        "evidence_items",
        "docs",
    }
)
KEEP_TEXT_OF = frozenset({"Goal", "Measure", "Target"})  # their text is content, not provenance

SEED_QUERIES = {
    "regions": "MATCH (n:Region) WHERE n.name IN $names OR n.id IN $names "
    "RETURN elementId(n) AS eid",
    "projects": "MATCH (n:Project) WHERE n.name IN $names OR any(a IN coalesce(n.aliases, []) "
    "WHERE a IN $names) RETURN elementId(n) AS eid",
    "policies": "MATCH (n:Policy) WHERE n.title IN $names OR any(a IN coalesce(n.aliases, []) "
    "WHERE a IN $names) RETURN elementId(n) AS eid",
    "themes": "MATCH (n:Theme) WHERE n.id IN $names OR n.label IN $names "
    "OR n.label_en IN $names RETURN elementId(n) AS eid",
    "institutions": "MATCH (n:Institution) WHERE n.name IN $names OR n.id IN $names "
    "RETURN elementId(n) AS eid",
}
NEIGHBOURS = "MATCH (n)--(m) WHERE elementId(n) IN $frontier RETURN DISTINCT elementId(m) AS eid"
NODES = (
    "MATCH (n) WHERE elementId(n) IN $eids "
    "RETURN elementId(n) AS eid, labels(n)[0] AS label, properties(n) AS props"
)
RELS = (
    "MATCH (a)-[r]->(b) WHERE elementId(a) IN $eids AND elementId(b) IN $eids "
    "RETURN elementId(a) AS a, type(r) AS type, properties(r) AS props, elementId(b) AS b"
)
ALL_EIDS = "MATCH (n) RETURN elementId(n) AS eid"


@dataclass(frozen=True, slots=True)
class Selection:
    regions: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()
    policies: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    query: str | None = None
    query_params: Mapping[str, str] = field(default_factory=dict)
    hops: int = 1
    provenance: bool = False

    def is_empty(self) -> bool:
        named = (self.regions, self.projects, self.policies, self.themes, self.institutions)
        return not any(named) and self.query is None


def select_subgraph(driver: Driver, selection: Selection, *, database: str) -> Subgraph:
    if not 0 <= selection.hops <= MAX_HOPS:
        raise GraphError(f"--hops must be between 0 and {MAX_HOPS}, not {selection.hops}")
    seeds = _seeds(driver, selection, database=database)
    if not seeds:
        raise GraphError("the selection matches nothing in the graph")
    eids = _expand(driver, seeds, selection.hops, database=database)
    return read_subgraph(driver, sorted(eids), provenance=selection.provenance, database=database)


def whole_graph(driver: Driver, *, database: str, provenance: bool = True) -> Subgraph:
    eids = [row["eid"] for row in read(driver, ALL_EIDS, database=database)]
    return read_subgraph(driver, eids, provenance=provenance, database=database)


def read_subgraph(
    driver: Driver, eids: Sequence[str], *, provenance: bool, database: str
) -> Subgraph:
    rows = read(driver, NODES, {"eids": list(eids)}, database=database, timeout=300)
    by_eid = {r["eid"]: _node(r["label"], r["props"], provenance) for r in rows}
    rel_rows = read(driver, RELS, {"eids": list(eids)}, database=database, timeout=300)
    rels = [
        ExportRel(r["type"], by_eid[r["a"]], by_eid[r["b"]], _props(r["props"], provenance))
        for r in rel_rows
    ]
    return Subgraph.of(list(by_eid.values()), rels)


def _seeds(driver: Driver, selection: Selection, *, database: str) -> set[str]:
    seeds: set[str] = set()
    for kind, query in SEED_QUERIES.items():
        names = list(getattr(selection, kind))
        if names:
            seeds |= {r["eid"] for r in read(driver, query, {"names": names}, database=database)}
    if selection.query is not None:
        seeds |= _seeds_from_saved_query(driver, selection, database=database)
    return seeds


def _seeds_from_saved_query(driver: Driver, selection: Selection, *, database: str) -> set[str]:
    query = get_query(selection.query or "")
    result = run_query(
        driver, query, coerce_params(query, selection.query_params), database=database
    )
    keys = {
        (label, value["id"])
        for row in result.rows
        for value in row.values()
        if isinstance(value, dict) and "id" in value
        for label in value.get("labels", [])
    }
    found = read(
        driver,
        "UNWIND $keys AS key MATCH (n {id: key[1]}) WHERE key[0] IN labels(n) "
        "RETURN elementId(n) AS eid",
        {"keys": [list(k) for k in sorted(keys)]},
        database=database,
    )
    return {r["eid"] for r in found}


def _expand(driver: Driver, seeds: set[str], hops: int, *, database: str) -> set[str]:
    selected, frontier = set(seeds), set(seeds)
    for _ in range(hops):
        rows = read(driver, NEIGHBOURS, {"frontier": sorted(frontier)}, database=database)
        frontier = {r["eid"] for r in rows} - selected
        selected |= frontier
        if len(selected) > MAX_NODES:
            raise GraphError(f"the selection grows past {MAX_NODES} nodes: use fewer --hops")
        if not frontier:
            break
    return selected


# Bookkeeping of the load, not part of what a document says.
INTERNAL_PROPS = frozenset({"analysis_pending"})


def _node(label: str, props: dict[str, Any], provenance: bool) -> ExportNode:
    props = {k: v for k, v in props.items() if k not in INTERNAL_PROPS}
    kept = props if provenance or label in KEEP_TEXT_OF else _props(props, provenance)
    if not provenance:
        kept = {k: v for k, v in kept.items() if k not in PROVENANCE_PROPS - {"text"}}
    return ExportNode(label, str(props["id"]), dict(sorted(kept.items())))


def _props(props: dict[str, Any], provenance: bool) -> dict[str, Any]:
    if provenance:
        return dict(sorted(props.items()))
    return {k: v for k, v in sorted(props.items()) if k not in PROVENANCE_PROPS}
