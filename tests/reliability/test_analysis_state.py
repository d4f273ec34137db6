"""Issue 16 items 10 and 11: derived data is never silently missing or doubled.

- A load killed (SIGKILL) during its analysis leaves its documents marked; the next load, though
  every file is unchanged, completes the analysis.
- Two loads at once leave the same derived relationships as one (FOCUSES_ON is merged on its
  pair, not created twice).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest
from neo4j import Driver

from graph.analysis import derive
from graph.load import load_paths
from graph.settings import REPO_ROOT, Settings

CORPUS = sorted((REPO_ROOT / "corpus").glob("*.txt"))
DERIVED = (
    "MATCH ()-[r:ABOUT|FOCUSES_ON|SIMILAR_TO|ADOPTS]->() "
    "RETURN type(r) AS type, count(r) AS n ORDER BY type"
)
PENDING = "MATCH (d:Document) WHERE d.analysis_pending RETURN count(d) AS n"


@pytest.fixture
def load_env(neo4j_settings: Settings) -> Iterator[dict[str, str]]:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
    }
    saved = dict(os.environ)
    os.environ.update(env)
    yield env
    os.environ.clear()
    os.environ.update(saved)


def derived(driver: Driver, database: str) -> dict[str, int]:
    records, _, _ = driver.execute_query(DERIVED, database_=database)
    return {r["type"]: r["n"] for r in records}


def count(driver: Driver, database: str, statement: str) -> int:
    records, _, _ = driver.execute_query(statement, database_=database)
    return int(records[0]["n"])


@pytest.fixture
def reference(driver: Driver, database: str, load_env: dict[str, str]) -> dict[str, int]:
    """The derived counts of one clean load of the corpus (then the database is emptied)."""
    load_paths(CORPUS)
    counts = derived(driver, database)
    assert counts.get("FOCUSES_ON", 0) > 0 and counts.get("ABOUT", 0) > 0
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    return counts


def start_load(env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "ingest", "load", *map(str, CORPUS)],
        cwd=REPO_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_load_killed_during_analysis_is_completed_by_the_next_load(
    driver: Driver, database: str, load_env: dict[str, str], reference: dict[str, int]
) -> None:
    process = start_load(load_env)
    deadline = time.monotonic() + 120
    while count(driver, database, "MATCH (d:Document) RETURN count(d) AS n") < len(CORPUS):
        assert process.poll() is None and time.monotonic() < deadline, "the load ended early"
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)  # the documents are in; the analysis has begun
    process.wait()
    assert count(driver, database, PENDING) == len(CORPUS), "killed before the analysis ended"
    assert derived(driver, database) != reference
    summary = load_paths(CORPUS)
    assert {f.outcome for f in summary.files} == {"unchanged"}
    assert summary.derived is not None
    assert derived(driver, database) == reference
    assert count(driver, database, PENDING) == 0


def test_two_loads_at_once_do_not_double_the_derived_data(
    driver: Driver, database: str, load_env: dict[str, str], reference: dict[str, int]
) -> None:
    first, second = start_load(load_env), start_load(load_env)
    assert first.wait(timeout=300) == 0 and second.wait(timeout=300) == 0
    assert count(driver, database, "MATCH (d:Document) RETURN count(d) AS n") == len(CORPUS)
    assert derived(driver, database) == reference
    assert count(driver, database, PENDING) == 0


def test_two_analyses_at_once_do_not_double_focuses_on(
    driver: Driver, database: str, load_env: dict[str, str], reference: dict[str, int]
) -> None:
    """The race itself, without the loads around it: two full analyses in parallel."""
    load_paths(CORPUS)
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(derive, driver, database=database) for _ in range(2)]:
            future.result()
    assert derived(driver, database) == reference
