"""Bad input through the real command line (`python -m ingest load`, in a subprocess, against the
test server): every bad file gets a correct extraction or a one-line error naming it and the cause,
never a traceback; the rest of the batch still loads; what was already in the graph is kept; a
document that arrives twice under two names is written once."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph.settings import REPO_ROOT, Settings
from ingest.pipeline import extract_file

pytestmark = pytest.mark.neo4j

CORPUS = REPO_ROOT / "corpus"
KEPT = CORPUS / "000_71bcee0016bde92e.txt"  # loaded before the bad batch
GOOD = CORPUS / "001_cc6c54f6b4627db2.txt"  # the good document inside the bad batch
TWICE = CORPUS / "002_b9302f5c53e92b8b.txt"  # copied under two names
BIG_NEIGHBOUR = CORPUS / "003_7e87e51f00dc8bcd.txt"
PROSE = "春天来了。花开了，草绿了。小鸟在树上唱歌，孩子们在田野里奔跑。\n夏天的雨说来就来。\n"
NOWHERE = (
    "中共桃花源县教育工委 桃花源县教育局\n2023年教育工作要点\n一、加强党的建设\n"
    "1.深入学习贯彻党的二十大精神。组织全体教师开展专题学习。\n"
    "2.落实“双减”政策，新建幼儿园2所。（责任单位：基础教育股）\n"
    "二、推进教育均衡\n3.实施“国培计划”，培训教师500人次。\n"
)
# Everything a document contributed: its own nodes, the shared ones it supports, its relationships.
CONTRIBUTION = """
MATCH (n) WHERE n.id = $doc OR n.doc = $doc OR $doc IN coalesce(n.sources, [])
WITH collect(head(labels(n)) + ' ' + n.id) AS nodes
OPTIONAL MATCH ()-[r]->() WHERE $doc IN coalesce(r.sources, [])
RETURN nodes, count(r) AS relationships
"""
DOCUMENT = """
MATCH (d:Document {id: $doc})
RETURN d.region AS region, d.title AS title, d.text AS text,
       COUNT { (d)-[:HAS_GOAL]->() } AS goals, COUNT { (d)-[:HAS_SECTION]->() } AS sections,
       COUNT { (d)-[:FOR_REGION]->() } AS regions,
       COUNT { (:Institution)-[:ISSUED]->(d) } AS issuers,
       COUNT { (:Target {doc: $doc}) } AS targets, COUNT { (:Measure {doc: $doc}) } AS measures
