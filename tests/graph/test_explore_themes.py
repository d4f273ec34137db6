"""graph/explore/themes.py: goals and measures per region and theme, on the loaded samples."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph.explore import themes

pytestmark = pytest.mark.neo4j


def test_theme_counts_and_items_agree(sample_graph: Driver, database: str) -> None:
    counts = themes.theme_counts(sample_graph, database=database)
    row = next(r for r in counts if r["region"] == "瓮安县" and r["theme_id"] == "teachers")
    items = themes.theme_items(sample_graph, "瓮安县", "teachers", database=database)
    assert len(items) == row["items"] > 0


def test_theme_counts_equal_a_count_over_about(sample_graph: Driver, database: str) -> None:
    records, _, _ = sample_graph.execute_query(
        "MATCH (r:Region)<-[:FOR_REGION]-(d:Document) "
        "MATCH (i:Goal|Measure {doc: d.id})-[:ABOUT]->(t:Theme) "
        "RETURN r.name AS region, t.id AS theme_id, count(DISTINCT i) AS items",
        database_=database,
    )
    counts = themes.theme_counts(sample_graph, database=database)
    assert {(r["region"], r["theme_id"]): r["items"] for r in counts} == {
        (r["region"], r["theme_id"]): r["items"] for r in records
    }
    assert len(counts) == len(records)
    assert all(r["theme"] and r["theme_en"] for r in counts)
    assert not any(r["subtree"] for r in counts)


def _items_by_theme(rows: list[dict[str, Any]], adcode: str) -> dict[str, int]:
    return {r["theme_id"]: r["items"] for r in rows if r["adcode"] == adcode}


def test_theme_counts_within_a_province_list_its_plans(sample_graph: Driver, database: str) -> None:
    everywhere = themes.theme_counts(sample_graph, database=database)
    shanxi = themes.theme_counts(sample_graph, "山西省", database=database)
    assert {r["region"] for r in shanxi} == {"阳城县", "吕梁市"}
    assert shanxi == [r for r in everywhere if r["region"] in {"阳城县", "吕梁市"}]
    assert themes.theme_counts(sample_graph, "不存在", database=database) == []


def test_too_many_plans_roll_up_one_level(
    sample_graph: Driver, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = themes.theme_counts(sample_graph, "140000", database=database)
    monkeypatch.setattr(themes, "THEME_REGIONS_MAX", 1)
    cities = themes.theme_counts(sample_graph, "140000", database=database)
    assert {(r["region"], r["subtree"]) for r in cities} == {("晋城市", True), ("吕梁市", True)}
    # 晋城市 has no plan of its own: its column is 阳城县's plan.
    assert _items_by_theme(cities, "140500") == _items_by_theme(plans, "140522")
    provinces = themes.theme_counts(sample_graph, database=database)
    assert {r["region"] for r in provinces} == {"山西省", "山东省", "贵州省", "甘肃省"}
    shanxi = _items_by_theme(provinces, "140000")
    for theme, items in shanxi.items():
        assert items == sum(r["items"] for r in plans if r["theme_id"] == theme)


def test_theme_items_of_a_subtree_are_its_plans_items(sample_graph: Driver, database: str) -> None:
    def ids(region: str, subtree: bool) -> set[str]:
        rows = themes.theme_items(
            sample_graph, region, "teachers", subtree=subtree, database=database
        )
        return {r["id"] for r in rows}

    assert ids("山西省", False) == set()
    below = ids("山西省", True)
    assert below == ids("阳城县", False) | ids("吕梁市", False) and below
