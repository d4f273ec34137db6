"""Every page of the app, run by Streamlit's AppTest against the real Neo4j."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from graph.settings import REPO_ROOT

APP = str(REPO_ROOT / "app.py")


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
    assert metrics["工作要点"] == "2" and metrics["目标"] == "2"
    table = app.dataframe[0].value
    assert set(table["地区"]) == {"阳城县", "沁水县"}
    assert any("山西省" in m.value for m in app.markdown)


def test_overview_counts_regions_with_a_plan(app_env: None, sample_graph: Driver) -> None:
    """Issue 15 item 12: "Region 62" beside 5 plans counted the reference regions too."""
    app = open_page("overview")
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["覆盖地区"] == "5"
    records, _, _ = sample_graph.execute_query("MATCH (r:Region) RETURN count(r) AS n")
    assert any(f"{records[0]['n']} 个地区节点" in c.value for c in app.caption)


def test_overview_says_what_to_do_next(app_env: None, small_graph: Driver) -> None:
    """Issue 15 item 12: no hint of what to do next."""
    app = open_page("overview")
    labels = [link.proto.label for link in app.get("page_link")]
    assert sorted(labels) == sorted(
        ["地区画像", "地区对比", "项目与政策", "主题", "保存的查询", "导入文件"]
    )


def test_overview_documents_table_has_no_raw_values(app_env: None, sample_graph: Driver) -> None:
    """Issue 15 items 7, 8: headers province, doc_number, issuers; None for a missing title or
    文号; English metric labels in zh mode."""
    app = open_page("overview")
    assert all(re.search(r"[\u4e00-\u9fff]", m.label) for m in app.metric)
    table = app.dataframe[0].value
    assert list(table.columns)[:3] == ["省份", "地区", "行政区划代码"]
    assert not table.isna().any().any()
    assert "None" not in table.astype(str).to_numpy()
    untitled = table[table["地区"] == "吕梁市"]["标题"].iloc[0]
    assert untitled.endswith(".txt")  # the file name stands in for the missing title


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
    assert set(table["地区"]) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}


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
    app.multiselect[0].set_value(["140522", "522725", "620724"]).run()  # 阳城县 瓮安县 高台县
    shared = app.markdown[0].value.split("、")
    assert {"双减", "县管校聘"} <= set(shared)
    sizes = app.dataframe[0].value
    assert list(sizes["地区"]) == ["阳城县", "瓮安县", "高台县"]
    unique = next(f.value for f in app.dataframe if list(f.value.columns) == ["名称"])
    assert len(unique) > 0 and not set(unique.iloc[:, 0]) & set(shared)
    assert not app.error


def test_compare_starts_on_the_most_similar_pair_and_explains_it(
    app_env: None, sample_graph: Driver, database: str
) -> None:
    """Issue 15 item 13: the default pair was the first two by adcode, the plan similarity a bare
    0.0248, and no side by side of themes and targets."""
    records, _, _ = sample_graph.execute_query(
        "MATCH (a:Region)-[s:SIMILAR_TO]->(b:Region) RETURN a.id AS a, b.id AS b "
        "ORDER BY s.score DESC, a, b LIMIT 1",
        database_=database,
    )
    app = open_page("compare")
    assert app.multiselect[0].value == [records[0]["a"], records[0]["b"]]
    pairs = next(f.value for f in app.dataframe if "相似度" in f.value.columns)
    assert {"共同采纳的项目与政策", "两地合计采纳的项目与政策"} <= set(pairs.columns)
    assert any("一半来自共同采纳的项目与政策" in c.value for c in app.caption)
    themes = next(f.value for f in app.dataframe if f.value.index.name == "主题")
    assert len(themes.columns) == 2 and len(themes) > 5
    assert abs(themes.iloc[:, 0].sum() - 1.0) < 1e-6  # shares of each region's items
    targets = [f.value for f in app.dataframe if list(f.value.columns) == ["量化指标"]]
    assert len(targets) == 2 and all(len(frame) > 0 for frame in targets)


def test_initiatives_lists_adopters_with_evidence(app_env: None, sample_graph: Driver) -> None:
    app = open_page("initiatives")
    app.selectbox[0].set_value("双减").run()
    adopters = [e.label.split(" ")[0] for e in app.expander]
    assert set(adopters) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
    evidence = [m.value for m in app.markdown if m.value.startswith(">")]
    assert evidence and all("双减" in sentence for sentence in evidence)
    co_adopted = app.dataframe[-1].value
    assert "项目或政策" in co_adopted and len(co_adopted) > 0
    assert "共现度（Jaccard）" in co_adopted


def test_initiatives_speak_the_interface_language(app_env: None, sample_graph: Driver) -> None:
    """Issue 15 item 7: "· Project ·" in the choice, kind/initiative/jaccard headers in zh."""
    app = open_page("initiatives")
    assert all("Project" not in option and "Policy" not in option
               for option in app.selectbox[0].options)  # fmt: skip
    assert any("· 项目 ·" in option for option in app.selectbox[0].options)
    for frame in app.dataframe:
        assert all(re.search(r"[\u4e00-\u9fff]", str(c)) for c in frame.value.columns)


def _drawn(app: AppTest) -> dict[str, list[dict[str, Any]]]:
    """The elements the graph view was given: node data in words, edges by their ends' names."""
    (view,) = app.get("component_instance")
    return json.loads(view.proto.json_args)["elements"]


