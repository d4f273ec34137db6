"""The writer against the real server: idempotence, replace semantics, atomicity, and group
writes (many documents a transaction) that leave the graph as writing them one by one does."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph.batch import GraphBatch, NodeRow, RelRow
from graph.build import build_batch
from graph.db import connect
from graph.errors import GraphError, SchemaViolation
from graph.neo4j_writer import WriteResult, remove_document, write_document, write_documents
from graph.settings import load_settings
from ingest.pipeline import extract_file


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


def of_plan(batch: GraphBatch, title: str = "2023年工作要点", region: str = "140522") -> GraphBatch:
    """The batch as a version of one plan: its region, year and title are what identify it."""
    document = next(n for n in batch.nodes if n.label == "Document")
    props = {**document.props, "region": region, "year": 2023, "title": title}
    return GraphBatch(
        batch.doc_id,
        (NodeRow("Document", document.id, props), *(n for n in batch.nodes if n is not document)),
        batch.rels,
    )


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
        of_plan(with_source(plan("v1", ["双减", "国培计划", "三名工程"]), "a.txt")),
        database=database,
        source="a.txt",
    )
    other = of_plan(plan("other", ["国培计划"], region="141100"), region="141100")
    write_document(driver, other, database=database)
    result = write_document(
        driver,
        of_plan(with_source(plan("v2", ["双减"]), "b.txt")),
        database=database,
        source="b.txt",
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


# ------------------------------------------------------------------------------ group writes


def source_of(batch: GraphBatch) -> str:
    return str(next(n for n in batch.nodes if n.label == "Document").props["source"])


def graph_state(driver: Driver, database: str) -> tuple[list[str], list[str]]:
    """Every node and relationship with its properties, in an order that does not depend on the
    server (parallel relationships differ only by their properties)."""
    nodes, rels = snapshot(driver, database)
    dump = [[json.dumps(row, ensure_ascii=False, sort_keys=True, default=str) for row in part]
            for part in (nodes, rels)]  # fmt: skip
    return sorted(dump[0]), sorted(dump[1])


def one_by_one(
    driver: Driver, database: str, batches: Sequence[GraphBatch], sources: Sequence[str | None]
) -> list[WriteResult | GraphError]:
    results: list[WriteResult | GraphError] = []
    for batch, source in zip(batches, sources, strict=True):
        try:
            results.append(write_document(driver, batch, database=database, source=source))
        except GraphError as error:
            results.append(error)
    return results


def empty(driver: Driver, database: str) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)


def outcomes(results: Sequence[WriteResult | GraphError]) -> list[Any]:
    return [
        type(r).__name__ if isinstance(r, GraphError) else (r.outcome, r.removed_versions)
        for r in results
    ]


def without_last_measure(batch: GraphBatch) -> GraphBatch:
    """A new version of a plan: its last measure dropped."""
    last = [n for n in batch.nodes if n.label == "Measure"][-1]
    return GraphBatch(
        batch.doc_id,
        tuple(n for n in batch.nodes if n is not last),
        tuple(r for r in batch.rels if last.id not in (r.start_id, r.end_id)),
    )


def refused_by_the_server(batch: GraphBatch) -> GraphBatch:
    """Valid for the schema, but a map is no property value: the server refuses the document."""
    bad = NodeRow("Goal", f"{batch.doc_id}#bad", {"doc": batch.doc_id, "nested": {"no": "maps"}})
    return GraphBatch(batch.doc_id, (*batch.nodes, bad), batch.rels)


@pytest.mark.parametrize("max_documents", [2, 50])
def test_a_group_write_equals_writing_one_by_one(
    driver: Driver, database: str, corpus_batches: list[GraphBatch], max_documents: int
) -> None:
    sources = [source_of(b) for b in corpus_batches]
    expected = outcomes(one_by_one(driver, database, corpus_batches, sources))
    one_by_one_graph = graph_state(driver, database)
    empty(driver, database)
    results = write_documents(
        driver, corpus_batches, database=database, sources=sources, max_documents=max_documents
    )
    assert outcomes(results) == expected == [("written", ())] * len(corpus_batches)
    assert graph_state(driver, database) == one_by_one_graph
    assert [r.counts for r in results if isinstance(r, WriteResult)] == [
        b.counts() for b in corpus_batches
    ]


def test_a_group_written_twice_is_unchanged(
    driver: Driver, database: str, corpus_batches: list[GraphBatch]
) -> None:
    sources = [source_of(b) for b in corpus_batches]
    write_documents(driver, corpus_batches, database=database, sources=sources)
    before = graph_state(driver, database)
    again = write_documents(driver, corpus_batches, database=database, sources=sources)
    assert outcomes(again) == [("unchanged", ())] * len(corpus_batches)
    assert graph_state(driver, database) == before


def test_new_versions_in_a_group_replace_the_old_ones_as_one_by_one(
    driver: Driver,
    database: str,
    corpus_files: list[Path],
    corpus_batches: list[GraphBatch],
    tmp_path: Path,
) -> None:
    first, second, *rest = corpus_batches
    group = [next_version(corpus_files[0], tmp_path), without_last_measure(second), *rest]
    assert source_of(group[0]) == source_of(first) and group[0].doc_id != first.doc_id
    sources = [source_of(b) for b in group]
    states, results = [], []
    for write in (one_by_one, _grouped):
        empty(driver, database)
        write(driver, database, corpus_batches, [source_of(b) for b in corpus_batches])
        results.append(outcomes(write(driver, database, group, sources)))
        states.append(graph_state(driver, database))
    assert results[0] == results[1]
    assert results[1] == [
        ("replaced", (first.doc_id,)),
        ("replaced", ()),
        *[("unchanged", ())] * len(rest),
    ]
    assert states[0] == states[1]
    assert first.doc_id not in ids(driver, database, "Document")


def test_documents_of_one_call_that_replace_one_another_are_written_in_turn(
    driver: Driver, database: str
) -> None:
    calls: list[tuple[list[GraphBatch], list[str | None]]] = [
        ([of_plan(with_source(plan("v1", ["双减", "国培计划"]), "a.txt")),
          of_plan(with_source(plan("v2", ["双减"]), "a.txt"))], ["a.txt", "a.txt"]),
        ([plan("d1", ["三名工程"]), with_source(plan("d1", ["三名工程"]), "b.txt")],
         ["d1.txt", "b.txt"]),
        # v2 becomes another plan first, so v3 finds no older version left to replace
        ([of_plan(with_source(plan("v2", ["国培计划"]), "c.txt"), title="2023年另一要点"),
          of_plan(with_source(plan("v3", []), "a.txt"))], ["c.txt", "a.txt"]),
    ]  # fmt: skip
    states, results = [], []
    for write in (one_by_one, _grouped):
        empty(driver, database)
        results.append([outcomes(write(driver, database, *call)) for call in calls])
        states.append(graph_state(driver, database))
    assert results[0] == results[1] == [
        [("written", ()), ("replaced", ("v1",))],
        [("written", ()), ("unchanged", ())],
        [("replaced", ()), ("written", ())],
    ]  # fmt: skip
    assert states[0] == states[1]
    assert ids(driver, database, "Document") == {"v2", "d1", "v3"}


def test_a_document_the_server_refuses_fails_alone(
    driver: Driver, database: str, corpus_batches: list[GraphBatch]
) -> None:
    bad = refused_by_the_server(corpus_batches[2])
    group = [*corpus_batches[:2], bad, *corpus_batches[3:]]
    sources = [source_of(b) for b in group]
    results = write_documents(driver, group, database=database, sources=sources)
    error = results[2]
    assert isinstance(error, GraphError) and not isinstance(error, SchemaViolation)
    assert error.source == sources[2] and "refused" in str(error)
    assert outcomes(results[:2] + results[3:]) == [("written", ())] * 4
    landed = graph_state(driver, database)
    empty(driver, database)
    good = [b for b in group if b is not bad]
    one_by_one(driver, database, good, [source_of(b) for b in good])
    assert landed == graph_state(driver, database)
    assert bad.doc_id not in ids(driver, database, "Document")


def test_a_batch_outside_the_schema_fails_alone(
    driver: Driver, database: str, corpus_batches: list[GraphBatch]
) -> None:
    first = corpus_batches[0]
    outside = RelRow("HAS_GOAL", "Region", "140522", "Goal", "nowhere")
    group = [GraphBatch(first.doc_id, first.nodes, (*first.rels, outside)), *corpus_batches[1:]]
    results = write_documents(driver, group, database=database)
    assert isinstance(results[0], SchemaViolation)
    assert outcomes(results[1:]) == [("written", ())] * (len(group) - 1)
    assert ids(driver, database, "Document") == {b.doc_id for b in corpus_batches[1:]}


def test_one_document_is_a_group_of_one(driver: Driver, database: str) -> None:
    bad = refused_by_the_server(plan("d1", ["双减"]))
    with pytest.raises(GraphError, match="refused") as raised:
        write_document(driver, bad, database=database, source="d1.txt")
    assert raised.value.source == "d1.txt"
    assert snapshot(driver, database) == ([], [])


def test_when_the_server_is_away_every_document_gets_the_error() -> None:
    settings = load_settings(env={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "whatever1"})
    with connect(settings, verify=False, retry_s=0.2) as away:
        results = write_documents(
            away, [plan("d1", []), plan("d2", [])], database="neo4j", sources=["a.txt", None],
            max_documents=1,
        )  # fmt: skip
    assert [(type(r), getattr(r, "source", None)) for r in results] == [
        (GraphError, "a.txt"),
        (GraphError, "d2"),
    ]
    assert all("unreachable" in str(r) for r in results)


def _grouped(
    driver: Driver, database: str, batches: Sequence[GraphBatch], sources: Sequence[str | None]
) -> list[WriteResult | GraphError]:
    return write_documents(driver, batches, database=database, sources=sources)


def next_version(path: Path, folder: Path) -> GraphBatch:
    """The same file, a year on: its last line dropped (and so another document id)."""
    lines = path.read_text(encoding="utf-8").rstrip().splitlines()
    changed = folder / path.name
    changed.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")
    return build_batch(extract_file(changed))
