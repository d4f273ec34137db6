"""graph/explore/responsibility.py: who is responsible in a region (units named by the plan, and the
issuer shown where it names none, said as such), and the chain around a project as a graph view."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.explore import graphs, responsibility
from graph.explore.responsibility import duties, regions

pytestmark = pytest.mark.neo4j


def test_a_named_unit_comes_with_the_words_that_name_it(small_graph: Driver, database: str) -> None:
    found = {d.kind: d for d in duties(small_graph, "阳城县", database=database)}
    measure = found["Measure"]
    assert measure.lead == ("基础教育股",) and not measure.issuer_only and not measure.inherited
    assert len(measure.said) == 1 and "（责任单位：基础教育股）" in measure.said[0]
    goal = found["Goal"]
    assert goal.lead == ("阳城县教育局",) and goal.issuer_only and goal.said == ()


def test_a_province_covers_the_plans_below_it(small_graph: Driver, database: str) -> None:
    assert {d.region for d in duties(small_graph, "山西省", database=database)} == {
        "阳城县",
        "沁水县",
    }
    assert duties(small_graph, "140500", database=database)


def test_focus_on_a_project_or_an_institution(small_graph: Driver, database: str) -> None:
    assert [d.kind for d in duties(small_graph, "阳城县", "双减", database=database)] == ["Goal"]
    by_unit = duties(small_graph, "阳城县", "基础教育股", database=database)
    assert [d.kind for d in by_unit] == ["Measure"]
    assert duties(small_graph, "阳城县", "no such project", database=database) == []


def test_samples_name_no_unit_and_say_the_issuer_stands_in(
    sample_graph: Driver, database: str
) -> None:
    found = duties(sample_graph, "阳城县", database=database)
    assert len(found) == 143
    assert all(d.issuer_only and d.lead for d in found)
    measures = [d for d in found if d.kind == "Measure"]
    assert measures and all(d.inherited and d.goal for d in measures)


def test_regions_to_choose_include_those_above_a_plan(small_graph: Driver, database: str) -> None:
    names = [r["name"] for r in regions(small_graph, database=database)]
    assert names[0] == "山西省" and {"晋城市", "阳城县", "沁水县"} <= set(names)


def test_responsibility_chain_reaches_regions_and_units(
    sample_graph: Driver, database: str
) -> None:
    chain = responsibility.responsibility(sample_graph, "县管校聘", database=database)
    labels = {n.label for n in chain.nodes.values()}
    assert {"Project", "Measure", "Document", "Region", "Institution"} <= labels
    assert all({e.start, e.end} <= chain.nodes.keys() for e in chain.edges.values())
    regions = {n.name for n in chain.nodes.values() if n.label == "Region"}
    assert {"阳城县", "瓮安县", "高台县"} <= regions


def test_unknown_name_gives_an_empty_chain(sample_graph: Driver, database: str) -> None:
    assert not responsibility.responsibility(sample_graph, "没有这个项目", database=database).nodes


def test_neighbours_expand_a_node(sample_graph: Driver, database: str) -> None:
    chain = responsibility.responsibility(sample_graph, "县管校聘", database=database)
    region = next(n for n in chain.nodes.values() if n.name == "阳城县")
    around = graphs.neighbours(sample_graph, [region.key], database=database)
    assert region.key in around.nodes
    assert {"晋城市"} <= {n.name for n in around.nodes.values()}
    merged = chain.merge(around)
    assert len(merged.nodes) > len(chain.nodes)