def test_responsibility_chain_of_a_project(app_env: None, sample_graph: Driver) -> None:
    app = open_page("responsibility")
    app.radio[0].set_value("chain").run()
    app.selectbox[0].set_value("县管校聘").run()
    edges = _drawn(app)["edges"]
    assert {"提及", "所属地区"} <= {e["data"]["label"] for e in edges}
    assert {"阳城县", "瓮安县"} <= {e["data"]["target"] for e in edges}
    assert not app.error


def test_responsibility_chain_of_an_institution(app_env: None, sample_graph: Driver) -> None:
    app = open_page("responsibility")
    app.radio[0].set_value("chain").run()
    app.radio[1].set_value("institution").run()
    app.selectbox[0].set_value("阳城县教育局").run()
    edges = _drawn(app)["edges"]
    duties = [e["data"] for e in edges if e["classes"] == "RESPONSIBLE_FOR"]
    assert len(duties) > 5 and {d["source"] for d in duties} >= {"阳城县教育局"}


def test_themes_heatmap_and_drill_down(app_env: None, sample_graph: Driver) -> None:
    app = open_page("themes")
    (heatmap,) = app.get("vega_lite_chart")
    assert '"rect"' in heatmap.proto.spec
    pivot = app.dataframe[0].value
    assert {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"} <= set(pivot.columns)
    app.selectbox[1].set_value("522725").run()  # 瓮安县
    app.selectbox[2].set_value("teachers").run()
    items = app.dataframe[-1].value
    assert len(items) > 0 and items["内容"].str.contains("教师").any(), list(items.columns)


def test_themes_heatmap_is_readable_and_offers_shares(app_env: None, sample_graph: Driver) -> None:
    """Issue 15 item 11: raw counts only, region labels rotated 90°, theme names truncated, dark
    numbers on the darkest cells, and no way to drill down from a cell."""
    app = open_page("themes")
    spec = json.loads(app.get("vega_lite_chart")[0].proto.spec)
    rect, text = spec["layer"]
    assert rect["encoding"]["x"]["axis"]["labelAngle"] == 0  # five columns: horizontal
    assert rect["encoding"]["y"]["axis"]["labelLimit"] == 0  # theme names never cut
    assert "white" in json.dumps(text["encoding"]["color"])  # light numbers on dark cells
    assert any(
        p.get("select", {}).get("on") == "click" for p in rect.get("params", spec.get("params", []))
    )
    assert app.get("vega_lite_chart")[0].proto.selection_mode == ["cell"]
    app.radio[0].set_value("share").run()
    pivot = app.dataframe[0].value
    assert abs(pivot["阳城县"].sum() - 1.0) < 1e-6  # each region's shares add up to one


def test_themes_scope_narrows_to_a_province(app_env: None, sample_graph: Driver) -> None:
    app = open_page("themes")
    assert app.selectbox[0].value == ""  # the whole country
    app.selectbox[0].set_value("140000").run()  # 山西省
    assert set(app.dataframe[0].value.columns) == {"阳城县", "吕梁市"}
    assert set(app.selectbox[1].options) == {"阳城县", "吕梁市"}


def test_ingest_page_waits_for_files(app_env: None, small_graph: Driver) -> None:
    app = open_page("upload")
    assert app.title[0].value == "导入文件"
    assert app.main.button[0].disabled  # nothing uploaded yet


def test_saved_query_page_runs_the_network_analysis(app_env: None, sample_graph: Driver) -> None:
    app = open_page("queries")
    next(b for b in app.main.button if b.label == "计算").click().run()
    assert not app.exception and not app.error
    table = app.dataframe[0].value
    assert set(table["名称"]) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
    assert {"社区", "特征向量中心性", "角色"} <= set(table.columns)
    assert set(table["角色"]) <= {"典型", "一般", "离群"}


def test_saved_query_result_survives_the_network_analysis(
    app_env: None, sample_graph: Driver
) -> None:
    """Issue 15 item 2: a second button (计算, 下载 CSV) reran the page and the result vanished."""
    app = open_page("queries")
    app.selectbox[0].set_value("adopters").run()
    next(b for b in app.main.button if b.label == "运行").click().run()
    next(b for b in app.main.button if b.label == "计算").click().run()
    assert not app.exception
    assert len(app.dataframe) == 2
    assert set(app.dataframe[0].value["地区"]) == {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
    download = app.get("download_button")[0]
    assert download.proto.ignore_rerun  # clicking it does not rerun the page either


def test_saved_query_parameters_are_labelled_in_the_language(
    app_env: None, sample_graph: Driver
) -> None:
    """Issue 15 item 7: labels were "name — 项目或政策名称… (name or alias, substring)", and the
    box that promises substring matching only allowed picking from the list."""
    app = open_page("queries")
    app.selectbox[0].set_value("adopters").run()
    box = app.selectbox[1]
    assert box.label == "项目或政策名称（包含匹配，含别名）"
    assert box.proto.accept_new_options  # any text can be typed, the list only suggests
    assert app.number_input[0].label == "最多行数"
    app.sidebar.toggle[0].set_value(True).run()
    assert app.selectbox[1].label == "name or alias, substring"


@pytest.mark.parametrize(
    ("query", "hidden"),
    [
        ("compare_regions", "only_a"),
        ("region_network_edges", "{"),
        ("similar_measures", "#m"),
        ("unassigned_commitments", "None"),
        ("region_profile", "#g"),
        ("metric_targets", "None"),
    ],
)
def test_saved_query_tables_show_no_raw_values(
    app_env: None, sample_graph: Driver, query: str, hidden: str
) -> None:
    """Issue 15 item 8: None, only_a, Python dicts and internal ids reached the tables."""
    app = open_page("queries")
    app.selectbox[0].set_value(query).run()
    next(b for b in app.main.button if b.label == "运行").click().run()
    assert not app.exception
    table = app.dataframe[0].value
    assert len(table) > 0
    cells = table.astype(str).to_numpy().ravel().tolist() + list(table.columns)
    assert not [c for c in cells if hidden in c or c in ("nan", "None")]


PAGES = ["overview", "region", "compare", "initiatives", "responsibility", "themes", "queries",
         "console", "export", "upload"]  # fmt: skip
RAW = re.compile(r"^(None|nan|NaN|NaT)$|^d[0-9a-f]{16}(#[a-z]+\d+)*$|^\d+:[0-9a-f-]{8,}:\d+$")
CJK = re.compile(r"[\u4e00-\u9fff]")


def _shown_text(app: AppTest) -> list[str]:
    texts = [m.label for m in app.metric] + [m.value for m in app.metric]
    texts += [e.label for e in app.expander] + [c.value for c in app.caption]
    for kind in ("selectbox", "multiselect", "radio"):
        for widget in app.get(kind):
            texts += [str(o) for o in widget.options]
    return texts


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_every_page_shows_no_raw_values(
    app_env: None, sample_graph: Driver, page: str, english: bool
) -> None:
    """Issue 15 items 7, 8: no None, nan, element id or internal id in any table, metric, choice
    or caption; in zh mode every table header and metric label is Chinese."""
    app = open_page(page)
    if english:
        app.sidebar.toggle[0].set_value(True).run()
    assert not app.exception
    for frame in app.dataframe:
        table = frame.value
        cells = [str(v) for v in table.to_numpy().ravel()] + [str(c) for c in table.columns]
        assert not [c for c in cells if RAW.search(c)], (page, list(table.columns))
        if not english:
            assert all(CJK.search(str(c)) for c in table.columns), list(table.columns)
    texts = _shown_text(app)
    assert not [s for s in texts if RAW.search(s.strip()) or "{'" in s], page
    if not english:
        assert all(CJK.search(m.label) for m in app.metric), [m.label for m in app.metric]


@pytest.mark.parametrize(
    ("page", "key"),
    [("region", "region-graph-profile"), ("responsibility", "responsibility-graph-profile")],
)
def test_graph_views_offer_only_regions_with_a_profile(
    app_env: None, sample_graph: Driver, page: str, key: str
) -> None:
    """Issue 15 item 6: 打开 did nothing for a region without a plan (晋城市, first in the box)."""
    app = open_page(page)
    if page == "responsibility":  # the graph is the chain view's
        app.radio[0].set_value("chain").run()
        app.selectbox[0].set_value("县管校聘").run()
    options = set(app.selectbox(key=key).options)
    assert options and options <= {"阳城县", "瓮安县", "高台县", "吕梁市", "威海市"}
    assert "晋城市" not in options


EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf]")


@pytest.mark.parametrize("page", PAGES)
def test_no_emoji_markers(app_env: None, sample_graph: Driver, page: str) -> None:
    """Issue 15 item 9: 🎯 📌 👥 render as empty boxes with the CJK font the project installs."""
    app = open_page(page)
    if page == "region":
        app.selectbox[0].set_value("阳城县").run()
        assert any(":material/groups: 牵头 阳城县教育局" in m.value for m in app.markdown)
    texts = [m.value for m in app.markdown] + [e.label for e in app.expander]
    texts += [c.value for c in app.caption] + [m.label for m in app.metric]
    assert not [s for s in texts if EMOJI.search(s)]


def test_ingest_files_a_plan_under_the_region_chosen(
    app_env: None, driver: Driver, database: str, corpus_files: list[Path]
) -> None:
    """Issue 15 item 3 (the app's side): the region found is shown before loading, and the one the
    person chooses (or none) is the one the plan is filed under."""
    from graph.load import RegionFound, find_regions, load_paths, region_names

    plan = next(p for p in corpus_files if "阳城" in p.read_text(encoding="utf-8")[:400])
    (found,) = find_regions([plan])
    assert isinstance(found, RegionFound) and found.adcode == "140522" and found.evidence
    assert region_names()["140522"] == "阳城县 · 晋城市 · 山西省"
    load_paths([plan], regions={str(plan): "620724"})  # 高台县, chosen by hand
    records, _, _ = driver.execute_query(
        "MATCH (:Document)-[:FOR_REGION]->(r:Region) RETURN r.id AS id", database_=database
    )
    assert [r["id"] for r in records] == ["620724"]
    load_paths([plan], regions={str(plan): ""})  # filed under no region
    records, _, _ = driver.execute_query(
        "MATCH (d:Document) RETURN d.region AS region, COUNT { (d)-[:FOR_REGION]->() } AS n",
        database_=database,
    )
    assert [(r["region"], r["n"]) for r in records] == [(None, 0)]


def test_graph_legend_in_the_interface_language(app_env: None, sample_graph: Driver) -> None:
    """Issue 15 item 7: the graph view's legend listed Document, Goal, Region in zh mode."""
    app = open_page("initiatives")
    legend = next(m.value for m in app.markdown if "●" in m.value)
    assert "地区" in legend and "Region" not in legend and "Document" not in legend


def test_ingest_says_why_no_region_was_found(tmp_path: Path) -> None:
    """Issue 15 item 3: a made-up 青岚县 is filed under no region, and the reason is given."""
    from graph.load import RegionFound, find_regions

    plan = tmp_path / "qinglan.txt"
    plan.write_text(
        "青岚县教育局2023年工作要点\n一、总体要求\n1.推进青岚县教育高质量发展。\n", "utf-8"
    )
    (found,) = find_regions([plan])
    assert isinstance(found, RegionFound) and found.adcode is None
    assert found.note is not None and found.note.reason == "no_place"
