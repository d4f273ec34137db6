"""The map and the graph views in a real browser: the map is drawn as SVG region shapes with no
request leaving 127.0.0.1, and every graph view is screenshotted at first render into
tests/artifacts/ (look at them: the captions must be readable)."""

from __future__ import annotations

from urllib.parse import quote, urlparse

import pytest
from neo4j import Driver

from tests.app import test_browser as shared

pytestmark = pytest.mark.browser
# the fixtures of the browser tests: a Streamlit server on the test Neo4j, chromium, a tab
app_url, browser, page = shared.app_url, shared.browser, shared.page
ADOPTED_2022 = "#08306b"  # app_pages/map.py: the first year's colour
LOCAL = ("127.0.0.1", "localhost")


def _outside(requests: list[str]) -> list[str]:
    return [u for u in requests if u.startswith("http") and urlparse(u).hostname not in LOCAL]


def test_map_draws_the_adopters_of_shuangjian_offline(
    page, app_url: str, sample_graph: Driver
) -> None:  # type: ignore[no-untyped-def]
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    shared.visit(page, f"{app_url}/map?measure=adopters&level=county&key={quote('双减')}", "map")
    page.get_by_role("button", name="刷新数据").click()  # earlier tests cached other graphs
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.locator("svg path").nth(100).wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    chart.screenshot(path=str(shared.ARTIFACTS / "map-county-shuangjian.png"))
    page.screenshot(path=str(shared.ARTIFACTS / "map.png"), full_page=True)
    shapes = chart.locator("svg path")
    assert shapes.count() > 300  # the counties of four provinces and two prefectures
    assert chart.locator(f'svg path[fill="{ADOPTED_2022}"]').count() >= 4
    assert _outside(requests) == []
    shared.assert_no_error_box(page)


@pytest.mark.parametrize(
    ("name", "path", "tab"),
    [
        ("graph-region", "region", "关系图"),
        ("graph-responsibility", "responsibility?view=chain", None),
        ("graph-initiatives", "initiatives", None),
    ],
)
def test_graph_views_at_first_render(  # type: ignore[no-untyped-def]
    page, app_url: str, sample_graph: Driver, name: str, path: str, tab: str | None
) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    shared.visit(page, f"{app_url}/{path}", f"{name}-page")
    page.get_by_role("button", name="刷新数据").click()
    if tab:
        page.get_by_role("tab", name=tab).click()
    frame_element = page.locator('iframe[title*="st_link_analysis"]').first
    frame_element.scroll_into_view_if_needed(timeout=30_000)
    frame = page.frame_locator('iframe[title*="st_link_analysis"]').first
    frame.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(2500)  # the layout runs once, without animation, then fits
    frame_element.screenshot(path=str(shared.ARTIFACTS / f"{name}.png"))
    assert frame.locator("canvas").count() > 0
    legend = page.get_by_text("目标").first
    assert legend.count() == 1
    assert _outside(requests) == []
    shared.assert_no_error_box(page)


CY = "document.getElementById('cy')._cyreg.cy"  # the Cytoscape instance in the component
EXPAND_A_REGION = f"""() => {{
    const node = {CY}.nodes().filter(n => n.hasClass('Region')).first();
    node.select(); node.emit('dblclick'); return {CY}.nodes().length; }}"""
FITS = f"""() => {{ const box = {CY}.elements().renderedBoundingBox();
    return box.x1 >= 0 && box.y1 >= 0 && box.x2 <= {CY}.width() && box.y2 <= {CY}.height(); }}"""


def _graph_frame(page):  # type: ignore[no-untyped-def]
    element = page.locator('iframe[title*="st_link_analysis"]').first
    element.scroll_into_view_if_needed(timeout=30_000)
    frame = element.element_handle().content_frame()
    frame.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(2000)
    return element, frame


def test_graph_view_expands_and_fits_the_frame(page, app_url: str, sample_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    """A double-click on a region adds its neighbours; the view is laid out afresh and fits."""
    path = f"responsibility?view=chain&of=project&name={quote('县管校聘')}"
    shared.visit(page, f"{app_url}/{path}", "graph-expansion-before")
    page.get_by_role("button", name="刷新数据").click()
    _, frame = _graph_frame(page)
    before = frame.evaluate(EXPAND_A_REGION)
    page.wait_for_timeout(4000)  # the expansion goes to the server and the view is remounted
    element, frame = _graph_frame(page)
    element.screenshot(path=str(shared.ARTIFACTS / "graph-after-expansion.png"))
    assert frame.evaluate(f"{CY}.nodes().length") > before
    assert frame.evaluate(FITS)
    shared.assert_no_error_box(page)
