"""What a map shows: every region with a plan under a measure (an initiative's adopters, a theme,
targets, similarity to a region), summed or combined up to the map's level (province, prefecture
or county), as units that graph.maps turns into shapes; the years an initiative spread in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import ADOPTION_YEARS, MAP_PLAN_REGIONS, MAP_VALUES, THEMES
from graph.maps import LEVELS, MapError, Unit

MEASURES = ("adopters", "theme", "targets", "similarity")


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
    if measure not in MAP_VALUES or level not in LEVELS:
        raise MapError(f"unknown map: measure {measure!r}, level {level!r}")
    found = {
        r["adcode"]: r["value"]
        for r in read(driver, MAP_VALUES[measure], {"key": key}, database=database)
    }
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in read(driver, MAP_PLAN_REGIONS, database=database):
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


def themes(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """The taxonomy's themes (id, label, label_en), for choosing what a map shows."""
    return read(driver, THEMES, database=database)
