"""One document's Extraction → the GraphBatch the writer upserts.

Document-owned nodes (sections, goals, measures, targets) carry ``doc``, ``start`` and ``end``;
every MENTIONS relationship carries the spans (``starts``/``ends``) of the text that made it, so
every node and edge can be traced back to characters of ``Document.text``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graph.batch import GraphBatch, NodeRow, RelRow
from ingest.models import EntityMention, Extraction, Institution, Place

_ISSUER_KINDS = (
    ("委员会", "party_body"),
    ("工委", "party_body"),
    ("党委", "party_body"),
    ("人民政府", "government"),
    ("局", "bureau"),
)


class _Builder:
    def __init__(self, doc_id: str) -> None:
        self.doc_id = doc_id
        self.nodes: dict[tuple[str, str], NodeRow] = {}
        self.rels: list[RelRow] = []

    def node(self, label: str, node_id: str, /, **props: Any) -> tuple[str, str]:
        self.nodes.setdefault((label, node_id), NodeRow(label, node_id, _present(props)))
        return (label, node_id)

    def rel(
        self, rel_type: str, start: tuple[str, str], end: tuple[str, str], /, **props: Any
    ) -> None:
        self.rels.append(RelRow(rel_type, start[0], start[1], end[0], end[1], _present(props)))

    def batch(self) -> GraphBatch:
        return GraphBatch(self.doc_id, tuple(self.nodes.values()), tuple(self.rels))


def _present(props: dict[str, Any]) -> dict[str, Any]:
    """Neo4j has no null property and exports cannot tell an empty list from a missing one."""
    return {k: v for k, v in props.items() if v is not None and v != []}


def build_batch(extraction: Extraction) -> GraphBatch:
    builder = _Builder(extraction.doc_id)
    document = _add_document(builder, extraction)
    _add_region(builder, extraction, document)
    _add_structure(builder, extraction, document)
    _add_entities(builder, extraction, document)
    _add_targets(builder, extraction, document)
    _add_responsibilities(builder, extraction)
    return builder.batch()


def institution_id(institution: Institution) -> str:
    """A body is known by its full name in its region: 市教育局 in 吕梁's plan is 吕梁市教育局,
    not the 市教育局 of another city's plan. Departments (基础教育股 …) exist in every county:
    their key includes the region."""
    if institution.kind == "department" and institution.region:
        return f"{institution.region}/{institution.fullest_name}"
    return institution.fullest_name


def _add_document(builder: _Builder, extraction: Extraction) -> tuple[str, str]:
    parsed = extraction.parsed
    meta = parsed.meta
    return builder.node(
        "Document",
        extraction.doc_id,
        source=parsed.normalized.source,
        title=meta.title,
        year=meta.year,
        doc_number=meta.doc_number,
        issued_on=meta.issued_on,
        issuers=list(meta.issuers),
        text=parsed.normalized.text,
        region=extraction.region.place.adcode if extraction.region else None,
        region_name=extraction.region.place.name if extraction.region else None,
    )


def _add_places(builder: _Builder, chain: Iterable[Place]) -> tuple[str, str] | None:
    """Region nodes for a place and its parents, linked by PART_OF; returns the first one."""
    previous: tuple[str, str] | None = None
    first: tuple[str, str] | None = None
    for place in chain:
        if place.adcode is None:
            continue
        current = builder.node("Region", place.adcode, name=place.name, level=place.level)
        if previous is not None:
            builder.rel("PART_OF", previous, current)
        previous = current
        first = first or current
    return first


def _add_region(builder: _Builder, extraction: Extraction, document: tuple[str, str]) -> None:
    if extraction.region is not None:
        chain = (extraction.region.place, *extraction.region.parents)
        region = _add_places(builder, chain)
        if region is not None:
            builder.rel("FOR_REGION", document, region, evidence=extraction.region.evidence)
    for other in extraction.other_regions:
        node = _add_places(builder, (other.place, *other.parents))
        if node is not None:
            _mention_rels(builder, document, node, other.mentions)


def _add_structure(builder: _Builder, extraction: Extraction, document: tuple[str, str]) -> None:
    parsed = extraction.parsed
    doc = extraction.doc_id
    for s in parsed.sections:
        section = builder.node(
            "Section", s.id, doc=doc, number=s.number, title=s.title, start=s.start, end=s.end
        )
        builder.rel("HAS_SECTION", document, section)
    for order, g in enumerate(parsed.goals, start=1):
        goal = builder.node(
            "Goal",
            g.id,
            doc=doc,
            number=g.number,
            title=g.title,
            text=g.text,
            start=g.start,
            end=g.end,
            order=order,
        )
        builder.rel("HAS_GOAL", document, goal)
        if g.section:
            builder.rel("HAS_GOAL", ("Section", g.section), goal)
    for order, m in enumerate(parsed.measures, start=1):
        measure = builder.node(
            "Measure",
            m.id,
            doc=doc,
            text=m.text,
            start=m.start,
            end=m.end,
            order=order,
            goal=m.goal,
        )
        if m.goal:
            builder.rel("HAS_MEASURE", ("Goal", m.goal), measure)


def _item_ref(extraction: Extraction, item_id: str | None) -> tuple[str, str]:
    if item_id is None:
        return ("Document", extraction.doc_id)
    is_goal = any(g.id == item_id for g in extraction.parsed.goals)
    return ("Goal" if is_goal else "Measure", item_id)


def _mention_rels(
    builder: _Builder,
    document: tuple[str, str],
    entity: tuple[str, str],
    mentions: Iterable[EntityMention],
    *,
    extraction: Extraction | None = None,
) -> None:
    by_item: dict[str | None, list[EntityMention]] = defaultdict(list)
    for mention in mentions:
        by_item[mention.in_item].append(mention)
    for item_id, found in by_item.items():
        source = _item_ref(extraction, item_id) if extraction and item_id else document
        builder.rel(
            "MENTIONS",
            source,
            entity,
            starts=[m.start for m in found],
            ends=[m.end for m in found],
            rules=sorted({m.rule for m in found}),
        )


def _add_entities(builder: _Builder, extraction: Extraction, document: tuple[str, str]) -> None:
    for project in extraction.projects:
        node = builder.node(
            "Project", project.name, name=project.name, aliases=sorted(project.aliases)
        )
        _mention_rels(builder, document, node, project.mentions, extraction=extraction)
    for policy in extraction.policies:
        node = builder.node(
            "Policy", policy.title, title=policy.title, aliases=sorted(policy.aliases)
        )
        _mention_rels(builder, document, node, policy.mentions, extraction=extraction)
        builder.rel("CITES", document, node)
    for institution in extraction.institutions:
        node = _add_institution(builder, institution)
        _mention_rels(builder, document, node, institution.mentions, extraction=extraction)
    for issuer in extraction.parsed.meta.issuers:
        node = _add_institution(builder, _issuer(extraction, issuer))
        builder.rel("ISSUED", node, document)


def _add_institution(builder: _Builder, institution: Institution) -> tuple[str, str]:
    node = builder.node(
        "Institution",
        institution_id(institution),
        name=institution.fullest_name,
        kind=institution.kind,
        region=institution.region,
        full_name=institution.full_name,
    )
    if institution.region and ("Region", institution.region) in builder.nodes:
        builder.rel("LOCATED_IN", node, ("Region", institution.region))
    return node


def _issuer(extraction: Extraction, name: str) -> Institution:
    """The issuer as extracted, or (when the text names it only in the header) by its suffix."""
    for institution in extraction.institutions:
        if institution.name == name:
            return institution
    kind = next((k for suffix, k in _ISSUER_KINDS if suffix in name), "other")
    region = extraction.region.place.adcode if extraction.region else None
    return Institution(name=name, kind=kind, mentions=(), region=region)  # type: ignore[arg-type]


def _add_targets(builder: _Builder, extraction: Extraction, document: tuple[str, str]) -> None:
    for index, t in enumerate(extraction.targets, start=1):
        target = builder.node(
            "Target",
            f"{extraction.doc_id}#t{index}",
            doc=extraction.doc_id,
            text=t.text,
            metric=t.metric,
            value=t.value,
            unit=t.unit,
            comparator=t.comparator,
            deadline=t.deadline,
            start=t.start,
            end=t.end,
        )
        builder.rel("SETS_TARGET", _item_ref(extraction, t.in_item), target)


def _add_responsibilities(builder: _Builder, extraction: Extraction) -> None:
    by_name = {i.name: i for i in extraction.institutions}
    for r in extraction.responsibilities:
        institution = by_name.get(r.institution) or _issuer(extraction, r.institution)
        node = _add_institution(builder, institution)
        builder.rel(
            "RESPONSIBLE_FOR",
            node,
            _item_ref(extraction, r.item),
            role=r.role,
            source=r.source,
            start=r.start,
            end=r.end,
        )
