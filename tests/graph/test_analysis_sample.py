"""The analysis step on the five sample plans, asserting what a reader of them knows."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph.analysis import derive, region_network
from graph.neo4j_writer import remove_document

ALL_FIVE = {"140522", "522725", "620724", "141100", "371000"}
ADOPTED = [
    ("双减", ALL_FIVE),
    ("县管校聘", ALL_FIVE),
    # 吕梁 (141100) names the law without 《》: by the conventions that is no cited title.
    ("家庭教育促进法", ALL_FIVE - {"141100"}),
    ("童语同音", {"140522", "522725", "371000"}),
    ("国培计划", {"140522", "522725", "141100"}),
]

pytestmark = pytest.mark.neo4j


def rows(driver: Driver, database: str, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=database)
    return [r.data() for r in records]


def adopters(driver: Driver, database: str, name: str) -> set[str]:
    found = rows(
        driver,
        database,
        "MATCH (r:Region)-[:ADOPTS]->(e:Project|Policy) "
        "WHERE coalesce(e.name, e.title) CONTAINS $name "
        "   OR any(a IN coalesce(e.aliases, []) WHERE a CONTAINS $name) "
        "RETURN DISTINCT r.id AS region",
        name=name,
    )
    return {row["region"] for row in found}


@pytest.mark.parametrize(("name", "regions"), ADOPTED)
def test_sample_regions_adopt_what_their_plans_take_up(
    sample_graph: Driver, database: str, name: str, regions: set[str]
) -> None:
    assert adopters(sample_graph, database, name) >= regions


def test_adoptions_carry_evidence_from_the_text(sample_graph: Driver, database: str) -> None:
    found = rows(
        sample_graph,
        database,
        "MATCH (:Region {id: '140522'})-[a:ADOPTS]->(e:Project) WHERE e.name CONTAINS '县管校聘' "
        "RETURN a.evidence AS evidence, a.measures AS measures, a.first_year AS year",
    )
    assert found and all(row["year"] == 2022 and row["measures"] >= 1 for row in found)
    assert any("县管校聘" in sentence for row in found for sentence in row["evidence"])


def test_similar_measures_join_two_regions_and_explain_why(
    sample_graph: Driver, database: str
) -> None:
    found = rows(
        sample_graph,
        database,
        "MATCH (a:Measure)-[s:SIMILAR_TO]->(b:Measure) "
        "MATCH (:Document {id: a.doc})-[:FOR_REGION]->(ra:Region) "
        "MATCH (:Document {id: b.doc})-[:FOR_REGION]->(rb:Region) "
        "RETURN ra.id AS ra, rb.id AS rb, s.shared AS shared",
    )
    assert found
    assert all(row["ra"] != row["rb"] and row["shared"] for row in found)


def test_every_sample_region_has_themes(sample_graph: Driver, database: str) -> None:
    found = rows(
        sample_graph,
        database,
        "MATCH (r:Region)<-[:FOR_REGION]-(d:Document) MATCH (i:Goal|Measure {doc: d.id}) "
        "MATCH (i)-[:ABOUT]->(t:Theme) RETURN r.id AS region, count(DISTINCT t) AS themes",
    )
    assert {row["region"] for row in found} == ALL_FIVE
    assert all(row["themes"] >= 10 for row in found)


def test_every_sample_region_is_in_the_network(sample_graph: Driver, database: str) -> None:
    report = region_network(sample_graph, database=database)
    assert {row.adcode for row in report.rows} == ALL_FIVE
    assert report.edges >= 4 and {row.role for row in report.rows} >= {"typical", "outlier"}


def snapshot(driver: Driver, database: str) -> list[dict[str, Any]]:
    return rows(
        driver,
        database,
        "MATCH (a)-[r:ADOPTS|SIMILAR_TO|ABOUT|FOCUSES_ON]->(b) "
        "RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b "
        "ORDER BY a, type, b",
    )


def test_deriving_twice_gives_the_same_graph(sample_graph: Driver, database: str) -> None:
    before = snapshot(sample_graph, database)
    derive(sample_graph, database=database)
    assert snapshot(sample_graph, database) == before


def test_removing_a_plan_removes_its_regions_adoptions(sample_graph: Driver, database: str) -> None:
    (doc,) = rows(
        sample_graph,
        database,
        "MATCH (d:Document)-[:FOR_REGION]->(:Region {id: '620724'}) RETURN d.id AS id",
    )
    remove_document(sample_graph, doc["id"], database=database)
    derive(sample_graph, database=database, changed_docs=[doc["id"]])
    assert (
        rows(sample_graph, database, "MATCH (:Region {id: '620724'})-[a:ADOPTS]->() RETURN a") == []
    )
    assert adopters(sample_graph, database, "双减") == ALL_FIVE - {"620724"}
