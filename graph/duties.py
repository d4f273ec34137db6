"""Who is responsible, in a region: per goal and measure of the region's plans (and of the regions
under it), the lead and support units with the sentence that names them — or, where the plan
names none, the issuer that the extraction put in their place, said as such.

Plain functions over a driver; no Streamlit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read

# $focus: '' for every item, else a project (name or alias) the item mentions or an institution
# responsible for it. A measure without units of its own takes its goal's.
DUTIES = """
MATCH (w:Region) WHERE w.id = $region OR w.name = $region
MATCH (r:Region)-[:PART_OF*0..]->(w)
MATCH (d:Document)-[:FOR_REGION]->(r)
MATCH (i:Goal|Measure {doc: d.id})
WHERE $focus = ''
   OR EXISTS { MATCH (i)-[:MENTIONS]->(p:Project)
               WHERE p.name = $focus OR $focus IN coalesce(p.aliases, []) }
   OR EXISTS { MATCH (:Institution {name: $focus})-[:RESPONSIBLE_FOR]->(i) }
OPTIONAL MATCH (goal:Goal)-[:HAS_MEASURE]->(i)
OPTIONAL CALL (i, goal, d) {
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(i)
  RETURN u.name AS unit, x.role AS role, x.source AS source, false AS inherited,
         CASE WHEN x.start IS NOT NULL THEN substring(d.text, x.start, x.end - x.start) END AS said
  UNION
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(goal)
  WHERE NOT EXISTS { (:Institution)-[:RESPONSIBLE_FOR]->(i) }
  RETURN u.name AS unit, x.role AS role, x.source AS source, true AS inherited,
         CASE WHEN x.start IS NOT NULL THEN substring(d.text, x.start, x.end - x.start) END AS said
}
WITH r, d, i, goal, collect({unit: unit, role: role, source: source, inherited: inherited,
                             said: said}) AS units
RETURN r.name AS region, d.year AS year, d.title AS document, labels(i)[0] AS kind, i.id AS id,
       coalesce(i.title, i.text) AS text, goal.title AS goal, units
ORDER BY r.id, year, d.id, i.start
LIMIT $limit
"""

# The regions with a plan and every region above one, for choosing where to look.
REGIONS = """
MATCH (:Document)-[:FOR_REGION]->(:Region)-[:PART_OF*0..]->(a:Region)
RETURN DISTINCT a.id AS adcode, a.name AS name
ORDER BY adcode
"""


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