"""


@dataclass(frozen=True)
class Run:
    returncode: int
    output: str


def load(settings: Settings, *paths: Path, timeout: float = 600) -> Run:
    env = {
        **os.environ,
        "NEO4J_URI": settings.uri,
        "NEO4J_USER": settings.user,
        "NEO4J_PASSWORD": settings.password,
        "NEO4J_DATABASE": settings.database,
    }
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "load", "--no-progress", *map(str, paths)],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env=env,
        timeout=timeout,
        check=False,
    )
    return Run(result.returncode, result.stdout + result.stderr)


def contribution(driver: Driver, database: str, doc: str) -> tuple[list[str], int]:
    records, _, _ = driver.execute_query(CONTRIBUTION, doc=doc, database_=database)
    return sorted(records[0]["nodes"]), records[0]["relationships"]


def document(driver: Driver, database: str, doc: str) -> dict[str, Any] | None:
    records, _, _ = driver.execute_query(DOCUMENT, doc=doc, database_=database)
    return records[0].data() if records else None


def doc_id_of(path: Path) -> str:
    return extract_file(path).doc_id


@dataclass(frozen=True)
class BatchRun:
    folder: Path
    first: Run
    batch: Run
    kept_before: tuple[list[str], int]
    kept_after: tuple[list[str], int]


@pytest.fixture(scope="module")
def batch_run(
    session_driver: Driver,
    neo4j_settings: Settings,
    tmp_path_factory: pytest.TempPathFactory,
) -> BatchRun:
    database = neo4j_settings.database
    folder = tmp_path_factory.mktemp("bad-batch")
    (folder / "prose.txt").write_text(PROSE, encoding="utf-8")
    (folder / "nowhere.txt").write_text(NOWHERE, encoding="utf-8")
    shutil.copy(TWICE, folder / "copy_a.txt")
    shutil.copy(TWICE, folder / "copy_b.txt")
    session_driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    first = load(neo4j_settings, KEPT)
    kept_before = contribution(session_driver, database, doc_id_of(KEPT))
    batch = load(neo4j_settings, *sorted(folder.glob("*.txt")), GOOD)
    kept_after = contribution(session_driver, database, doc_id_of(KEPT))
    return BatchRun(folder, first, batch, kept_before, kept_after)


def test_the_batch_loads_without_a_traceback(batch_run: BatchRun) -> None:
    assert batch_run.first.returncode == 0, batch_run.first.output
    assert batch_run.batch.returncode == 0, batch_run.batch.output
    assert "Traceback" not in batch_run.batch.output
    assert "0 skipped" in batch_run.batch.output


def test_the_good_document_in_the_batch_is_loaded(
    batch_run: BatchRun, session_driver: Driver, database: str
) -> None:
    extraction = extract_file(GOOD)
    loaded = document(session_driver, database, extraction.doc_id)
    assert loaded is not None and loaded["regions"] == 1
    assert loaded["goals"] == len(extraction.parsed.goals) == 43
    assert loaded["measures"] == len(extraction.parsed.measures)


def test_what_was_already_in_the_graph_is_kept(batch_run: BatchRun) -> None:
    nodes, relationships = batch_run.kept_before
    assert len(nodes) > 100 and relationships > 100
    assert batch_run.kept_after == batch_run.kept_before


def test_a_document_under_two_names_is_written_once(
    batch_run: BatchRun, session_driver: Driver, database: str
) -> None:
    extraction = extract_file(TWICE)
    records, _, _ = session_driver.execute_query(
        "MATCH (d:Document) RETURN d.id AS id, d.source AS source ORDER BY id", database_=database
    )
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) == 5  # kept, good, prose, nowhere, and the copies once
    assert [r["source"] for r in records if r["id"] == extraction.doc_id] in (
        ["copy_a.txt"],
        ["copy_b.txt"],
    )
    loaded = document(session_driver, database, extraction.doc_id)
    assert loaded is not None
    assert loaded["goals"] == len(extraction.parsed.goals)
    assert loaded["measures"] == len(extraction.parsed.measures)
    assert loaded["targets"] == len(extraction.targets)


def test_a_document_without_structure_is_kept_with_nothing_invented(
    batch_run: BatchRun, session_driver: Driver, database: str
) -> None:
    extraction = extract_file(batch_run.folder / "prose.txt")
    loaded = document(session_driver, database, extraction.doc_id)
    assert loaded is not None and loaded["text"] == extraction.parsed.normalized.text
    assert (loaded["goals"], loaded["sections"], loaded["measures"], loaded["targets"]) == (
        0,
        0,
        0,
        0,
    )
    assert loaded["title"] is None and loaded["region"] is None


def test_a_plan_whose_region_cannot_be_resolved_keeps_its_structure(
    batch_run: BatchRun, session_driver: Driver, database: str
) -> None:
    loaded = document(session_driver, database, doc_id_of(batch_run.folder / "nowhere.txt"))
    assert loaded is not None
    assert loaded["region"] is None and loaded["regions"] == 0
    assert loaded["title"] == "中共桃花源县教育工委 桃花源县教育局 2023年教育工作要点"
    assert (loaded["sections"], loaded["goals"], loaded["issuers"], loaded["targets"]) == (
        2,
        3,
        2,
        2,
    )


def test_loading_the_batch_again_changes_nothing(
    batch_run: BatchRun, neo4j_settings: Settings
) -> None:
    again = load(neo4j_settings, *sorted(batch_run.folder.glob("*.txt")), GOOD)
    assert again.returncode == 0, again.output
    assert "5 loaded (5 unchanged), 0 skipped" in again.output


@pytest.fixture(scope="module")
def big_text(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A 50 MB text file: the sample plan over and over."""
    path = tmp_path_factory.mktemp("big") / "big.txt"
    plan = KEPT.read_bytes()
    path.write_bytes(plan * (50 * 1024 * 1024 // len(plan) + 1))
    return path


def test_a_50_mb_text_gets_a_clear_error_and_the_rest_still_loads(
    driver: Driver, neo4j_settings: Settings, database: str, big_text: Path
) -> None:
    assert big_text.stat().st_size >= 50 * 1024 * 1024
    run = load(neo4j_settings, big_text, BIG_NEIGHBOUR)
    assert "Traceback" not in run.output
    skipped = [line for line in run.output.splitlines() if line.startswith("skipped big.txt: ")]
    records, _, _ = driver.execute_query(
        "MATCH (d:Document {source: 'big.txt'}) RETURN count(d) AS n", database_=database
    )
    # Either a correct extraction (the document is in the graph) or one line naming the file.
    assert records[0]["n"] == 1 or (len(skipped) == 1 and run.returncode == 1)
    assert document(driver, database, doc_id_of(BIG_NEIGHBOUR)) is not None
