"""What the plan reader shows: a plan's whole text with the span of every extracted item (goals,
measures, targets, the projects, policies and institutions mentioned, responsibility annotations),
and any item's node with its neighbours. Plain functions over a driver; no Streamlit here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import ITEM, PLAN, SPANS

# Drawn from the outside in: a goal holds measures, a measure targets and mentions.
KINDS = ("goal", "measure", "target", "project", "policy", "institution", "responsibility")
ITEM_KINDS = ("goal", "measure", "target")


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
