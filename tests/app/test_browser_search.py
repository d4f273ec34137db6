"""The search and plan reader pages in a real browser (the fixtures of test_browser.py): a search
that shows highlighted hits, a hit opened in the reader and scrolled into view, an item clicked in
the plan text, the English legend; screenshots in tests/artifacts/."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from neo4j import Driver
from test_browser import ARTIFACTS, app_url, assert_no_error_box, browser, page, visit

__all__ = ["app_url", "browser", "page"]  # fixtures used by name below
pytestmark = pytest.mark.browser


def _in_view(page, selector: str) -> bool:  # type: ignore[no-untyped-def]
    box = page.locator(selector).first.bounding_box()
    return box is not None and 0 <= box["y"] <= page.viewport_size["height"]


def test_search_hits_are_highlighted_and_open_in_the_reader(
    page, app_url: str, sample_graph: Driver
) -> None:  # type: ignore[no-untyped-def]
    hosts: set[str] = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).hostname or ""))
    visit(page, f"{app_url}/search", "search")
    page.get_by_role("button", name="刷新数据").click()  # earlier tests cached other graphs
    box = page.locator('[data-testid="stTextInput"] input').first
    box.fill("双减")
    box.press("Enter")
    marks = page.locator(".plangraph-hit mark")
    marks.first.wait_for(timeout=30_000)
    assert marks.count() > 10 and set(marks.all_inner_texts()) == {"双减"}
    assert "q=%E5%8F%8C%E5%87%8F" in page.url  # the search is in the address
    page.wait_for_timeout(500)
    page.screenshot(path=str(ARTIFACTS / "search-hits.png"), full_page=False)
    assert_no_error_box(page)

    page.locator('[data-testid="stMain"] [data-testid="stPageLink"] a').first.click()
    page.wait_for_url("**/reader?doc=*", timeout=30_000)
    page.locator("#plangraph-at").wait_for(timeout=30_000)
    page.wait_for_timeout(1500)  # the reader scrolls the item into view
    assert _in_view(page, "#plangraph-at")
    assert "双减" in page.locator('[data-testid="stMain"]').inner_text()
    page.screenshot(path=str(ARTIFACTS / "reader-hit.png"), full_page=False)
    assert_no_error_box(page)

    link = page.locator(".plangraph-plan a").nth(30)
    at = link.get_attribute("href").split("at=")[1]  # type: ignore[union-attr]
    link.click()
    page.wait_for_url(f"**at={at}", timeout=30_000)
    page.locator("#plangraph-at").wait_for(timeout=30_000)
    assert_no_error_box(page)
    assert hosts == {"127.0.0.1"}


def test_reader_in_english_from_a_shared_link(page, app_url: str, sample_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    visit(page, f"{app_url}/reader?doc=d0a165cc955b41ad8&at=4810&lang=en", "reader-en")
    legend = page.locator(".plangraph-legend")
    legend.wait_for(timeout=30_000)
    assert legend.inner_text().split() == [
        "Goal", "Measure", "Target", "Project", "Policy", "Institution", "Responsibility",
    ]  # fmt: skip
    page.wait_for_timeout(1500)
    assert _in_view(page, "#plangraph-at")
    page.screenshot(path=str(ARTIFACTS / "reader-en.png"), full_page=False)
    assert_no_error_box(page)
