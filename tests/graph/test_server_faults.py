"""Server faults: a restart in the middle of a load is ridden out; a server that is down gives a
clear error and writes nothing."""

from __future__ import annotations

import threading

import pytest
from neo4j import Driver
from support import small_plan

from graph import server
from graph.batch import GraphBatch, NodeRow
from graph.db import LOAD_RETRY_S, connect
from graph.errors import GraphError
from graph.neo4j_writer import write_document
from graph.settings import Settings, load_settings


def distinct_plan(number: int) -> GraphBatch:
    """small_plan with a 文号 and title of its own: 40 plans, not 40 versions of one plan."""
    batch = small_plan(f"doc{number:03d}")
    document = next(n for n in batch.nodes if n.label == "Document")
    props = {
        **document.props,
        "doc_number": f"阳教工字〔2022〕{number}号",
        "title": f"要点{number}",
    }
    nodes = tuple(
        NodeRow("Document", document.id, props) if n is document else n for n in batch.nodes
    )
    return GraphBatch(batch.doc_id, nodes, batch.rels)


def test_a_restart_in_the_middle_of_a_batch_is_retried(
    driver: Driver, neo4j_settings: Settings, database: str
) -> None:
    if neo4j_settings.local is None:
        pytest.skip("needs the local test server, which this test restarts")
    batches = [distinct_plan(i) for i in range(40)]
    written: list[str] = []
    loader = connect(neo4j_settings, retry_s=LOAD_RETRY_S)

    def load() -> None:
        for batch in batches:
            write_document(loader, batch, database=database)
            written.append(batch.doc_id)

    thread = threading.Thread(target=load)
    thread.start()
    while len(written) < 5:
        thread.join(0.05)
    server.stop(neo4j_settings)
    server.start(neo4j_settings)
    thread.join(timeout=LOAD_RETRY_S)
    loader.close()
    assert written == [b.doc_id for b in batches]
    records, _, _ = driver.execute_query(
        "MATCH (d:Document) RETURN d.id AS id, count(*) AS copies ORDER BY id", database_=database
    )
    assert [(r["id"], r["copies"]) for r in records] == [(b.doc_id, 1) for b in batches]
    goals, _, _ = driver.execute_query("MATCH (g:Goal) RETURN count(g) AS n", database_=database)
    assert goals[0]["n"] == len(batches)


def test_a_server_that_is_down_gives_a_clear_error() -> None:
    settings = load_settings(env={"NEO4J_URI": "bolt://127.0.0.1:9", "NEO4J_PASSWORD": "whatever1"})
    with pytest.raises(GraphError, match=r"not reachable at bolt://127\.0\.0\.1:9"):
        connect(settings)
