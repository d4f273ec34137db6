"""Regions: a region's profile (its goals with their measures, and what hangs off every item), its
graph, and regions side by side."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import (
    ADOPTIONS,
    MOST_SIMILAR_PAIR,
    REGION_ATTACHMENTS,
    REGION_GRAPH,
    REGION_SIZES,
    SIMILAR_MEASURES_BETWEEN,
    SIMILAR_REGIONS,
)
from graph.explore.graphs import GraphView, graph_view
from graph.explore.saved import ROW_CAP, saved_rows


@dataclass(frozen=True, slots=True)
class GoalView:
    doc: str
    year: int | None
    document: str | None
    goal_id: str
    number: str | None
    goal: str
    measures: tuple[tuple[str, str], ...]  # (id, text)


@dataclass(frozen=True, slots=True)
class RegionProfile:
    goals: tuple[GoalView, ...]
    # item id (goal, measure or document) → kind → [(entity id, name)]; kinds: target, project,
    # policy, institution (mentioned), lead and support (responsible units)
    attachments: dict[str, dict[str, list[tuple[str, str]]]]

    def of(self, item: str, kind: str) -> list[tuple[str, str]]:
        return self.attachments.get(item, {}).get(kind, [])

    def all_of(self, kind: str) -> list[str]:
        names = {name for by_kind in self.attachments.values() for _, name in by_kind.get(kind, [])}
        return sorted(names)


def region_graph(driver: Driver, region: str, *, database: str) -> GraphView:
    """A region's plans, their goals, the projects and policies the goals name and who is
    responsible for them."""
    return graph_view(read(driver, REGION_GRAPH, {"region": region}, database=database))


def region_profile(driver: Driver, region: str, *, database: str) -> RegionProfile:
    """Goals with their measures (the saved query region_profile), and what hangs off every item,
    for a region name or adcode."""
    params = {"region": region, "limit": ROW_CAP}
    rows = saved_rows(driver, "region_profile", params, database=database)
    attachments: dict[str, dict[str, list[tuple[str, str]]]]
    attachments = defaultdict(lambda: defaultdict(list))
    for row in read(driver, REGION_ATTACHMENTS, {"region": region}, database=database):
        attachments[row["item"]][row["kind"]].append((row["id"], row["name"]))
    return RegionProfile(_goal_views(rows), {k: dict(v) for k, v in attachments.items()})


def _goal_views(rows: list[dict[str, Any]]) -> tuple[GoalView, ...]:
    """The goal rows of region_profile, by year (none last) and plan, each with its measures; the
    query lists goals and measures in their plan's order."""
    measures: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows:
        if row["kind"] == "measure" and row["goal"] is not None:
            measures[row["goal"]].append((row["id"], row["item"]))
    goals = [row for row in rows if row["kind"] == "goal"]
    goals.sort(key=lambda row: (row["year"] is None, row["year"] or 0, row["doc"]))
    return tuple(_goal_view(row, tuple(measures[row["id"]])) for row in goals)


def _goal_view(row: dict[str, Any], measures: tuple[tuple[str, str], ...]) -> GoalView:
    number = row["number"]
    title = row["item"].removeprefix(f"{number}. ") if number is not None else row["item"]
    return GoalView(
        row["doc"], row["year"], row["document"], row["id"], number, title, measures
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Comparison:
    sizes: list[dict[str, Any]]
    # initiative name → (kind, adcodes of the regions that adopt it)
    adoptions: dict[str, tuple[str, frozenset[str]]]
    similar_regions: list[dict[str, Any]]
    similar_measures: list[dict[str, Any]]

    def shared(self, regions: list[str]) -> list[str]:
        return sorted(n for n, (_, by) in self.adoptions.items() if by >= set(regions))

    def only(self, region: str) -> list[str]:
        return sorted(n for n, (_, by) in self.adoptions.items() if by == {region})


def compare(driver: Driver, adcodes: list[str], *, database: str, limit: int = 30) -> Comparison:
    """Two or more regions side by side: sizes, initiatives shared and unique, similar measures."""
    params: dict[str, Any] = {"regions": adcodes, "limit": limit}
    adoptions: dict[str, tuple[str, set[str]]] = {}
    for row in read(driver, ADOPTIONS, params, database=database):
        _, regions = adoptions.setdefault(row["initiative"], (row["kind"], set()))
        regions.add(row["adcode"])
    return Comparison(
        read(driver, REGION_SIZES, params, database=database),
        {name: (kind, frozenset(by)) for name, (kind, by) in adoptions.items()},
        read(driver, SIMILAR_REGIONS, params, database=database),
        read(driver, SIMILAR_MEASURES_BETWEEN, params, database=database),
    )


def most_similar_pair(driver: Driver, *, database: str) -> list[str]:
    """The adcodes of the two regions whose plans are most alike (none before the analysis)."""
    rows = read(driver, MOST_SIMILAR_PAIR, database=database)
    return [rows[0]["a"], rows[0]["b"]] if rows else []
