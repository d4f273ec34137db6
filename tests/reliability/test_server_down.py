"""Neo4j away: the command line says so in one line and exits non-zero; the app says so on the page
instead of failing, and works again, with the driver it keeps in st.cache_resource, once the
server is back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import streamlit as st
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from graph import server
from graph.settings import REPO_ROOT, Settings

APP = str(REPO_ROOT / "app.py")  # its default page is the overview
PLAN = REPO_ROOT / "corpus" / "000_71bcee0016bde92e.txt"
CLOSED = "bolt://127.0.0.1:7699"
UNREACHABLE = "无法连接 Neo4j"  # app_pages/i18n.yml: neo4j_unreachable
APP_TIMEOUT_S = 180  # the app's driver retries a query for 15 s, with back-off, before giving up


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, **env},
        timeout=120,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert result.stderr.strip().splitlines() == [message], result.stderr


# --- command line ---------------------------------------------------------------------------


def test_load_with_the_server_away_is_one_line_and_a_non_zero_exit() -> None:
    started = time.monotonic()
    result = run_cli(
        "-m", "ingest", "load", "--no-progress", str(PLAN),
        NEO4J_URI=CLOSED, NEO4J_PASSWORD="whatever1",
    )  # fmt: skip
    assert_one_line_error(result, f"error: Neo4j is not reachable at {CLOSED}")
    assert time.monotonic() - started < 60


def test_load_with_the_local_server_stopped_says_how_to_start_it(tmp_path: Path) -> None:
    result = run_cli(
        "-m", "ingest", "load", "--no-progress", str(PLAN),
        NEO4J_URI="", NEO4J_PASSWORD="", PLANGRAPH_BOLT_PORT="7699",
        PLANGRAPH_DATA_DIR=str(tmp_path / "neo4j"),
    )  # fmt: skip
    assert_one_line_error(
        result,
        "error: Neo4j is not reachable at bolt://127.0.0.1:7699 "
        "(start it with `python -m graph server start`)",
    )


def test_saved_query_with_the_server_away_is_one_line_and_a_non_zero_exit() -> None:
    result = run_cli(
        "-m", "graph", "query", "top_policies", NEO4J_URI=CLOSED, NEO4J_PASSWORD="whatever1"
    )  # fmt: skip
    assert_one_line_error(result, f"error: Neo4j is not reachable at {CLOSED}")


@pytest.mark.neo4j
def test_load_with_a_wrong_password_is_one_line(neo4j_settings: Settings) -> None:
    result = run_cli(
        "-m", "ingest", "load", "--no-progress", str(PLAN),
        NEO4J_URI=neo4j_settings.uri, NEO4J_PASSWORD="not-the-password",
    )  # fmt: skip
    assert_one_line_error(result, f"error: Neo4j at {neo4j_settings.uri} refused the credentials")


# --- the app --------------------------------------------------------------------------------


@pytest.fixture
def fresh_app_caches() -> Iterator[None]:
    """The app keeps its settings and driver in st.cache_resource for the life of the process:
    start from none, and leave none behind for the other app tests."""
    st.cache_resource.clear()
    st.cache_data.clear()
    yield
    st.cache_resource.clear()
    st.cache_data.clear()


def point_app_at(monkeypatch: pytest.MonkeyPatch, uri: str, password: str) -> None:
    monkeypatch.setenv("NEO4J_URI", uri)
    monkeypatch.setenv("NEO4J_USER", "neo4j")
    monkeypatch.setenv("NEO4J_PASSWORD", password)
    monkeypatch.setenv("NEO4J_DATABASE", "neo4j")


def refresh(app: AppTest) -> AppTest:
    """What an analyst does: the sidebar's 刷新数据, which reads the graph afresh."""
    app.sidebar.button[0].click().run()
    assert not app.exception, app.exception
    return app


def unreachable_errors(app: AppTest) -> list[str]:
    return [error.value for error in app.error if error.value.startswith(UNREACHABLE)]


def test_the_app_started_while_neo4j_is_away_says_so(
    monkeypatch: pytest.MonkeyPatch, fresh_app_caches: None
) -> None:
    point_app_at(monkeypatch, CLOSED, "whatever1")
    app = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
    app.run()
    assert not app.exception, app.exception
    assert (
        len(unreachable_errors(app)) == 1 and CLOSED.removeprefix("bolt://") in app.error[0].value
    )
    assert not app.metric  # the page stopped after the message
    assert "恢复" in app.caption[-1].value  # retry_hint: refresh once the server is back


@pytest.mark.neo4j
def test_the_app_says_so_while_neo4j_is_away_and_recovers_when_it_is_back(
    monkeypatch: pytest.MonkeyPatch,
    neo4j_settings: Settings,
    small_graph: Driver,
    fresh_app_caches: None,
) -> None:
    if neo4j_settings.local is None:
        pytest.skip("needs the local test server, which this test stops and starts")
    point_app_at(monkeypatch, neo4j_settings.uri, neo4j_settings.password)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)
    app = AppTest.from_file(APP, default_timeout=APP_TIMEOUT_S)
    app.run()
    assert {m.label: m.value for m in app.metric}["工作要点"] == "2"
    try:
        server.stop(neo4j_settings)
        refresh(app)
        assert len(unreachable_errors(app)) == 1 and not app.metric
    finally:
        server.start(neo4j_settings)
    refresh(app)
    assert not app.error
    assert {m.label: m.value for m in app.metric}["工作要点"] == "2"
