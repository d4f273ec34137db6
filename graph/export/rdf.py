"""RDF exports (Turtle, JSON-LD with an inline context) with stable IRIs.

Regions are keyed by adcode, other entities by their canonical keys, items by their ids. Standard
vocabularies where they fit: W3C ORG for institutions, SKOS for projects and themes, DCTERMS for
documents and policies, PROV-O for provenance; the rest is in the PG namespace. A relationship
that carries properties also becomes a qualified pg:Relationship node, so nothing is lost.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

from graph.errors import GraphError
from graph.export.namespace import ID, PG
from graph.export.registry import register
from graph.export.subgraph import ExportNode, ExportRel, Subgraph, canonical_json

CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Document": (PG.Document, DCTERMS.BibliographicResource),
    "Region": (PG.Region, DCTERMS.Location),
    "Section": (PG.Section,),
    "Goal": (PG.Goal,),
    "Measure": (PG.Measure,),
    "Target": (PG.Target,),
    "Institution": (ORG.Organization,),
    "Project": (PG.Project, SKOS.Concept),
    "Policy": (PG.Policy, DCTERMS.BibliographicResource),
    "Theme": (PG.Theme, SKOS.Concept),
}
RELATIONS: dict[str, URIRef] = {
    "FOR_REGION": DCTERMS.spatial,
    "PART_OF": DCTERMS.isPartOf,
    "ISSUED": DCTERMS.creator,
    "LOCATED_IN": PG.locatedIn,
    "HAS_SECTION": PG.hasSection,
    "HAS_GOAL": PG.hasGoal,
    "HAS_MEASURE": PG.hasMeasure,
    "SETS_TARGET": PG.setsTarget,
    "MENTIONS": PG.mentions,
    "CITES": DCTERMS.references,
    "RESPONSIBLE_FOR": PG.responsibleFor,
    "ADOPTS": PG.adopts,
    "SIMILAR_TO": PG.similarTo,
    "ABOUT": DCTERMS.subject,
    "FOCUSES_ON": PG.focusesOn,
    "BROADER": SKOS.broader,
}
REVERSED = frozenset({"ISSUED"})  # the document dcterms:creator the institution
LABEL_PROPERTY: dict[str, dict[str, URIRef]] = {
    "Region": {"name": SKOS.prefLabel},
    "Institution": {"name": SKOS.prefLabel},
    "Project": {"name": SKOS.prefLabel, "aliases": SKOS.altLabel},
    "Policy": {"title": DCTERMS.title, "aliases": SKOS.altLabel},
    "Theme": {"label": SKOS.prefLabel, "alt_labels": SKOS.altLabel, "broader": PG.broader},
    "Document": {"title": DCTERMS.title, "doc_number": DCTERMS.identifier},
}
RENAMED = {
    "id": DCTERMS.identifier,  # a relationship's property (a node's id is its IRI)
    "source": PG.sourceFile,
    "region_name": PG.regionName,
    "batch_hash": PG.batchHash,
    "first_year": PG.firstYear,
    "shared_projects": PG.sharedProjects,
    "similar_measures": PG.similarMeasures,
    "evidence_items": PG.evidenceItems,
    "measures": PG.measureCount,
    "goals": PG.goalCount,
    "items": PG.itemCount,
    "label_en": PG.labelEn,
    "source_kind": PG.origin,
    "full_name": SKOS.altLabel,  # 区教委 written out: 区教育委员会
}
CHINESE_TEXT = frozenset(
    {
        "name",
        "title",
        "text",
        "metric",
        "aliases",
        "alt_labels",
        "label",
        "evidence",
        "shared",
        "region_name",
        "keywords",
        "issuers",
    }
)
# id is the IRI; issuers are the ISSUED relationships; sources become prov:wasDerivedFrom
SKIPPED = frozenset({"id", "issuers", "sources"})
CONTEXT = {
    "pg": str(PG._NS),
    "id": str(ID),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "org": str(ORG),
    "prov": str(PROV),
    "xsd": str(XSD),
}


def node_iri(label: str, node_id: str) -> URIRef:
    return ID[f"{label.lower()}/{quote(node_id, safe='')}"]


def to_rdf(subgraph: Subgraph) -> Graph:
    graph = Graph(bind_namespaces="none")
    for prefix, uri in CONTEXT.items():
        graph.bind(prefix, uri)
    for node in subgraph.nodes:
        _add_node(graph, node)
    for rel in subgraph.rels:
        _add_rel(graph, rel)
    return graph


def _add_node(graph: Graph, node: ExportNode) -> None:
    subject = node_iri(node.label, node.id)
    for rdf_class in CLASSES[node.label]:
        graph.add((subject, RDF.type, rdf_class))
    if node.label == "Region":
        graph.add((subject, PG.adcode, Literal(node.id)))
    for name, value in node.props.items():
        if name in SKIPPED:
            continue
        _add_value(graph, subject, _node_predicate(node.label, name), name, value)
    _add_links_from_props(graph, subject, node)
    _add_sources(graph, subject, node.props.get("sources", []))


def _add_links_from_props(graph: Graph, subject: URIRef, node: ExportNode) -> None:
    """Properties that name other nodes become links, so provenance survives the selection."""
    if "doc" in node.props:
        document = node_iri("Document", node.props["doc"])
        graph.add((subject, DCTERMS.isPartOf, document))
        graph.add((subject, PROV.wasDerivedFrom, document))
    if node.label in ("Institution", "Document") and node.props.get("region"):
        graph.add(
            (
                subject,
                PG.locatedIn if node.label == "Institution" else DCTERMS.spatial,
                node_iri("Region", node.props["region"]),
            )
        )


def _node_predicate(label: str, name: str) -> URIRef:
    if name == "issued_on":
        return DCTERMS.issued
    if name in ("doc", "region"):
        return PG.doc if name == "doc" else PG.region
    return LABEL_PROPERTY.get(label, {}).get(name) or _predicate(name)


def _predicate(name: str) -> URIRef:
    if name in RENAMED:
        return RENAMED[name]
    try:
        return PG[name]
    except (AttributeError, KeyError) as error:
        raise GraphError(f"property {name!r} has no RDF term in the PG namespace") from error


def _add_rel(graph: Graph, rel: ExportRel) -> None:
    start, end = node_iri(rel.start.label, rel.start.id), node_iri(rel.end.label, rel.end.id)
    predicate = RELATIONS[rel.type]
    graph.add((end, predicate, start) if rel.type in REVERSED else (start, predicate, end))
    if set(rel.props) - {"sources"}:
        _add_qualified(graph, rel, start, end)


def _add_sources(graph: Graph, subject: URIRef, sources: list[str]) -> None:
    for doc_id in sources:
        graph.add((subject, PROV.wasDerivedFrom, node_iri("Document", doc_id)))


def _add_qualified(graph: Graph, rel: ExportRel, start: URIRef, end: URIRef) -> None:
    digest = hashlib.sha1(canonical_json([rel.type, rel.props]).encode()).hexdigest()[:12]
    node = ID[
        f"rel/{rel.type.lower()}/{quote(rel.start.key, safe='')}/"
        f"{quote(rel.end.key, safe='')}/{digest}"
    ]
    graph.add((node, RDF.type, PG.Relationship))
    graph.add((node, PG.relationshipType, Literal(rel.type)))
    graph.add((node, PG.subject, start))
    graph.add((node, PG.object, end))
    props = dict(rel.props)
    if "starts" in props and "ends" in props:
        spans = [f"{s}-{e}" for s, e in zip(props.pop("starts"), props.pop("ends"), strict=False)]
        for span in spans:
            graph.add((node, PG.starts, Literal(span)))  # "start-end" keeps each pair together
        document = rel.start.id if rel.start.label == "Document" else rel.start.props.get("doc")
        if document:
            graph.add((node, PROV.wasDerivedFrom, node_iri("Document", document)))
    _add_sources(graph, node, props.pop("sources", []) + props.pop("docs", []))
    for name, value in props.items():
        predicate = PG.origin if name == "source" else _predicate(name)
        _add_value(graph, node, predicate, name, value)


def _add_value(graph: Graph, subject: URIRef, predicate: URIRef, name: str, value: Any) -> None:
    values = value if isinstance(value, list) else [value]
    for item in values:
        graph.add((subject, predicate, _literal(name, item)))


def _literal(name: str, value: Any) -> Literal:
    if name == "issued_on":
        return Literal(value, datatype=XSD.date)
    if isinstance(value, bool):
        return Literal(value, datatype=XSD.boolean)
    if isinstance(value, int):
        return Literal(value, datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(value, datatype=XSD.double)
    return Literal(str(value), lang="zh") if name in CHINESE_TEXT else Literal(str(value))


def _serializer(fmt: str) -> Callable[[Graph], bytes]:
    def serialize(graph: Graph) -> bytes:
        return graph.serialize(format=fmt, encoding="utf-8")

    return serialize


@register(
    "ttl",
    suffix=".ttl",
    media_type="text/turtle",
    description="RDF Turtle (ORG, SKOS, DCTERMS, PROV-O)",
)
def write_turtle(subgraph: Subgraph) -> bytes:
    return _sorted_turtle(to_rdf(subgraph))


def _sorted_turtle(graph: Graph) -> bytes:
    """rdflib orders subjects but not every object list; sort via a canonical copy."""
    ordered = Graph(bind_namespaces="none")
    for prefix, uri in graph.namespaces():
        ordered.bind(prefix, uri)
    for triple in sorted(graph, key=lambda t: tuple(x.n3() for x in t)):
        ordered.add(triple)
    return _serializer("turtle")(ordered)


@register(
    "jsonld",
    suffix=".jsonld",
    media_type="application/ld+json",
    description="JSON-LD with an inline context (no remote context)",
)
def write_jsonld(subgraph: Subgraph) -> bytes:
    text = to_rdf(subgraph).serialize(format="json-ld", context=CONTEXT, encoding="utf-8")
    document = json.loads(text)
    document["@graph"] = sorted(
        (_sorted_values(entry) for entry in document.get("@graph", [])),
        key=lambda entry: entry.get("@id", ""),
    )
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode()


def _sorted_values(entry: dict[str, Any]) -> dict[str, Any]:
    return {
        key: sorted(value, key=canonical_json) if isinstance(value, list) else value
        for key, value in entry.items()
    }
