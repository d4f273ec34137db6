"""graph/explore/regions.py: a region's profile and regions side by side, on the loaded samples."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.explore.regions import compare, region_profile

pytestmark = pytest.mark.neo4j


def test_region_profile_nests_measures_under_goals(sample_graph: Driver, database: str) -> None:
    profile = region_profile(sample_graph, "140522", database=database)
    assert len(profile.goals) == 21
    first = profile.goals[0]
    assert first.number == "1" and first.measures[0][1].startswith("开展迎接、学习、宣传党的二十大")
    assert "双减" in profile.all_of("project")
    assert "阳城县教育局" in profile.all_of("lead")
    assert profile.all_of("target")


def test_region_profile_by_name_equals_by_adcode(sample_graph: Driver, database: str) -> None:
    by_name = region_profile(sample_graph, "瓮安县", database=database)
    by_code = region_profile(sample_graph, "522725", database=database)
    assert by_name == by_code and by_name.goals


def test_compare_splits_shared_and_unique(sample_graph: Driver, database: str) -> None:
    regions = ["140522", "522725"]
    comparison = compare(sample_graph, regions, database=database)
    shared = comparison.shared(regions)
    assert "双减" in shared
    only_a, only_b = comparison.only("140522"), comparison.only("522725")
    assert only_a and only_b and not set(only_a) & set(only_b) and not set(shared) & set(only_a)
    assert [row["region"] for row in comparison.sizes] == ["阳城县", "瓮安县"]
