"""The search and plan reader pages, run by Streamlit's AppTest against the real Neo4j: every
control, the state in the URL, links into the reader, and plan text rendered as inert text."""

from __future__ import annotations

import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from graph.batch import GraphBatch, NodeRow, RelRow
from graph.neo4j_writer import write_document
from graph.settings import REPO_ROOT

APP = str(REPO_ROOT / "app.py")
YANGCHENG = "d0a165cc955b41ad8"  # the sample plan of 阳城县, 2022
HOSTILE = (
    "落实双减<script>alert(1)</script>[点我](http://evil.example/x)"
    "![图](http://evil.example/i.png)<img src=x onerror=alert(2)>**粗体** :red[红] $x^2$"
)

pytestmark = pytest.mark.usefixtures("app_env")


def open_page(page: str, **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    app.switch_page(f"app_pages/{page}.py")
    app.run()
    assert not app.exception, app.exception
    return app


def html(app: AppTest) -> list[str]:
    return [element.proto.body for element in app.get("html")]


def links(app: AppTest) -> list[str]:
    return [element.proto.query_string for element in app.get("page_link")]


def cards(app: AppTest) -> list[str]:
    return [body for body in html(app) if "plangraph-hit" in body]


def test_search_marks_every_hit_and_links_into_the_reader(sample_graph: Driver) -> None:
    app = open_page("search")
    app.text_input[0].set_value("双减").run()
    found = cards(app)
    assert len(found) > 10 and all("<mark>双减</mark>" in card for card in found)
    assert app.query_params["q"] == "双减"  # the URL holds the search
    targets = links(app)
    assert len(targets) == len(found) and all(q.startswith("doc=d") for q in targets)
    labels = {b.label for b in app.get("download_button")}
    assert labels == {"下载 CSV", "下载 XLSX"}


@pytest.mark.parametrize("word", ["课后服务", "1+X"])
def test_search_finds_the_words_the_index_splits(sample_graph: Driver, word: str) -> None:
    app = open_page("search", q=word)
    assert app.text_input[0].value == word  # read from the URL
    assert cards(app) and all(f"<mark>{word}</mark>" in card for card in cards(app))


def test_search_filters_and_keeps_them_in_the_url(sample_graph: Driver) -> None:
    app = open_page("search", q="双减")
    everything = len(cards(app))
    app.selectbox[0].set_value("140000").run()  # 山西省 and the regions under it
    shanxi = cards(app)
    assert 0 < len(shanxi) < everything
    assert all("阳城县" in card or "吕梁市" in card for card in shanxi)
    app.selectbox[1].set_value(2022).run()
    app.multiselect[0].set_value(["measure"]).run()
    assert all(">措施<" in card for card in cards(app))
    app.selectbox[2].set_value("teachers").run()
    app.selectbox[3].set_value("named").run()
    assert dict(app.query_params) == {
        "q": "双减", "region": "140000", "year": "2022", "kind": "measure",
        "theme": "teachers", "unit": "named",
    }  # fmt: skip
    shared = open_page("search", **dict(app.query_params))  # a bookmarked link
    assert [w.value for w in shared.selectbox] == ["140000", 2022, "teachers", "named"]
    assert shared.multiselect[0].value == ["measure"]


def test_search_says_when_nothing_is_found(sample_graph: Driver) -> None:
    app = open_page("search", q="没有这个词语")
    assert not cards(app) and app.info


def test_search_page_in_english(sample_graph: Driver) -> None:
    app = open_page("search", q="双减", lang="en")
    assert app.title[0].value == "Search"
    assert any(">Measure<" in card for card in cards(app))
    assert app.query_params["lang"] == "en"


def test_reader_opens_the_item_at_the_place_in_the_url(sample_graph: Driver) -> None:
    app = open_page("reader", doc=YANGCHENG, at="4810")
    assert app.selectbox[0].value == YANGCHENG
    assert app.selectbox[1].value == f"{YANGCHENG}#t10"  # the target inside the measure
    plan = next(body for body in html(app) if "plangraph-plan" in body)
    assert plan.count("id='plangraph-at'") == 1
    assert "?doc=d0a165cc955b41ad8&amp;at=4788" in plan  # its measure, one click away
    legend = next(body for body in html(app) if "plangraph-legend" in body)
    for kind in ("目标", "措施", "量化指标", "项目", "政策文件", "机构", "责任单位标注"):
        assert kind in legend
    neighbours = app.dataframe[-1].value
    assert "所属条目" in set(neighbours["关系"])  # the measure that sets the target


def test_reader_item_choice_goes_into_the_url(sample_graph: Driver) -> None:
    app = open_page("reader", doc=YANGCHENG)
    app.selectbox[1].set_value(f"{YANGCHENG}#m63").run()
    assert app.query_params["at"] == "4788"
    assert "1+X" in html(app)[-1] or any("1+X" in body for body in html(app))
    app.selectbox[0].select_index(1).run()  # another plan: no place chosen in it yet
    assert "at" not in app.query_params and app.selectbox[1].value is None


def test_reader_opens_an_item_by_id(sample_graph: Driver) -> None:
    app = open_page("reader", item=f"{YANGCHENG}#m63")
    assert dict(app.query_params) == {"doc": YANGCHENG, "at": "4788"}
    assert app.selectbox[1].value == f"{YANGCHENG}#m63"


def test_reader_marks_a_passage_of_the_plan_text(sample_graph: Driver) -> None:
    app = open_page("reader", doc=YANGCHENG, at="45", to="48")
    assert app.selectbox[1].value is None
    assert "<mark>教育局</mark>" in html(app)


def hostile_plan() -> GraphBatch:
    end = len(HOSTILE)
    nodes = (
        NodeRow("Document", "h1", {"title": HOSTILE, "year": 2024, "text": HOSTILE}),
        NodeRow("Goal", "h1#g1", {"doc": "h1", "title": HOSTILE, "text": HOSTILE, "start": 0,
                                  "end": end, "order": 1}),
    )  # fmt: skip
    return GraphBatch("h1", nodes, (RelRow("HAS_GOAL", "Document", "h1", "Goal", "h1#g1"),))


def test_plan_text_is_never_markup(driver: Driver, database: str) -> None:
    write_document(driver, hostile_plan(), database=database)
    for app in (open_page("search", q="双减"), open_page("reader", doc="h1", at="0")):
        bodies = html(app)
        assert any("&lt;script&gt;" in body for body in bodies)
        assert not any("<script>alert" in b or "<img src=x" in b for b in bodies)
        rendered = [m.value for m in app.markdown] + [m.value for m in app.caption]
        assert not any("](http" in value for value in rendered)


def test_region_profile_opens_measures_targets_and_goals_in_the_reader(
    sample_graph: Driver,
) -> None:
    app = open_page("region")
    app.selectbox[0].set_value("阳城县").run()
    measures = [body for body in html(app) if "plangraph-measure" in body]
    assert len(measures) > 100
    assert all("href='reader?item=d0a165cc955b41ad8%23m" in body for body in measures)
    targets = [m.value for m in app.markdown if ":material/target:" in m.value]
    assert targets and all("](reader?item=d0a165cc955b41ad8%23t" in v for v in targets)
    assert f"item={YANGCHENG}%23g1" in links(app)


def test_themes_drill_down_links_every_item_into_the_reader(sample_graph: Driver) -> None:
    app = open_page("themes")
    app.selectbox[1].set_value("522725").run()  # 瓮安县
    items = app.dataframe[-1].value
    assert len(items) > 0
    links = list(items["原文"])  # the link column, headed in the interface language
    assert all(link.startswith("reader?item=d") for link in links)
    assert len(set(links)) == len(links)


def test_initiative_evidence_opens_in_the_reader(sample_graph: Driver) -> None:
    app = open_page("initiatives")
    app.selectbox[0].set_value("双减").run()
    evidence = [q for q in links(app) if q.startswith("item=")]
    assert len(evidence) >= 5
