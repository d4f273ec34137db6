"""The writer against the real server: idempotence, replace semantics, atomicity."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph.batch import GraphBatch, NodeRow, RelRow
from graph.errors import GraphError, SchemaViolation
from graph.neo4j_writer import remove_document, write_document


def plan(doc_id: str, projects: list[str], *, region: str = "140522") -> GraphBatch:
    """A small document: one goal mentioning the given projects, in one region."""
    goal = f"{doc_id}#g1"
    nodes = [
        NodeRow("Document", doc_id, {"source": f"{doc_id}.txt", "title": "工作要点"}),
        NodeRow("Region", region, {"name": "阳城县", "level": "county"}),
        NodeRow("Region", "140500", {"name": "晋城市", "level": "prefecture"}),
        NodeRow("Goal", goal, {"doc": doc_id, "title": "落实双减", "start": 0, "end": 4}),
        *(NodeRow("Project", p, {"name": p}) for p in projects),
    ]
    rels = [
        RelRow("FOR_REGION", "Document", doc_id, "Region", region),
        RelRow("PART_OF", "Region", region, "Region", "140500"),
        RelRow("HAS_GOAL", "Document", doc_id, "Goal", goal),
        *(
            RelRow("MENTIONS", "Goal", goal, "Project", p, {"starts": [2], "ends": [4]})
            for p in projects
        ),
    ]
    return GraphBatch(doc_id, tuple(nodes), tuple(rels))


def with_source(batch: GraphBatch, source: str) -> GraphBatch:
    document = next(n for n in batch.nodes if n.label == "Document")
    renamed = NodeRow("Document", document.id, {**document.props, "source": source})
    return GraphBatch(
        batch.doc_id, (renamed, *(n for n in batch.nodes if n is not document)), batch.rels
    )


def snapshot(driver: Driver, database: str) -> tuple[list[Any], list[Any]]:
    nodes, _, _ = driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
        database_=database,
    )
    rels, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b "
        "ORDER BY a, type, b",
        database_=database,
    )
    return [r.data() for r in nodes], [r.data() for r in rels]


def ids(driver: Driver, database: str, label: str) -> set[str]:
    records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN n.id AS id", database_=database)
    return {r["id"] for r in records}


def test_first_write_creates_everything(driver: Driver, database: str) -> None:
    result = write_document(driver, plan("d1", ["双减", "国培计划"]), database=database)
    assert result.outcome == "written"
    assert ids(driver, database, "Project") == {"双减", "国培计划"}
    nodes, rels = snapshot(driver, database)
    assert len(nodes) == 6 and len(rels) == 5


def test_writing_the_same_batch_twice_changes_nothing(driver: Driver, database: str) -> None:
    batch = plan("d1", ["双减", "国培计划"])
    write_document(driver, batch, database=database)
    before = snapshot(driver, database)
    result = write_document(driver, batch, database=database)
    assert result.outcome == "unchanged"
    assert snapshot(driver, database) == before


def test_a_changed_batch_for_the_same_document_replaces_it(driver: Driver, database: str) -> None:
    write_document(driver, plan("d1", ["双减", "国培计划"]), database=database)
    result = write_document(driver, plan("d1", ["双减"]), database=database)
    assert result.outcome == "replaced"
    assert ids(driver, database, "Project") == {"双减"}


def test_new_version_removes_only_what_no_other_document_supports(
    driver: Driver, database: str
) -> None:
    write_document(
        driver,
        with_source(plan("v1", ["双减", "国培计划", "三名工程"]), "a.txt"),
        database=database,
        source="a.txt",
    )
    write_document(driver, plan("other", ["国培计划"], region="141100"), database=database)
    result = write_document(
        driver, with_source(plan("v2", ["双减"]), "a.txt"), database=database, source="a.txt"
    )
    assert result.removed_versions == ("v1",)
    assert ids(driver, database, "Document") == {"v2", "other"}
    assert ids(driver, database, "Project") == {"双减", "国培计划"}
    assert ids(driver, database, "Goal") == {"v2#g1", "other#g1"}
    records, _, _ = driver.execute_query(
        "MATCH (p:Project {id: '国培计划'}) RETURN p.sources AS sources", database_=database
    )
    assert records[0]["sources"] == ["other"]


def test_shared_relationship_survives_while_a_document_supports_it(
    driver: Driver, database: str
) -> None:
    write_document(driver, plan("d1", []), database=database)
    write_document(driver, plan("d2", []), database=database)
    remove_document(driver, "d1", database=database)
    records, _, _ = driver.execute_query(
        "MATCH (:Region {id: '140522'})-[r:PART_OF]->(:Region {id: '140500'}) "
        "RETURN r.sources AS sources",
        database_=database,
    )
    assert [r["sources"] for r in records] == [["d2"]]
    remove_document(driver, "d2", database=database)
    assert snapshot(driver, database) == ([], [])


def test_a_refused_write_leaves_no_part_of_the_document(driver: Driver, database: str) -> None:
    good = plan("d1", ["双减"])
    bad_goal = NodeRow("Goal", "d1#g2", {"doc": "d1", "nested": {"maps": "are not properties"}})
    bad = GraphBatch("d1", (*good.nodes, bad_goal), good.rels)
    with pytest.raises(GraphError):
        write_document(driver, bad, database=database)
    assert snapshot(driver, database) == ([], [])


@pytest.mark.parametrize(
    ("rel", "message"),
    [
        (RelRow("HAS_GOAL", "Region", "140522", "Goal", "d1#g1"), "not in the schema"),
        (RelRow("MENTIONS", "Goal", "d1#g1", "Project", "missing"), "not in the batch"),
    ],
)
def test_batches_outside_the_schema_are_refused(rel: RelRow, message: str) -> None:
    batch = plan("d1", ["双减"])
    with pytest.raises(SchemaViolation, match=message):
        GraphBatch("d1", batch.nodes, (*batch.rels, rel)).validate()
