"""Issue 16 item 12: a database that did not come back (transaction logs lost, as after a full
disk) is reported by `graph server start` instead of "running", and `graph server restore` brings
back the last `graph server backup`.

Runs a server of its own on PLANGRAPH_RECOVERY_BOLT_PORT (default 7789) in a temporary data
directory, so the session's test server is not touched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import small_plan

from graph import server
from graph.backup import backup, restore
from graph.db import connect
from graph.errors import GraphError, ServerError
from graph.neo4j_writer import apply_schema, write_document
from graph.settings import Settings, load_settings

pytestmark = pytest.mark.neo4j


@pytest.fixture
def own_server(tmp_path: Path) -> Iterator[Settings]:
    env = {
        "PLANGRAPH_DATA_DIR": str(tmp_path / "neo4j"),
        "PLANGRAPH_BOLT_PORT": os.environ.get("PLANGRAPH_RECOVERY_BOLT_PORT", "7789"),
        "PLANGRAPH_NEO4J_HEAP": "512m",
        "PLANGRAPH_NEO4J_PAGECACHE": "64m",
    }
    settings = load_settings(env=env)
    server.start(settings)
    try:
        yield settings
    finally:
        server.stop(settings)


def graph_rows(settings: Settings) -> list[dict]:
    with connect(settings) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (n) RETURN labels(n) AS labels, n {.*, analysis_pending: null} "
            "AS props ORDER BY n.id, labels",
            database_=settings.database,
        )
    return [r.data() for r in records]


def lose_transaction_logs(settings: Settings) -> None:
    assert settings.local is not None
    logs = settings.local.data_dir / "data" / "transactions" / settings.database
    removed = [p for p in logs.glob("neostore.transaction.db*")]
    assert removed
    for path in removed:
        path.unlink()
    (logs / "checkpoint.0").unlink(missing_ok=True)


def test_a_lost_database_is_reported_and_restored_from_a_backup(
    own_server: Settings, tmp_path: Path
) -> None:
    with connect(own_server) as driver:
        apply_schema(driver, database=own_server.database)
        write_document(driver, small_plan("d1"), database=own_server.database)
        write_document(driver, small_plan("d2", "140521", "沁水县"), database=own_server.database)
    before = graph_rows(own_server)
    saved = backup(own_server, tmp_path / "plangraph.cypher")
    assert saved.nodes == len(before)

    server.stop(own_server)
    lose_transaction_logs(own_server)
    with pytest.raises(ServerError, match="restore the last backup"):
        server.start(own_server)

    restored = restore(own_server, saved.path)
    assert restored.moved_aside is not None and restored.moved_aside.exists()
    assert graph_rows(own_server) == before
    server.check_online(own_server)


def test_restore_refuses_what_is_not_a_backup(own_server: Settings, tmp_path: Path) -> None:
    bogus = tmp_path / "x.cypher"
    bogus.write_text("MATCH (n) DETACH DELETE n;", encoding="utf-8")
    with pytest.raises(GraphError, match="not a plangraph backup"):
        restore(own_server, bogus)
