"""A selected part of the graph as plain, deterministically ordered Python data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class ExportNode:
    label: str
    id: str
    props: dict[str, Any]

    @property
    def key(self) -> str:
        """Ids are unique per label only, so exports key nodes by label and id."""
        return f"{self.label}:{self.id}"


@dataclass(frozen=True, slots=True)
class ExportRel:
    type: str
    start: ExportNode
    end: ExportNode
    props: dict[str, Any]

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.type, self.start.key, self.end.key, canonical_json(self.props))


@dataclass(frozen=True, slots=True)
class Subgraph:
    nodes: tuple[ExportNode, ...]
    rels: tuple[ExportRel, ...]

    @classmethod
    def of(cls, nodes: list[ExportNode], rels: list[ExportRel]) -> Subgraph:
        unique = {node.key: node for node in nodes}
        return cls(
            nodes=tuple(sorted(unique.values(), key=lambda n: n.key)),
            rels=tuple(sorted({r.key: r for r in rels}.values(), key=lambda r: r.key)),
        )

    def node(self, key: str) -> ExportNode:
        return {n.key: n for n in self.nodes}[key]


def canonical_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
