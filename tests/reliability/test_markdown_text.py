"""Issue 16 item 6: plan text is shown as text. A measure holding Markdown image or link syntax,
HTML, a Streamlit directive or LaTeX renders as those characters, not as an image that every
viewer's browser fetches or a live link."""

from __future__ import annotations

import re
from pathlib import Path

import markdown_it
import pytest
from neo4j import Driver
from streamlit.testing.v1 import AppTest

from app_pages.text import plain
from graph.analysis import derive
from graph.build import build_batch
from graph.neo4j_writer import write_document
from graph.settings import REPO_ROOT
from ingest.pipeline import extract_file

APP = str(REPO_ROOT / "app.py")
XSS = Path(__file__).with_name("inputs") / "xss_plan.html"
HOSTILE = [
    "推进**粗体**![beacon](http://127.0.0.1:8765/beacon.png)",
    "[点击领取](javascript:alert(document.cookie))",
    "<img src=x onerror=alert(1)> <iframe src='javascript:alert(2)'></iframe>",
    ":red[红色] :material/home: $\\href{javascript:alert(5)}{x}$",
    "# 标题\n> 引用\n| a | b |\n|---|---|\n| 1 | 2 |",
    "<http://127.0.0.1:8765/auto> www.example.com http://127.0.0.1:8765/bare",
    "`code` ~~删除~~ _斜体_ \\*",
]
MARKUP = (
    "<img",
    "<a ",
    "<a>",
    "<strong",
    "<em",
    "<iframe",
    "<h1",
    "<blockquote",
    "<table",
    "<code",
)


@pytest.mark.parametrize("text", HOSTILE)
def test_plain_text_renders_as_the_same_characters(text: str) -> None:
    renderer = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"])
    html = renderer.render(plain(text))
    assert not any(tag in html for tag in MARKUP), html
    assert "http" not in html or "href" not in html
    shown = markdown_it.MarkdownIt("commonmark").render(plain(text))
    assert "beacon" not in text or "beacon" in shown


def test_the_region_page_shows_the_hostile_plan_as_text(
    app_env: None, driver: Driver, database: str
) -> None:
    write_document(driver, build_batch(extract_file(XSS)), database=database)
    derive(driver, database=database)
    app = AppTest.from_file(APP, default_timeout=60)
    app.run()
    app.session_state["profile_region"] = "武乡县"
    app.switch_page("app_pages/region.py")
    app.run()
    assert not app.exception, app.exception
    sources = [m.value for m in app.markdown] + [e.label for e in app.expander]
    hostile = [s for s in sources if "beacon" in s or "javascript" in s or "img" in s]
    assert hostile, "the hostile measures are on the page"
    renderer = markdown_it.MarkdownIt("commonmark")
    for source in sources:
        html = renderer.render(source)
        assert "<img" not in html and "![" not in source, source
        hrefs = re.findall(r'<a href="([^"]*)"', html)  # only the app's own links into the reader
        assert all(href.startswith("reader?item=") for href in hrefs), source
