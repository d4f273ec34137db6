"""What one document contributes to the graph: rows of nodes and relationships, ready to write."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.errors import SchemaViolation
from graph.schema import NODE_BY_LABEL, allows

Props = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class NodeRow:
    label: str
    id: str
    props: Props = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RelRow:
    type: str
    start_label: str
    start_id: str
    end_label: str
    end_id: str
    props: Props = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class GraphBatch:
    """One document's nodes and relationships. ``doc_id`` is the Document node's id."""

    doc_id: str
    nodes: tuple[NodeRow, ...]
    rels: tuple[RelRow, ...]

    def validate(self) -> None:
        """Raise SchemaViolation listing every row the schema does not allow."""
        problems = [
            f"unknown label {n.label!r}" for n in self.nodes if n.label not in NODE_BY_LABEL
        ]
        present = {(n.label, n.id) for n in self.nodes}
        for rel in self.rels:
            pattern = f"({rel.start_label})-[:{rel.type}]->({rel.end_label})"
            if not allows(rel.type, rel.start_label, rel.end_label):
                problems.append(f"pattern {pattern} is not in the schema")
            for end in ((rel.start_label, rel.start_id), (rel.end_label, rel.end_id)):
                if end not in present:
                    problems.append(f"{pattern} points at {end} which is not in the batch")
        if ("Document", self.doc_id) not in present:
            problems.append(f"no Document node {self.doc_id!r}")
        if problems:
            raise SchemaViolation("; ".join(sorted(set(problems))[:20]), source=self.doc_id)

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for name in [n.label for n in self.nodes] + [r.type for r in self.rels]:
            counts[name] = counts.get(name, 0) + 1
        return counts
