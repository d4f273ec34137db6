"""Plan text as the app renders it (app_pages/plantext.py): escaped, highlighted by kind, linked."""

from __future__ import annotations

import html
import re

import markdown_it
import pytest

from app_pages.plantext import BACKGROUND, SELECTED, UNDERLINE, md, plan_html, snippet_html
from graph.explore.reader import Span

TEXT = "1.落实“双减”。<b>(1)</b>新建幼儿园2所。"
SPANS = [
    Span("goal", "d#g1", 0, len(TEXT), "落实“双减”"),
    Span("project", "双减", 5, 7, "双减"),
    Span("measure", "d#m1", 9, len(TEXT), "新建幼儿园2所"),
    Span("target", "d#t1", 19, 26, "新建幼儿园2所"),
]


def visible(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_the_plan_reads_as_its_text_with_markup_escaped() -> None:
    html = plan_html(TEXT, SPANS, doc="d", selected=None)
    assert "<b>" not in html and visible(html) == TEXT.replace("<", "&lt;").replace(">", "&gt;")


def test_each_kind_has_its_colour_and_every_item_piece_links_to_its_innermost_item() -> None:
    html = plan_html(TEXT, SPANS, doc="d", selected=None)
    assert BACKGROUND["goal"] in html and BACKGROUND["measure"] in html
    assert BACKGROUND["target"] in html and UNDERLINE["project"] in html
    target = re.search(r'<a href="\?doc=d&amp;at=(\d+)"[^>]*>新建幼儿园2所</a>', html)
    assert target and target.group(1) == "19"  # the target, not its measure or goal


def test_the_selected_item_is_marked_and_anchored_once() -> None:
    html = plan_html(TEXT, SPANS, doc="d", selected=SPANS[2], lang="en")
    assert html.count("id='plangraph-at'") == 1 and SELECTED in html
    assert "lang=en" in html


def test_a_selected_passage_outside_every_item_is_marked() -> None:
    passage = Span("passage", "", 2, 4, "")
    html = plan_html("前言教育局文件", [], doc="d", selected=passage)
    assert re.search(rf"background:{SELECTED}[^>]*id='plangraph-at'>教育</span>", html)


@pytest.mark.parametrize(
    "text",
    ["[点我](http://evil.example)", "![图](http://evil.example/i.png)", ":red[红]", "**粗**",
     "<script>x</script>", "$x^2$", "# 标题"],
)  # fmt: skip
def test_markdown_escape_leaves_no_markup(text: str) -> None:
    rendered = markdown_it.MarkdownIt("commonmark").render(md(text))
    assert not re.search(r"<(?!/?p>)", rendered)  # no element but the paragraph
    assert html.unescape(re.sub(r"</?p>\n?", "", rendered)) == text


def test_snippet_marks_only_the_words() -> None:
    html = snippet_html((("落实", False), ("双减", True), ("<i>", False)))
    assert html == "落实<mark>双减</mark>&lt;i&gt;"
