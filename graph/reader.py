"""What the plan reader shows: a plan's whole text with the span of every extracted item (goals,
measures, targets, the projects, policies and institutions mentioned, responsibility annotations),
and any item's node with its neighbours. Plain functions over a driver; no Streamlit here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read

# Drawn from the outside in: a goal holds measures, a measure targets and mentions.
KINDS = ("goal", "measure", "target", "project", "policy", "institution", "responsibility")
ITEM_KINDS = ("goal", "measure", "target")

PLAN = """
MATCH (d:Document {id: $doc})
OPTIONAL MATCH (d)-[:FOR_REGION]->(r:Region)
RETURN d.id AS doc, d.title AS title, d.year AS year, d.text AS text, r.name AS region
"""

SPANS = """
MATCH (d:Document {id: $doc})
CALL (d) {
  MATCH (n:Goal {doc: d.id})
  RETURN 'goal' AS kind, n.id AS id, n.start AS start, n.end AS end, n.title AS name
  UNION ALL
  MATCH (n:Measure {doc: d.id})
  RETURN 'measure' AS kind, n.id AS id, n.start AS start, n.end AS end, n.text AS name
  UNION ALL
  MATCH (n:Target {doc: d.id})
  RETURN 'target' AS kind, n.id AS id, n.start AS start, n.end AS end, n.text AS name
  UNION ALL
  MATCH (d)-[m:MENTIONS]->(e:Project|Policy|Institution)
  UNWIND range(0, size(m.starts) - 1) AS k
  RETURN toLower(labels(e)[0]) AS kind, e.id AS id, m.starts[k] AS start, m.ends[k] AS end,
         coalesce(e.name, e.title) AS name
  UNION ALL
  MATCH (:Goal|Measure {doc: d.id})-[m:MENTIONS]->(e:Project|Policy|Institution)
  UNWIND range(0, size(m.starts) - 1) AS k
  RETURN toLower(labels(e)[0]) AS kind, e.id AS id, m.starts[k] AS start, m.ends[k] AS end,
         coalesce(e.name, e.title) AS name
  UNION ALL
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(:Goal|Measure {doc: d.id})
  WHERE x.start IS NOT NULL
  RETURN 'responsibility' AS kind, u.id AS id, x.start AS start, x.end AS end, u.name AS name
}
RETURN DISTINCT kind, id, start, end, name
ORDER BY start, end DESC
"""

ITEM = """
CALL () {
  MATCH (n:Goal {id: $id}) RETURN n
  UNION MATCH (n:Measure {id: $id}) RETURN n
  UNION MATCH (n:Target {id: $id}) RETURN n
}
OPTIONAL MATCH (n)-[r]-(m) WHERE NOT m:Document
WITH n, r, m ORDER BY type(r), m.start, coalesce(m.name, m.title, m.label, m.text)
RETURN toLower(labels(n)[0]) AS kind, n {.*, text: null} AS props, n.text AS text,
       [x IN collect(CASE WHEN r IS NOT NULL THEN {
          type: type(r), outgoing: startNode(r) = n, role: r.role, kind: toLower(labels(m)[0]),
          name: coalesce(m.name, m.title, m.label, m.text), name_en: m.label_en, doc: m.doc,
          start: m.start, score: r.score}
        END) | x] AS neighbours
"""


@dataclass(frozen=True, slots=True)
class Span:
    kind: str
    id: str
    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Plan:
    doc: str
    title: str | None
    year: int | None
    region: str | None
    text: str
    spans: tuple[Span, ...]

    def item_at(self, at: int) -> Span | None:
        """The innermost goal, measure or target holding character ``at``."""
        items = [s for s in self.spans if s.kind in ITEM_KINDS]
        holding = [s for s in items if s.start <= at < max(s.end, s.start + 1)]
        return min(holding, key=lambda s: s.end - s.start, default=None)

    def items(self) -> list[Span]:
        return [s for s in self.spans if s.kind in ITEM_KINDS]


@dataclass(frozen=True, slots=True)
class Neighbour:
    type: str  # relationship type
    outgoing: bool  # the item is its start
    role: str | None  # lead or support, for RESPONSIBLE_FOR
    kind: str  # the neighbour's label, lower case
    name: str
    name_en: str | None  # themes have an English label
    doc: str | None  # for items of a plan: where the reader opens them
    start: int | None
    score: float | None


@dataclass(frozen=True, slots=True)
class Item:
    kind: str
    text: str | None
    props: dict[str, Any]
    neighbours: tuple[Neighbour, ...]


def plan(driver: Driver, doc: str, *, database: str) -> Plan | None:
    rows = read(driver, PLAN, {"doc": doc}, database=database)
    if not rows:
        return None
    row = rows[0]
    spans = tuple(
        Span(s["kind"], str(s["id"]), s["start"], s["end"], str(s["name"] or ""))
        for s in read(driver, SPANS, {"doc": doc}, database=database)
        if s["start"] is not None and s["end"] is not None
    )
    return Plan(row["doc"], row["title"], row["year"], row["region"], row["text"] or "", spans)


def item(driver: Driver, item_id: str, *, database: str) -> Item | None:
    """A goal, measure or target: its properties and every neighbour but its document."""
    rows = read(driver, ITEM, {"id": item_id}, database=database)
    if not rows:
        return None
    row = rows[0]
    props = {k: v for k, v in row["props"].items() if v is not None}
    neighbours = tuple(Neighbour(**n) for n in row["neighbours"])
    return Item(row["kind"], row["text"], props, neighbours)
