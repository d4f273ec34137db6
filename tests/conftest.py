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
from graph.batch import GraphBatch, NodeRow, RelRow
from graph.db import connect
from graph.neo4j_writer import apply_schema, write_document
from graph.settings import REPO_ROOT, Settings, load_settings

CORPUS = REPO_ROOT / "corpus"


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
    if [r["id"] for r in records] != expected or _derived_missing(session_driver, database):
        session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
        for batch in corpus_batches:
            write_document(session_driver, batch, database=database)
        _derive(session_driver, database)
    return session_driver


def _derive(driver: Driver, database: str) -> None:
    try:
        from graph.analysis import derive
    except ImportError:  # the analysis step has not landed yet
        return
    derive(driver, database=database)


def _derived_missing(driver: Driver, database: str) -> bool:
    try:
        import graph.analysis  # noqa: F401
    except ImportError:
        return False
    records, _, _ = driver.execute_query(
        "MATCH ()-[r:ADOPTS]->() RETURN count(r) AS n", database_=database
    )
    return records[0]["n"] == 0


# A small hand-built plan that uses every document-level part of the schema.

TEXT = "一、党建\n1.落实“双减”。(1)新建幼儿园2所。（责任单位：基础教育股）依据《家庭教育促进法》。"


def small_plan(doc_id: str = "d1", region: str = "140522", name: str = "阳城县") -> GraphBatch:
    goal, measure, section = f"{doc_id}#g1", f"{doc_id}#m1", f"{doc_id}#s1"
    department = f"{region}/基础教育股"
    nodes = (
        NodeRow(
            "Document",
            doc_id,
            {
                "source": f"{doc_id}.txt",
                "title": "2022年工作要点",
                "year": 2022,
                "issued_on": "2022-03-04",
                "text": TEXT,
                "region": region,
                "doc_number": "阳教工字〔2022〕5号",
            },
        ),
        NodeRow("Region", region, {"name": name, "level": "county"}),
        NodeRow("Region", "140500", {"name": "晋城市", "level": "prefecture"}),
        NodeRow("Region", "140000", {"name": "山西省", "level": "province"}),
        NodeRow(
            "Section",
            section,
            {"doc": doc_id, "number": "一", "title": "党建", "start": 0, "end": 4},
        ),
        NodeRow(
            "Goal",
            goal,
            {
                "doc": doc_id,
                "number": "1",
                "title": "落实“双减”",
                "text": "落实“双减”。",
                "start": 5,
                "end": 60,
                "order": 1,
            },
        ),
        NodeRow(
            "Measure",
            measure,
            {
                "doc": doc_id,
                "text": "新建幼儿园2所。",
                "start": 15,
                "end": 24,
                "order": 1,
                "goal": goal,
            },
        ),
        NodeRow(
            "Target",
            f"{doc_id}#t1",
            {
                "doc": doc_id,
                "text": "新建幼儿园2所",
                "metric": "新建幼儿园",
                "value": 2.0,
                "unit": "所",
                "comparator": "=",
                "start": 15,
                "end": 22,
            },
        ),
        NodeRow("Project", "双减", {"name": "双减", "aliases": ["“双减”"]}),
        NodeRow("Policy", "家庭教育促进法", {"title": "家庭教育促进法"}),
        NodeRow(
            "Institution",
            f"{name}教育局",
            {"name": f"{name}教育局", "kind": "bureau", "region": region},
        ),
        NodeRow(
            "Institution",
            department,
            {"name": "基础教育股", "kind": "department", "region": region},
        ),
    )
    rels = (
        RelRow("FOR_REGION", "Document", doc_id, "Region", region),
        RelRow("PART_OF", "Region", region, "Region", "140500"),
        RelRow("PART_OF", "Region", "140500", "Region", "140000"),
        RelRow("ISSUED", "Institution", f"{name}教育局", "Document", doc_id),
        RelRow("LOCATED_IN", "Institution", department, "Region", region),
        RelRow("HAS_SECTION", "Document", doc_id, "Section", section),
        RelRow("HAS_GOAL", "Document", doc_id, "Goal", goal),
        RelRow("HAS_GOAL", "Section", section, "Goal", goal),
        RelRow("HAS_MEASURE", "Goal", goal, "Measure", measure),
        RelRow("SETS_TARGET", "Measure", measure, "Target", f"{doc_id}#t1"),
        RelRow("MENTIONS", "Goal", goal, "Project", "双减", {"starts": [8], "ends": [10]}),
        RelRow(
            "MENTIONS",
            "Document",
            doc_id,
            "Policy",
            "家庭教育促进法",
            {"starts": [44], "ends": [53]},
        ),
        RelRow("CITES", "Document", doc_id, "Policy", "家庭教育促进法"),
        RelRow(
            "RESPONSIBLE_FOR",
            "Institution",
            department,
            "Measure",
            measure,
            {"role": "lead", "source": "annotation", "start": 24, "end": 37},
        ),
        RelRow(
            "RESPONSIBLE_FOR",
            "Institution",
            f"{name}教育局",
            "Goal",
            goal,
            {"role": "lead", "source": "issuer"},
        ),
    )
    return GraphBatch(doc_id, nodes, rels)


@pytest.fixture
def small_graph(driver: Driver, database: str) -> Driver:
    write_document(driver, small_plan("d1"), database=database)
    write_document(driver, small_plan("d2", region="140521", name="沁水县"), database=database)
    return driver
