"""The local server as the README promises it: start prints the URI, a second start says it is
already running, status tells where, and the configured password opens it."""

from __future__ import annotations

import pytest
from neo4j import GraphDatabase

from graph import server
from graph.cli import main
from graph.schema import constraint_statements
from graph.settings import Settings


def test_bolt_answers_with_the_configured_password(neo4j_settings: Settings) -> None:
    auth = (neo4j_settings.user, neo4j_settings.password)
    with GraphDatabase.driver(neo4j_settings.uri, auth=auth) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one", database_=neo4j_settings.database)
    assert records[0]["one"] == 1


def test_second_start_reports_already_running(neo4j_settings: Settings) -> None:
    if neo4j_settings.local is None:
        pytest.skip("NEO4J_URI points at an external server")
    state = server.start(neo4j_settings)
    assert state.already_running
    assert "already running" in state.describe()
    assert state.uri == neo4j_settings.uri


def test_status_names_pid_and_address(neo4j_settings: Settings) -> None:
    if neo4j_settings.local is None:
        pytest.skip("NEO4J_URI points at an external server")
    state = server.status(neo4j_settings.local)
    assert state.running and state.pid is not None
    assert f":{neo4j_settings.local.port}" in state.describe()


def test_server_runs_neo4j_526_community(session_driver, database: str) -> None:
    records, _, _ = session_driver.execute_query("CALL dbms.components()", database_=database)
    component = records[0]
    assert component["edition"] == "community"
    assert component["versions"][0].startswith("5.26.")


def test_schema_is_applied_idempotently(session_driver, database: str) -> None:
    from graph.neo4j_writer import apply_schema

    apply_schema(session_driver, database=database)
    records, _, _ = session_driver.execute_query("SHOW CONSTRAINTS", database_=database)
    names = {r["name"] for r in records}
    assert {"document_id", "region_id", "project_id"} <= names
    assert len([s for s in constraint_statements() if "CONSTRAINT" in s]) <= len(names)


def test_schema_show_prints_every_relationship(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "show"]) == 0
    out = capsys.readouterr().out
    for rel_type in ("FOR_REGION", "HAS_MEASURE", "RESPONSIBLE_FOR", "ADOPTS", "SIMILAR_TO"):
        assert f"`{rel_type}`" in out
