"""The Cypher console can read but never change the graph."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.console import run_console_query
from graph.errors import GraphError


@pytest.mark.parametrize(
    "statement",
    [
        "CREATE (n:Hack {id: 'x'}) RETURN n",
        "MERGE (n:Region {id: '999999'}) RETURN n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (r:Region) SET r.name = 'hacked' RETURN r",
        "MATCH (r:Region) REMOVE r.name RETURN r",
        "CALL db.createLabel('Hack')",
        "CREATE INDEX hack IF NOT EXISTS FOR (n:Hack) ON (n.x)",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "load  csv with headers from 'https://example.org/x.csv' AS row RETURN row",
    ],
)
def test_writes_are_refused(small_graph: Driver, database: str, statement: str) -> None:
    before, _, _ = small_graph.execute_query(
        "MATCH (n) RETURN count(n) AS n, collect(n.name) AS names", database_=database
    )
    with pytest.raises(GraphError):
        run_console_query(small_graph, statement, database=database)
    after, _, _ = small_graph.execute_query(
        "MATCH (n) RETURN count(n) AS n, collect(n.name) AS names", database_=database
    )
    assert after[0].data() == before[0].data()


def test_reads_return_columns_and_rows(small_graph: Driver, database: str) -> None:
    result = run_console_query(
        small_graph,
        "MATCH (r:Region {id: $code}) RETURN r.name AS name, r.level AS level",
        database=database,
        params={"code": "140522"},
    )
    assert result.columns == ["name", "level"]
    assert result.rows == [{"name": "阳城县", "level": "county"}]
    assert not result.truncated


def test_row_cap_truncates_and_says_so(small_graph: Driver, database: str) -> None:
    result = run_console_query(
        small_graph, "UNWIND range(1, 50) AS x RETURN x", database=database, row_cap=10
    )
    assert len(result.rows) == 10 and result.truncated


def test_timeout_stops_a_runaway_query(small_graph: Driver, database: str) -> None:
    runaway = "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)"
    with pytest.raises(GraphError, match=r"terminated|timeout|Timeout"):
        run_console_query(small_graph, runaway, database=database, timeout=1.0)


def test_empty_query_gets_a_clear_error(small_graph: Driver, database: str) -> None:
    with pytest.raises(GraphError, match="empty"):
        run_console_query(small_graph, "   ", database=database)
