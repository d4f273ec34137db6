"""Every page of the app, run by Streamlit's AppTest against the real Neo4j."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from graph.settings import REPO_ROOT, Settings

APP = str(REPO_ROOT / "app.py")


@pytest.fixture
def app_env(monkeypatch: pytest.MonkeyPatch, neo4j_settings: Settings) -> Iterator[None]:
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_USER", neo4j_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", neo4j_settings.database)
    yield


def open_page(page: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.switch_page(f"app_pages/{page}.py")
    app.run()
    assert not app.exception, app.exception
    return app


def test_overview_shows_counts_and_documents(app_env: None, small_graph: Driver) -> None:
    app = open_page("overview")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["Document"] == "2" and metrics["Region"] == "4"
    table = app.dataframe[0].value
    assert set(table["region"]) == {"阳城县", "沁水县"}
    assert any("山西省" in m.value for m in app.markdown)


def test_overview_switches_to_english(app_env: None, small_graph: Driver) -> None:
    app = open_page("overview")
    app.sidebar.toggle[0].set_value(True).run()
    assert app.title[0].value == "Education work-plan graph"


def test_console_runs_a_read_query(app_env: None, small_graph: Driver) -> None:
    app = open_page("console")
    app.text_area[0].set_value("MATCH (r:Region) RETURN r.name AS name ORDER BY name").run()
    app.button[0].click().run()
    assert not app.exception
    assert list(app.dataframe[0].value["name"]) == ["山西省", "晋城市", "沁水县", "阳城县"]


@pytest.mark.parametrize("statement", ["CREATE (n:Hack) RETURN n", "MATCH (n) DETACH DELETE n"])
def test_console_refuses_writes_with_a_message(
    app_env: None, small_graph: Driver, database: str, statement: str
) -> None:
    app = open_page("console")
    app.text_area[0].set_value(statement).run()
    app.button[0].click().run()
    assert not app.exception
    assert "read access mode" in app.error[0].value
    records, _, _ = small_graph.execute_query("MATCH (n) RETURN count(n) AS n", database_=database)
    assert records[0]["n"] > 0


def test_saved_query_page_runs_a_query(app_env: None, sample_graph: Driver) -> None:
    app = open_page("queries")
    app.selectbox[0].set_value("adopters").run()
    app.button[0].click().run()
    assert not app.exception
    table = app.dataframe[0].value
    assert set(table["region"]) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}


def test_saved_query_page_draws_the_region_network(app_env: None, sample_graph: Driver) -> None:
    app = open_page("queries")
    app.selectbox[0].set_value("region_network_edges").run()
    app.button[0].click().run()
    assert not app.exception
    assert len(app.dataframe[0].value) > 0


def test_export_offers_every_format(app_env: None, small_graph: Driver) -> None:
    app = open_page("export")
    app.multiselect[0].set_value(["阳城县"]).run()
    app.button[0].click().run()
    assert not app.exception
    assert "Selected" in app.success[0].value or "选中" in app.success[0].value
