"""Shared fixtures. Graph-layer tests talk to a real Neo4j: the local test server, started here
(its own data directory and port, so the user's graph is never touched), or the server NEO4J_URI
names when PLANGRAPH_TESTS_MAY_CLEAR=1 says that its database may be emptied."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver
from support import small_plan

from graph import server
from graph.db import connect
from graph.neo4j_writer import apply_schema, write_document
from graph.settings import REPO_ROOT, Settings, load_settings

CORPUS = REPO_ROOT / "corpus"
# A test that asks for one of these (itself or through another fixture) talks to the test server.
SERVER_FIXTURES = {"neo4j_settings"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs the server `neo4j`, so that `pytest -m "not neo4j"` is a fast
    tier that starts none."""
    for item in items:
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.neo4j)


def _test_settings() -> Settings:
    if os.environ.get("NEO4J_URI"):
        if os.environ.get("PLANGRAPH_TESTS_MAY_CLEAR") != "1":
            pytest.exit(
                "NEO4J_URI is set: the tests empty its database; set "
                "PLANGRAPH_TESTS_MAY_CLEAR=1 to allow that, or unset NEO4J_URI",
                2,
            )
        return load_settings()
    env = {
        **os.environ,
        "PLANGRAPH_DATA_DIR": os.environ.get(
            "PLANGRAPH_TEST_DATA_DIR", str(REPO_ROOT / ".data" / "neo4j-test")
        ),
        "PLANGRAPH_BOLT_PORT": os.environ.get("PLANGRAPH_TEST_BOLT_PORT", "7688"),
        "PLANGRAPH_NEO4J_HEAP": "1g",
        "PLANGRAPH_NEO4J_PAGECACHE": "256m",
    }
    return load_settings(env=env)


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Settings]:
    settings = _test_settings()
    started_here = False
    if settings.local is not None:
        started_here = not server.start(settings).already_running
    yield settings
    if started_here:
        server.stop(settings)


@pytest.fixture(scope="session")
def session_driver(neo4j_settings: Settings) -> Iterator[Driver]:
    with connect(neo4j_settings) as driver:
        apply_schema(driver, database=neo4j_settings.database)
        yield driver


@pytest.fixture
def driver(session_driver: Driver, neo4j_settings: Settings) -> Driver:
    """The session's driver over an empty database."""
    session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=neo4j_settings.database)
    return session_driver


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, neo4j_settings: Settings) -> Iterator[None]:
    """The app (run by AppTest) pointed at the test server, with no results cached from
    another test's graph."""
    import streamlit as st

    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)
    st.cache_data.clear()
    yield


@pytest.fixture
def database(neo4j_settings: Settings) -> str:
    return neo4j_settings.database


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


@pytest.fixture(scope="session")
def corpus_batches(corpus_files: list[Path]):  # type: ignore[no-untyped-def]
    """The five sample plans, extracted once per test session, as graph batches."""
    from graph.build import build_batch
    from ingest.pipeline import extract_file

    return [build_batch(extract_file(path)) for path in corpus_files]


@pytest.fixture
def sample_graph(session_driver: Driver, database: str, corpus_batches) -> Driver:  # type: ignore[no-untyped-def]
    """The database holding exactly the loaded sample corpus (reloaded only when a test that
    needed an empty database ran in between)."""
    from graph.neo4j_writer import write_document

    expected = sorted(batch.doc_id for batch in corpus_batches)
    records, _, _ = session_driver.execute_query(
        "MATCH (d:Document) RETURN d.id AS id ORDER BY id", database_=database
    )
    if (
        [r["id"] for r in records] != expected
        or _derived_missing(session_driver, database)
        or _size(session_driver, database) != _SAMPLE_SIZE.get(database)
    ):
        session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
        for batch in corpus_batches:
            write_document(session_driver, batch, database=database)
        _derive(session_driver, database)
        _SAMPLE_SIZE[database] = _size(session_driver, database)
    return session_driver


# Nodes and relationships of the loaded samples: a test that replaced the graph with part of it
# (an export replayed) keeps every document and ADOPTS, but not this.
_SAMPLE_SIZE: dict[str, tuple[int, int]] = {}


def _size(driver: Driver, database: str) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS rels",
        database_=database,
    )
    return records[0]["nodes"], records[0]["rels"]


def _derive(driver: Driver, database: str) -> None:
    from graph.analysis import derive

    derive(driver, database=database)


def _derived_missing(driver: Driver, database: str) -> bool:
    records, _, _ = driver.execute_query(
        "MATCH ()-[r:ADOPTS]->() RETURN count(r) AS n", database_=database
    )
    return records[0]["n"] == 0


@pytest.fixture
def small_graph(driver: Driver, database: str) -> Driver:
    write_document(driver, small_plan("d1"), database=database)
    write_document(driver, small_plan("d2", region="140521", name="沁水县"), database=database)
    return driver
