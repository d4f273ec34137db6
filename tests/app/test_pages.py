"""Every page of the app, run by Streamlit's AppTest against the real Neo4j."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import streamlit as st
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
    st.cache_data.clear()  # results cached by an earlier test may come from another graph
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
    assert "只读：写操作被拒绝" in app.error[0].value
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


def test_region_profile_shows_goals_measures_and_sources(
    app_env: None, sample_graph: Driver
) -> None:
    app = open_page("region")
    app.selectbox[0].set_value("阳城县").run()
    metrics = {m.label: int(m.value) for m in app.metric}
    assert metrics["目标"] == 21 and metrics["措施"] > 100 and metrics["量化指标"] > 0
    assert any("县管校聘" in e.label or "教师" in e.label for e in app.expander)
    assert any("牵头 阳城县教育局" in m.value for m in app.markdown)
    measure_pick = app.selectbox(key="region-source")
    measure_pick.select_index(1).run()
    sources = [m.value for m in app.markdown if "<mark>" in m.value]
    assert len(sources) == 1 and "开展迎接、学习、宣传党的二十大专项行动" in sources[0]
    assert not app.error


def test_region_profile_opens_on_the_region_chosen_elsewhere(
    app_env: None, sample_graph: Driver
) -> None:
    app = AppTest.from_file(APP, default_timeout=60)
    app.session_state["profile_region"] = "高台县"
    app.run()
    app.switch_page("app_pages/region.py").run()
    assert app.selectbox[0].value == "高台县"
    assert int(app.metric[0].value) > 0


def test_compare_regions_shows_shared_and_unique_initiatives(
    app_env: None, sample_graph: Driver
) -> None:
    app = open_page("compare")
    app.multiselect[0].set_value(["阳城县", "瓮安县", "高台县"]).run()
    shared = app.markdown[0].value.split("、")
    assert {"双减", "县管校聘"} <= set(shared)
    sizes = app.dataframe[0].value
    assert list(sizes["region"]) == ["阳城县", "瓮安县", "高台县"]
    unique = app.dataframe[1].value
    assert len(unique) > 0 and not set(unique.iloc[:, 0]) & set(shared)
    assert not app.error


def test_initiatives_lists_adopters_with_evidence(app_env: None, sample_graph: Driver) -> None:
    app = open_page("initiatives")
    app.selectbox[0].set_value("双减").run()
    adopters = [e.label.split(" ")[0] for e in app.expander]
    assert set(adopters) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
    evidence = [m.value for m in app.markdown if m.value.startswith(">")]
    assert evidence and all("双减" in sentence for sentence in evidence)
    co_adopted = app.dataframe[-1].value
    assert "initiative" in co_adopted and len(co_adopted) > 0


def test_responsibility_chain_of_a_project(app_env: None, sample_graph: Driver) -> None:
    app = open_page("responsibility")
    app.selectbox[0].set_value("县管校聘").run()
    edges = app.dataframe[0].value
    assert "MENTIONS" in set(edges["relationship"]) and "FOR_REGION" in set(edges["relationship"])
    assert {"阳城县", "瓮安县"} <= set(edges["to"])
    assert not app.error


def test_responsibility_chain_of_an_institution(app_env: None, sample_graph: Driver) -> None:
    app = open_page("responsibility")
    app.radio[0].set_value("institution").run()
    app.selectbox[0].set_value("阳城县教育局").run()
    edges = app.dataframe[0].value
    duties = edges[edges["relationship"] == "RESPONSIBLE_FOR"]
    assert len(duties) > 5 and set(duties["from"]) >= {"阳城县教育局"}


def test_themes_heatmap_and_drill_down(app_env: None, sample_graph: Driver) -> None:
    app = open_page("themes")
    (heatmap,) = app.get("vega_lite_chart")
    assert '"rect"' in heatmap.proto.spec
    pivot = app.dataframe[0].value
    assert {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"} <= set(pivot.columns)
    app.selectbox[1].set_value("522725").run()  # 瓮安县
    app.selectbox[2].set_value("teachers").run()
    items = app.dataframe[-1].value
    assert len(items) > 0 and items["text"].str.contains("教师").any()


def test_themes_scope_narrows_to_a_province(app_env: None, sample_graph: Driver) -> None:
    app = open_page("themes")
    assert app.selectbox[0].value == ""  # the whole country
    app.selectbox[0].set_value("140000").run()  # 山西省
    assert set(app.dataframe[0].value.columns) == {"阳城县", "吕梁市"}
    assert set(app.selectbox[1].options) == {"阳城县", "吕梁市"}


def test_ingest_page_waits_for_files(app_env: None, small_graph: Driver) -> None:
    app = open_page("ingest")
    assert app.title[0].value == "导入文件"
    assert app.main.button[0].disabled  # nothing uploaded yet


def test_saved_query_page_runs_the_network_analysis(app_env: None, sample_graph: Driver) -> None:
    app = open_page("queries")
    next(b for b in app.main.button if b.label == "计算").click().run()
    assert not app.exception and not app.error
    table = app.dataframe[0].value
    assert set(table["name"]) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
    assert {"community", "eigenvector", "role"} <= set(table.columns)
