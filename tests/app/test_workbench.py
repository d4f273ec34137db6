"""The map and timeline, readable graph views and responsibility by region, run by AppTest
against the real Neo4j; every control is driven, and the choices land in the URL."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from tests.app.test_pages import APP, _drawn, open_page

ADOPTERS = {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
ELEMENT_ID = re.compile(r"^\d+:[0-9a-f-]{36}:\d+$")


def _open_with(page: str, **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=120)
    app.run()
    app.switch_page(f"app_pages/{page}.py")
    for name, value in params.items():
        app.query_params[name] = value
    app.run()
    assert not app.exception, app.exception
    return app


def _map_features(app: AppTest) -> list[dict[str, Any]]:
    chart = app.get("vega_lite_chart")[0]
    return [f["properties"] for f in json.loads(chart.proto.spec)["data"]["values"]]


def test_map_shows_the_adopters_of_shuangjian_at_county_level(
    app_env: None, sample_graph: Driver
) -> None:
    app = _open_with("map", measure="adopters", level="county", key="双减")
    coloured = {p["name"]: p["category"] for p in _map_features(app) if p["value"] is not None}
    assert set(coloured) == ADOPTERS
    assert coloured["高台县"] == "2023" and coloured["阳城县"] == "2022"
    grey = [p for p in _map_features(app) if p["value"] is None]
    assert len(grey) > 100 and all(p["status"] == "无数据" for p in grey)
    assert set(app.dataframe[0].value["地区"]) == ADOPTERS
    assert len(app.get("vega_lite_chart")) == 2  # the map and the adoption timeline


@pytest.mark.parametrize("measure", ["theme", "targets", "similarity"])
def test_map_measures_render_with_no_data_apart_from_zero(
    app_env: None, sample_graph: Driver, measure: str
) -> None:
    app = open_page("map")
    app.radio[0].set_value(measure).run()
    assert not app.exception and not app.error
    values = [p["value"] for p in _map_features(app)]
    assert sum(v is not None for v in values) == 4  # the provinces of the five plans
    assert sum(v is None for v in values) > 20  # the others are "no data", not zero
    assert app.query_params["measure"] == measure


def test_map_level_and_choice_go_into_the_url(app_env: None, sample_graph: Driver) -> None:
    app = open_page("map")
    assert app.query_params["level"] == "province"
    app.radio[1].set_value("prefecture").run()
    app.selectbox[0].set_value("双减").run()
    assert app.query_params["level"] == "prefecture" and app.query_params["key"] == "双减"
    names = {p["name"] for p in _map_features(app) if p["value"] is not None}
    assert {"晋城市", "黔南布依族苗族自治州", "张掖市", "吕梁市", "威海市"} == names


def test_map_finds_an_initiative_by_the_words_typed(app_env: None, sample_graph: Driver) -> None:
    app = open_page("map")
    chosen = app.selectbox[0].options[app.selectbox[0].index]
    app.text_input(key="find-initiative").input("童语").run()
    found = [o for o in app.selectbox[0].options if o != chosen]  # the choice made stays listed
    assert found and all("童语" in option for option in found)
    app.selectbox[0].set_value("童语同音计划").run()  # a project's id is its name
    assert app.query_params["key"] == "童语同音计划"
    names = {p["name"] for p in _map_features(app) if p["value"] is not None}
    assert names == {"山西省", "贵州省", "山东省"}  # 阳城, 瓮安 and 威海 name 童语同音


def test_map_is_english_in_english_mode(app_env: None, sample_graph: Driver) -> None:
    app = open_page("map")
    app.sidebar.toggle[0].set_value(True).run()
    assert app.title[0].value == "Map and timeline"
    assert {p["status"] for p in _map_features(app)} == {"No data", "Has a plan"}


def test_graph_view_speaks_words_not_element_ids(app_env: None, sample_graph: Driver) -> None:
    app = _open_with("responsibility", view="chain", of="project", name="双减")
    elements = _drawn(app)
    for node in elements["nodes"]:
        data = node["data"]
        assert not ELEMENT_ID.match(str(data["id"])) and len(data["label"]) <= 12
        assert set(data) == {"id", "label", "类别", "连接数"}
    kinds = {n["data"]["类别"] for n in elements["nodes"]}
    assert {"目标", "措施", "项目", "地区"} <= kinds
    legend = next(m.value for m in app.markdown if "●" in m.value)
    assert "目标" in legend and "措施" in legend


def test_graph_view_filters_labels_and_shows_types_on_demand(
    app_env: None, sample_graph: Driver
) -> None:
    app = _open_with("responsibility", view="chain", of="project", name="双减")
    styles = json.loads(app.get("component_instance")[0].proto.json_args)["style"]
    edge = next(s for s in styles if s["selector"] == "edge")
    assert edge["style"]["label"] == ""  # relationship types hidden by default
    app.toggle(key="responsibility-graph-types").set_value(True).run()
    styles = json.loads(app.get("component_instance")[0].proto.json_args)["style"]
    assert next(s for s in styles if s["selector"] == "edge")["style"]["label"] == "data(label)"
    app.multiselect[0].set_value(["Project", "Measure"]).run()
    kinds = {n["data"]["类别"] for n in _drawn(app)["nodes"]}
    assert kinds == {"项目", "措施"}


def test_responsibility_by_region_says_where_the_issuer_stands_in(
    app_env: None, sample_graph: Driver
) -> None:
    app = _open_with("responsibility", region="阳城县")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics == {
        "条目数": "143",
        "规划写明责任单位的条目": "0",
        "未写明、显示发文单位的条目": "143",
    }
    assert "发文单位" in app.info[0].value
    table = app.dataframe[0].value
    assert set(table["依据（原文）"]) == {"规划未写明责任单位，显示的是发文单位"}
    app.selectbox[1].set_value("双减").run()
    assert int(app.metric[0].value) < 143 and app.query_params["focus"] == "双减"


def test_responsibility_by_region_quotes_a_named_unit(app_env: None, small_graph: Driver) -> None:
    app = _open_with("responsibility", region="山西省")
    table = app.dataframe[0].value
    measure = table[table["类别"] == "措施"].iloc[0]
    assert measure["牵头单位"] == "基础教育股" and "责任单位：基础教育股" in measure["依据（原文）"]
    assert app.query_params["region"] == "山西省"
