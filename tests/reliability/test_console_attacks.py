"""Issue 16 items 1-3 and issue 15 item 5: the console cannot end the server, reach the network or
the server's files, see or stop other users' work, and says in zh and en what went wrong."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import ClassVar

import pytest
from neo4j import Driver
from neo4j.exceptions import ClientError, TransientError

from graph import server
from graph.console import Budget, ConsoleError, check_allowed, run_console_query
from graph.settings import Settings

MEMORY_BOMB = "UNWIND range(1,100000000) AS x WITH collect(x) AS c RETURN size(c)"


def server_answers(driver: Driver, database: str) -> bool:
    records, _, _ = driver.execute_query("RETURN 1 AS ok", database_=database)
    return records[0]["ok"] == 1


def test_every_memory_limit_fits_inside_the_heap() -> None:
    for heap, total, one in [
        ("1g", "614m", "307m"),
        ("512m", "307m", "153m"),
        ("4g", "2457m", "1228m"),
    ]:
        assert server.memory_limits(heap) == (total, one)


def test_the_running_server_has_the_limits(neo4j_settings: Settings) -> None:
    if neo4j_settings.local is None:
        pytest.skip("settings of a server we did not start")
    conf = (neo4j_settings.local.data_dir / "conf" / "neo4j.conf").read_text(encoding="utf-8")
    total, one = server.memory_limits(neo4j_settings.local.heap)
    assert f"dbms.memory.transaction.total.max={total}" in conf
    assert f"db.memory.transaction.max={one}" in conf
    assert "internal.dbms.cypher_ip_blocklist=0.0.0.0/0,::/0" in conf


def test_a_memory_bomb_is_stopped_and_the_server_stays_up(
    small_graph: Driver, database: str
) -> None:
    with pytest.raises(ConsoleError) as caught:
        run_console_query(small_graph, MEMORY_BOMB, database=database, timeout=60)
    assert caught.value.kind == "memory"
    assert server_answers(small_graph, database)


def test_a_memory_bomb_in_any_read_transaction_is_stopped(
    small_graph: Driver, database: str
) -> None:
    """The cap is the server's, not the console's: a bare read transaction hits it too."""
    with (
        small_graph.session(database=database, default_access_mode="READ") as session,
        pytest.raises(TransientError, match=r"MemoryPoolOutOfMemoryError|memory"),
        session.begin_transaction(timeout=60) as tx,
    ):
        tx.run(MEMORY_BOMB).consume()
    assert server_answers(small_graph, database)


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Recorder.hits.append(self.path)
        body = b"secret,1\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def web() -> Iterator[str]:
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Recorder.hits = []
    yield f"http://127.0.0.1:{httpd.server_address[1]}/x.csv"
    httpd.shutdown()


def test_the_server_fetches_no_url_even_without_the_console_filter(
    small_graph: Driver, database: str, web: str
) -> None:
    with small_graph.session(database=database, default_access_mode="READ") as session:
        with pytest.raises(ClientError, match="blocked"):
            session.run("LOAD CSV FROM $url AS row RETURN row", url=web).consume()
        with pytest.raises(ClientError):
            session.run("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row").consume()
    assert _Recorder.hits == []


@pytest.mark.parametrize(
    "statement",
    [
        "LOAD/**/CSV FROM '{url}' AS r RETURN r",
        "WITH 1 AS x LOAD /* a */ CSV FROM '{url}' AS r RETURN r",
        "MATCH (n) WITH n LIMIT 1 //\nLOAD\nCSV FROM '{url}' AS r RETURN r",
        "CALL {{ LOAD CSV FROM '{url}' AS r RETURN r }} RETURN r",
    ],
)
def test_load_csv_in_disguise_is_refused(
    small_graph: Driver, database: str, web: str, statement: str
) -> None:
    with pytest.raises(ConsoleError) as caught:
        run_console_query(small_graph, statement.format(url=web), database=database)
    assert caught.value.kind == "refused"
    assert _Recorder.hits == []


@pytest.mark.parametrize(
    "statement",
    [
        "SHOW TRANSACTIONS",
        "SHOW TRANSACTIONS YIELD * RETURN *",
        "TERMINATE TRANSACTIONS 'neo4j-transaction-1'",
        "SHOW SETTINGS",
        "SHOW PROCEDURES",
        "SHOW USERS",
        "SHOW DATABASES",
        "CALL dbms.listConfig()",
        "CALL dbms.showCurrentUser()",
        "CALL db.createLabel('X')",
        "CALL dbms.components() YIELD name RETURN name",
        "MATCH (n) CALL dbms.killTransaction('x') RETURN n",
        "USE system SHOW USERS",
        "EXPLAIN MATCH (n) RETURN n",
        "PROFILE MATCH (n) RETURN n",
        "CYPHER runtime=slotted MATCH (n) RETURN n",
        "MATCH (n) FOREACH (x IN [1] | SET n.x = 1)",
        "MATCH (n) /* */ DETACH/**/DELETE n",
        "match (n) set n.name = 'x'",
        "ALTER USER neo4j SET PASSWORD 'x'",
        "CREATE (n)",
        "CALL `db`.`createLabel`('X')",
    ],
)
def test_statements_outside_the_allow_list_are_refused(statement: str) -> None:
    with pytest.raises(ConsoleError) as caught:
        check_allowed(statement)
    assert caught.value.kind == "refused"
    assert caught.value.subject


def test_show_transactions_is_refused_at_the_server_edge(
    small_graph: Driver, database: str
) -> None:
    for statement in ("SHOW TRANSACTIONS", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'"):
        with pytest.raises(ConsoleError, match="refused"):
            run_console_query(small_graph, statement, database=database)


@pytest.mark.parametrize(
    "statement",
    [
        "MATCH (r:Region) RETURN r.name AS name",
        "OPTIONAL MATCH (r:Region) RETURN count(r) AS n",
        "WITH 'CREATE (n) SET n.x = 1' AS text RETURN text",
        "MATCH (r:Region) WHERE r.name <> 'DELETE' RETURN r.name // LOAD CSV in a comment",
        "UNWIND [1, 2] AS x RETURN x",
        "RETURN {set: 1, create: 2} AS m",
        "MATCH (r:Region) RETURN r.set, r.`load` AS l",
        "CALL db.labels() YIELD label RETURN label",
        "CALL { MATCH (r:Region) RETURN r } RETURN count(r) AS n",
        "MATCH (r:Region) CALL (r) { RETURN r.name AS n } RETURN n",
        "MATCH (d:Document) RETURN d.title UNION MATCH (r:Region) RETURN r.name AS `d.title`",
    ],
)
def test_reads_are_allowed(small_graph: Driver, database: str, statement: str) -> None:
    check_allowed(statement)
    run_console_query(small_graph, statement, database=database)


def test_a_syntax_error_says_where(small_graph: Driver, database: str) -> None:
    with pytest.raises(ConsoleError) as caught:
        run_console_query(small_graph, "MATCH (n\nRETURN n", database=database)
    assert caught.value.kind == "syntax"
    assert caught.value.subject == "2:1"


def test_a_timeout_is_called_a_timeout(small_graph: Driver, database: str) -> None:
    runaway = "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)"
    with pytest.raises(ConsoleError) as caught:
        run_console_query(small_graph, runaway, database=database, timeout=1.0)
    assert caught.value.kind == "timeout"


def test_a_console_user_who_used_up_the_budget_waits(small_graph: Driver, database: str) -> None:
    budget = Budget(seconds=0.5, window=60.0)
    runaway = "UNWIND range(1, 1000000000) AS x WITH x WHERE x < 0 RETURN count(x)"
    with pytest.raises(ConsoleError, match="timeout"):
        run_console_query(
            small_graph, runaway, database=database, timeout=1.0, user="a", budget=budget
        )
    with pytest.raises(ConsoleError) as caught:
        run_console_query(small_graph, "RETURN 1", database=database, user="a", budget=budget)
    assert caught.value.kind == "busy" and 0 < int(caught.value.subject) <= 60
    other = run_console_query(
        small_graph, "RETURN 1 AS x", database=database, user="b", budget=budget
    )
    assert other.rows == [{"x": 1}]
