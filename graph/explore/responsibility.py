"""Who is responsible: as a chain around a project, an institution or an item (a graph view of what
the saved queries responsibility_chain and institution_duties find), and in a region: per goal and
measure of the region's plans (and of the regions under it), the lead and support units with the
sentence that names them — or, where the plan names none, the issuer that the extraction put in
their place, said as such."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import CHAIN, DUTIES, REGIONS, RESPONSIBLE_INSTITUTIONS
from graph.explore.graphs import GraphView, graph_view
from graph.explore.saved import saved_rows


@dataclass(frozen=True, slots=True)
class Duty:
    """One goal or measure and who is responsible for it."""

    region: str
    year: int | None
    document: str | None
    kind: str  # Goal or Measure
    id: str
    text: str
    goal: str | None  # a measure's goal
    lead: tuple[str, ...]
    support: tuple[str, ...]
    said: tuple[str, ...]  # the annotations that name the units, as written
    issuer_only: bool  # the plan names no unit: the units are its issuers
    inherited: bool  # the units are the goal's, the measure names none


def _duty(row: dict[str, Any]) -> Duty:
    units = row["units"]
    named = [u for u in units if u["unit"]]
    return Duty(
        row["region"], row["year"], row["document"], row["kind"], row["id"], row["text"],
        row["goal"],
        tuple(sorted({u["unit"] for u in named if u["role"] != "support"})),
        tuple(sorted({u["unit"] for u in named if u["role"] == "support"})),
        tuple(sorted({u["said"] for u in named if u["said"]})),
        bool(named) and all(u["source"] == "issuer" for u in named),
        bool(named) and all(u["inherited"] for u in named),
    )  # fmt: skip


def duties(
    driver: Driver, region: str, focus: str = "", *, database: str, limit: int = 2000
) -> list[Duty]:
    """The goals and measures of the plans of ``region`` (name or adcode) and the regions under
    it — only those about ``focus`` (a project or an institution) when given — with their lead
    and support units."""
    params = {"region": region, "focus": focus, "limit": limit}
    return [_duty(row) for row in read(driver, DUTIES, params, database=database)]


def regions(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """Regions with a plan and those above them (adcode, name), provinces first."""
    return read(driver, REGIONS, database=database)


def responsibility(driver: Driver, name: str, *, database: str, limit: int = 100) -> GraphView:
    """The chain around a project, an institution (by name) or a goal or measure (by id): items,
    their goals, documents, regions up to the parent, issuers and responsible units."""
    params = {"name": name, "limit": limit}
    found = saved_rows(driver, "responsibility_chain", params, database=database)
    charged = saved_rows(driver, "institution_duties", params, database=database)
    found += [row for row in charged if row["institution"] == name]
    items = list(dict.fromkeys(row["id"] for row in found))[:limit]
    return graph_view(read(driver, CHAIN, {"name": name, "items": items}, database=database))


def responsible_institutions(driver: Driver, *, database: str) -> list[str]:
    """Institutions named as responsible for an item, the busiest first."""
    return [r["name"] for r in read(driver, RESPONSIBLE_INSTITUTIONS, database=database)]
