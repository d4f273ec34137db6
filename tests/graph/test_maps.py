"""Answers keyed by region for the map, and the shipped boundaries, on the sample corpus."""

from __future__ import annotations

import numpy as np
import pytest
from neo4j import Driver

from graph import maps
from graph.explore.maps import adoption_years, region_values
from graph.maps.build import signed_area, simplify, simplify_geometry

SHUANGJIAN = {"140522": 2022, "522725": 2022, "620724": 2023, "141100": 2022, "371000": 2022}


@pytest.mark.neo4j
def test_county_map_shows_every_adopter_of_shuangjian(sample_graph: Driver, database: str) -> None:
    units = region_values(sample_graph, "adopters", "双减", "county", database=database)
    assert {u.adcode: u.value for u in units} == SHUANGJIAN
    features, unmapped = maps.shapes(units, "county")
    coloured = {f["properties"]["adcode"]: f["properties"]["value"] for f in features
                if f["properties"]["value"] is not None}  # fmt: skip
    assert coloured == SHUANGJIAN and not unmapped
    # the prefectures with a plan of their own keep their outline; their counties are not drawn
    adcodes = [f["properties"]["adcode"] for f in features]
    assert not [a for a in adcodes if a.startswith("1411") and a != "141100"]
    # provinces without a plan are drawn whole, as no data, so the map keeps the country's shape
    beijing = next(f for f in features if f["properties"]["adcode"] == "110000")
    assert beijing["properties"]["value"] is None and "110101" not in adcodes
    # the other counties of those provinces are there, as "no data", not as zero
    others = [f for f in features if f["properties"]["adcode"].startswith("1405")]
    assert len(others) > 1 and all(f["properties"]["value"] is None for f in others
                                   if f["properties"]["adcode"] != "140522")  # fmt: skip


@pytest.mark.neo4j
def test_province_map_sums_up_the_plans_below(sample_graph: Driver, database: str) -> None:
    units = region_values(sample_graph, "adopters", "双减", "province", database=database)
    shanxi = next(u for u in units if u.adcode == "140000")
    assert shanxi.plans == ("吕梁市", "阳城县") and shanxi.adopters == 2 and shanxi.value == 2022
    features, _ = maps.shapes(units, "province")
    assert len(features) == len(maps.boundaries("province"))
    coloured = {f["properties"]["adcode"] for f in features if f["properties"]["value"]}
    assert coloured == {"140000", "370000", "520000", "620000"}


@pytest.mark.neo4j
def test_targets_count_zero_only_for_a_plan_without_targets(
    sample_graph: Driver, database: str
) -> None:
    units = region_values(sample_graph, "targets", "", "prefecture", database=database)
    assert {u.adcode for u in units} == {"140500", "141100", "371000", "522700", "620700"}
    assert all(u.value is not None and u.value >= 0 for u in units)
    assert sum(u.value or 0 for u in units) > 0


@pytest.mark.neo4j
def test_similarity_to_a_region_colours_the_others(sample_graph: Driver, database: str) -> None:
    units = region_values(sample_graph, "similarity", "阳城县", "county", database=database)
    by_code = {u.adcode: u.value for u in units}
    assert by_code["140522"] == 1.0  # the region chosen, like itself
    assert all(0 < v < 1 for a, v in by_code.items() if a != "140522")


@pytest.mark.neo4j
def test_adoption_timeline_counts_first_years(sample_graph: Driver, database: str) -> None:
    years = adoption_years(sample_graph, "双减", database=database)
    assert [(r["year"], r["regions"]) for r in years] == [(2022, 4), (2023, 1)]


def test_unknown_measure_is_refused(sample_graph: Driver, database: str) -> None:
    with pytest.raises(maps.MapError):
        region_values(sample_graph, "nonsense", "", "county", database=database)


@pytest.mark.parametrize("level", maps.LEVELS)
def test_shipped_boundaries_are_small_and_wound_for_d3(level: str) -> None:
    features = maps.boundaries(level)
    size = (maps.BOUNDARIES / f"{level}.json").stat().st_size
    assert len(features) > 30 and size < 3_500_000
    for feature in list(features.values())[:200]:
        for polygon in feature["geometry"]["coordinates"]:
            assert signed_area(np.asarray(polygon[0])) < 0  # exterior clockwise: d3-geo's way


def test_simplify_keeps_the_corners_and_drops_the_wiggles() -> None:
    square = [[0, 0], [0, 1], [0.5, 1.001], [1, 1], [1, 0], [0, 0]]
    kept = simplify(np.asarray(square, dtype=float), 0.01)
    assert kept.tolist() == [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]
    tiny = {"type": "Polygon", "coordinates": [[[0, 0], [0, 0.001], [0.001, 0], [0, 0]]]}
    assert simplify_geometry(tiny, 0.01) is not None  # smaller than the tolerance, still drawn
