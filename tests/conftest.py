"""Shared fixtures. Graph-layer tests talk to a real Neo4j: the local test server, started here
(its own data directory and port, so the user's graph is never touched), or the server NEO4J_URI
names when PLANGRAPH_TESTS_MAY_CLEAR=1 says that its database may be emptied."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from graph import server
from graph.db import connect
from graph.neo4j_writer import apply_schema
from graph.settings import REPO_ROOT, Settings, load_settings

CORPUS = REPO_ROOT / "corpus"


def _test_settings() -> Settings:
    if os.environ.get("NEO4J_URI"):
        if os.environ.get("PLANGRAPH_TESTS_MAY_CLEAR") != "1":
            pytest.exit("NEO4J_URI is set: the tests empty its database; set "
                        "PLANGRAPH_TESTS_MAY_CLEAR=1 to allow that, or unset NEO4J_URI", 2)
        return load_settings()
    env = {
        **os.environ,
        "PLANGRAPH_DATA_DIR": str(REPO_ROOT / ".data" / "neo4j-test"),
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
def database(neo4j_settings: Settings) -> str:
    return neo4j_settings.database


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))
