"""The views behind the exploration pages, on the loaded sample corpus."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph import explore

pytestmark = pytest.mark.neo4j


def test_region_profile_nests_measures_under_goals(sample_graph: Driver, database: str) -> None:
    profile = explore.region_profile(sample_graph, "140522", database=database)
    assert len(profile.goals) == 21
    first = profile.goals[0]
    assert first.number == "1" and first.measures[0][1].startswith("开展迎接、学习、宣传党的二十大")
    assert "双减" in profile.all_of("project")
    assert "阳城县教育局" in profile.all_of("lead")
    assert profile.all_of("target")


def test_region_profile_by_name_equals_by_adcode(sample_graph: Driver, database: str) -> None:
    by_name = explore.region_profile(sample_graph, "瓮安县", database=database)
    by_code = explore.region_profile(sample_graph, "522725", database=database)
    assert by_name == by_code and by_name.goals


def test_compare_splits_shared_and_unique(sample_graph: Driver, database: str) -> None:
    regions = ["140522", "522725"]
    comparison = explore.compare(sample_graph, regions, database=database)
    shared = comparison.shared(regions)
    assert "双减" in shared
    only_a, only_b = comparison.only("140522"), comparison.only("522725")
    assert only_a and only_b and not set(only_a) & set(only_b) and not set(shared) & set(only_a)
    assert [row["region"] for row in comparison.sizes] == ["阳城县", "瓮安县"]


def test_initiative_view_has_evidence_from_every_adopter(
    sample_graph: Driver, database: str
) -> None:
    view = explore.initiative(sample_graph, "双减", database=database)
    assert len(view.adopters) == 5
    assert all(any("双减" in e for e in row["evidence"]) for row in view.adopters)
    assert all(row["initiative"] != "双减" for row in view.co_adopted)
    assert all(0 < row["jaccard"] <= 1 for row in view.co_adopted)


def test_responsibility_chain_reaches_regions_and_units(
    sample_graph: Driver, database: str
) -> None:
    chain = explore.responsibility(sample_graph, "县管校聘", database=database)
    labels = {n.label for n in chain.nodes.values()}
    assert {"Project", "Measure", "Document", "Region", "Institution"} <= labels
    assert all({e.start, e.end} <= chain.nodes.keys() for e in chain.edges.values())
    regions = {n.name for n in chain.nodes.values() if n.label == "Region"}
    assert {"阳城县", "瓮安县", "高台县"} <= regions


def test_unknown_name_gives_an_empty_chain(sample_graph: Driver, database: str) -> None:
    assert not explore.responsibility(sample_graph, "没有这个项目", database=database).nodes


def test_neighbours_expand_a_node(sample_graph: Driver, database: str) -> None:
    chain = explore.responsibility(sample_graph, "县管校聘", database=database)
    region = next(n for n in chain.nodes.values() if n.name == "阳城县")
    around = explore.neighbours(sample_graph, [region.key], database=database)
    assert region.key in around.nodes
    assert {"晋城市"} <= {n.name for n in around.nodes.values()}
    merged = chain.merge(around)
    assert len(merged.nodes) > len(chain.nodes)


def test_theme_counts_and_items_agree(sample_graph: Driver, database: str) -> None:
    counts = explore.theme_counts(sample_graph, database=database)
    row = next(r for r in counts if r["region"] == "瓮安县" and r["theme_id"] == "teachers")
    items = explore.theme_items(sample_graph, "瓮安县", "teachers", database=database)
    assert len(items) == row["items"] > 0


def test_theme_counts_equal_a_count_over_about(sample_graph: Driver, database: str) -> None:
    records, _, _ = sample_graph.execute_query(
        "MATCH (r:Region)<-[:FOR_REGION]-(d:Document) "
        "MATCH (i:Goal|Measure {doc: d.id})-[:ABOUT]->(t:Theme) "
        "RETURN r.name AS region, t.id AS theme_id, count(DISTINCT i) AS items",
        database_=database,
    )
    counts = explore.theme_counts(sample_graph, database=database)
    assert {(r["region"], r["theme_id"]): r["items"] for r in counts} == {
        (r["region"], r["theme_id"]): r["items"] for r in records
    }
    assert len(counts) == len(records)
    assert all(r["theme"] and r["theme_en"] for r in counts)
    assert not any(r["subtree"] for r in counts)


def _items_by_theme(rows: list[dict[str, Any]], adcode: str) -> dict[str, int]:
    return {r["theme_id"]: r["items"] for r in rows if r["adcode"] == adcode}


def test_theme_counts_within_a_province_list_its_plans(sample_graph: Driver, database: str) -> None:
    everywhere = explore.theme_counts(sample_graph, database=database)
    shanxi = explore.theme_counts(sample_graph, "山西省", database=database)
    assert {r["region"] for r in shanxi} == {"阳城县", "吕梁市"}
    assert shanxi == [r for r in everywhere if r["region"] in {"阳城县", "吕梁市"}]
    assert explore.theme_counts(sample_graph, "不存在", database=database) == []


def test_too_many_plans_roll_up_one_level(
    sample_graph: Driver, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = explore.theme_counts(sample_graph, "140000", database=database)
    monkeypatch.setattr(explore, "THEME_REGIONS_MAX", 1)
    cities = explore.theme_counts(sample_graph, "140000", database=database)
    assert {(r["region"], r["subtree"]) for r in cities} == {("晋城市", True), ("吕梁市", True)}
    # 晋城市 has no plan of its own: its column is 阳城县's plan.
    assert _items_by_theme(cities, "140500") == _items_by_theme(plans, "140522")
    provinces = explore.theme_counts(sample_graph, database=database)
    assert {r["region"] for r in provinces} == {"山西省", "山东省", "贵州省", "甘肃省"}
    shanxi = _items_by_theme(provinces, "140000")
    for theme, items in shanxi.items():
        assert items == sum(r["items"] for r in plans if r["theme_id"] == theme)


def test_theme_items_of_a_subtree_are_its_plans_items(sample_graph: Driver, database: str) -> None:
    def ids(region: str, subtree: bool) -> set[str]:
        rows = explore.theme_items(
            sample_graph, region, "teachers", subtree=subtree, database=database
        )
        return {r["id"] for r in rows}

    assert ids("山西省", False) == set()
    below = ids("山西省", True)
    assert below == ids("阳城县", False) | ids("吕梁市", False) and below
