"""The app in a real browser: Debian's chromium driven by Playwright, against a Streamlit server
on the real Neo4j. Screenshots go to tests/artifacts/ (ignored by git)."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver

from bench.browser import CHROMIUM, CHROMIUM_FLAGS, running_app
from graph.settings import REPO_ROOT, Settings

pytestmark = pytest.mark.browser
ARTIFACTS = REPO_ROOT / "tests" / "artifacts"
PAGES = [
    "overview", "region", "compare", "initiatives", "responsibility", "themes", "map", "queries",
    "console", "export", "ingest",
]  # fmt: skip

if not Path(CHROMIUM).exists():
    pytest.skip(
        "Debian's chromium is not installed (scripts/test installs it)", allow_module_level=True
    )
playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def app_url(neo4j_settings: Settings) -> Iterator[str]:
    with running_app(neo4j_settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright.sync_playwright() as engine:
        launched = engine.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser, app_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    tab = context.new_page()
    yield tab
    context.close()


def visit(page, url: str, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.wait_for_selector('[data-testid="stSidebarNav"]', timeout=30_000)
    page.wait_for_selector("h1", timeout=30_000)  # every page starts with its title
    page.wait_for_function("!document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=30_000)  # fmt: skip
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def assert_no_error_box(page) -> None:  # type: ignore[no-untyped-def]
    assert page.locator('[data-testid="stException"]').count() == 0
    assert page.locator('[data-testid="stAlertContentError"]').count() == 0


@pytest.mark.parametrize("name", PAGES)
def test_every_page_renders_without_error(
    page, app_url: str, small_graph: Driver, name: str
) -> None:  # type: ignore[no-untyped-def]
    visit(page, f"{app_url}/{'' if name == 'overview' else name}", name)
    assert_no_error_box(page)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 1


def test_chinese_region_names_are_visible(page, app_url: str, small_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    visit(page, app_url, "overview-regions")
    # Earlier tests rebuilt the graph under the app's one-minute cache: read it afresh.
    page.get_by_role("button", name="刷新数据").click()
    # The regions-by-province list is plain text (the tables are drawn on a canvas).
    names = page.locator('[data-testid="stMarkdownContainer"]').filter(has_text="阳城县").first
    names.wait_for(timeout=20_000)
    assert names.is_visible()
    box = names.bounding_box()
    assert box is not None and box["width"] > 20


def test_export_downloads_a_file(page, app_url: str, small_graph: Driver, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    visit(page, f"{app_url}/export", "export-before")
    page.locator('[data-testid="stMultiSelect"]').first.click()
    page.get_by_role("option", name="阳城县").click()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="生成导出").click()
    button = page.get_by_role("button", name="下载 graphml")
    button.wait_for(timeout=30_000)
    with page.expect_download() as download:
        button.click()
    target = tmp_path / "export.graphml"
    download.value.save_as(target)
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    page.screenshot(path=str(ARTIFACTS / "export-after.png"), full_page=True)
    assert_no_error_box(page)


def test_a_saved_query_runs_in_the_browser(page, app_url: str, sample_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    visit(page, f"{app_url}/queries", "queries-before")
    page.get_by_role("button", name="运行").click()
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    page.wait_for_timeout(1000)
    page.screenshot(path=str(ARTIFACTS / "queries-after.png"), full_page=True)
    assert_no_error_box(page)
    assert page.get_by_text("rows").count() + page.get_by_text("行").count() > 0


def test_graph_view_draws_offline(page, app_url: str, sample_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    """The responsibility chain is drawn by the bundled Cytoscape.js: the browser here has no
    internet, so a canvas in the component's frame means nothing came from a CDN."""
    visit(page, f"{app_url}/responsibility?view=chain", "responsibility-graph")
    page.get_by_role("button", name="刷新数据").click()  # earlier tests cached a smaller graph
    frame = page.frame_locator('iframe[title*="st_link_analysis"]').first
    frame.locator("canvas").first.wait_for(timeout=30_000)
    page.wait_for_timeout(1500)
    page.screenshot(path=str(ARTIFACTS / "responsibility-graph.png"), full_page=True)
    assert frame.locator("canvas").count() > 0
    assert_no_error_box(page)


def test_ingest_uploads_a_plan_and_reports_it(page, app_url: str, driver: Driver) -> None:  # type: ignore[no-untyped-def]
    plan = sorted((REPO_ROOT / "corpus").glob("*.txt"))[0]
    visit(page, f"{app_url}/ingest", "ingest-before")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(plan))
    load = page.get_by_role("button", name="导入", exact=True)
    playwright.expect(load).to_be_enabled(timeout=20_000)
    load.click()
    page.get_by_text("导入报告").wait_for(timeout=120_000)
    page.get_by_text("图谱现有").wait_for(timeout=30_000)
    page.screenshot(path=str(ARTIFACTS / "ingest-after.png"), full_page=True)
    assert_no_error_box(page)
    records, _, _ = driver.execute_query("MATCH (d:Document) RETURN d.source AS source")
    assert [Path(r["source"]).name for r in records] == [plan.name]


# What an analyst must never see: None, nan, element ids (4:uuid:12), internal ids (d…#g2).
RAW = re.compile(
    r"(?<![\w-])(None|nan|NaN)(?![\w-])|\b\d+:[0-9a-f]{8}-[0-9a-f-]{27}:\d+\b|\bd[0-9a-f]{16}(#\w+)?"
)
CJK = re.compile(r"[\u4e00-\u9fff]")


def switch_language(page, english: bool) -> None:  # type: ignore[no-untyped-def]
    """Read the graph afresh (earlier tests loaded other graphs) and choose the language."""
    page.get_by_role("button", name="刷新数据").click()
    page.mouse.move(900, 600)  # away from the button, whose tooltip would cover the toggle
    settle(page)
    if english:
        page.locator('[data-testid="stSidebar"] label').filter(has_text="English").click()
        page.get_by_role("button", name="Refresh data").wait_for(timeout=30_000)
    settle(page)


def settle(page, timeout_s: float = 90.0) -> None:  # type: ignore[no-untyped-def]
    """Wait until the script has finished: no running indicator, and the page's text and height
    unchanged over two checks a second apart (slow pages draw in several steps)."""
    probe = """() => {
      const main = document.querySelector('[data-testid="stMain"]');
      const running = document.querySelector('[data-testid="stStatusWidget"]');
      return running ? null : main.innerText.length + ':' + main.scrollHeight;
    }"""
    deadline, seen, stable = time.monotonic() + timeout_s, None, 0
    while stable < 2 and time.monotonic() < deadline:
        page.wait_for_timeout(1000)
        now = page.evaluate(probe)
        stable = stable + 1 if now is not None and now == seen else 0
        seen = now


def full_screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    """The whole page: Streamlit scrolls inside its main block, so grow the window to fit it."""
    height = page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": min(int(height) + 40, 12_000)})
    page.wait_for_timeout(800)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))
    page.set_viewport_size({"width": 1400, "height": 1000})


def shown_texts(page) -> dict[str, list[str]]:  # type: ignore[no-untyped-def]
    """The main block's text, table headers and cells (the accessible copy of the canvas
    grids), metric labels, and the values and placeholders of inputs."""
    main = page.locator('[data-testid="stMain"]')
    return {
        "text": [main.inner_text()],
        "headers": main.locator('[data-testid="stDataFrame"] th').all_inner_texts()
        + main.locator('[data-testid="stTable"] th').all_inner_texts(),
        # a link column's accessible copy holds its address; the grid shows its display text
        "cells": [
            cell
            for cell in main.locator('[data-testid="stDataFrame"] td').all_inner_texts()
            if not cell.startswith("reader?")
        ],
        "metrics": main.locator('[data-testid="stMetricLabel"]').all_inner_texts(),
        "inputs": main.locator("input").evaluate_all(
            "els => els.flatMap(e => [e.value || '', e.placeholder || ''])"
        ),
    }


@pytest.mark.parametrize("english", [False, True], ids=["zh", "en"])
@pytest.mark.parametrize("name", PAGES)
def test_walk_every_page_in_both_languages(
    page, app_url: str, sample_graph: Driver, name: str, english: bool
) -> None:  # type: ignore[no-untyped-def]
    """Issue 15: no None, nan, element id or internal id on any page, and in zh mode no English
    table header or metric label. Screenshots in tests/artifacts/walk-<page>-<lang>.png."""
    visit(page, f"{app_url}/{'' if name == 'overview' else name}", f"walk-{name}")
    switch_language(page, english)
    full_screenshot(page, f"walk-{name}-{'en' if english else 'zh'}")
    assert_no_error_box(page)
    shown = shown_texts(page)
    raw = [m.group() for texts in shown.values() for s in texts for m in RAW.finditer(s)]
    assert not raw, raw
    if not english:
        english_labels = [s for s in shown["headers"] + shown["metrics"] if s and not CJK.search(s)]
        assert not english_labels, english_labels


def test_overview_table_fits_the_page(page, app_url: str, sample_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    """Issue 15 item 12: the goals column ran off the right edge of the documents table."""
    visit(page, app_url, "overview-fit")
    switch_language(page, False)
    grid = page.locator('[data-testid="stDataFrame"]').first
    headers = grid.locator("th").all_inner_texts()
    assert headers[-1] == "目标数"
    scroller = grid.locator(".dvn-scroller").first
    overflow = scroller.evaluate("e => e.scrollWidth - e.clientWidth")
    assert overflow <= 2, f"the table is {overflow} px wider than its frame"


def test_themes_cell_click_opens_its_items(page, app_url: str, sample_graph: Driver) -> None:  # type: ignore[no-untyped-def]
    """Issue 15 item 11: a click on a heatmap cell drills down to that region and theme."""
    visit(page, f"{app_url}/themes", "themes-before-click")
    switch_language(page, False)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    cell = chart.locator("g.mark-rect path[aria-label*='威海市'][aria-label*='教师队伍']").first
    cell.click()
    settle(page)
    boxes = page.locator('[data-testid="stSelectbox"] input')
    values = boxes.evaluate_all("els => els.map(e => e.value)")
    assert values[1:3] == ["威海市", "教师队伍"], values
    full_screenshot(page, "themes-after-click")


def test_ingest_shows_the_region_and_files_the_plan_where_chosen(
    page, app_url: str, driver: Driver, corpus_files: list[Path]
) -> None:  # type: ignore[no-untyped-def]
    """Issue 15 item 3 (UI): the region found is shown before loading and can be corrected."""
    plan = next(p for p in corpus_files if "阳城" in p.read_text(encoding="utf-8")[:400])
    visit(page, f"{app_url}/ingest", "ingest-region-before")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(plan))
    box = page.get_by_role("combobox", name=f"{plan.name} · 归入地区")
    box.wait_for(timeout=60_000)
    assert box.input_value() == "阳城县 · 晋城市 · 山西省"
    assert page.get_by_text("识别依据").count() == 1
    box.click()
    box.fill("高台县")
    page.get_by_role("option", name="高台县 · 张掖市 · 甘肃省").click()
    settle(page)
    assert page.get_by_text("已改为手动选择的地区").count() == 1
    full_screenshot(page, "ingest-region-chosen")
    page.get_by_role("button", name="导入", exact=True).click()
    page.get_by_text("图谱现有").wait_for(timeout=120_000)
    full_screenshot(page, "ingest-region-after")
    assert_no_error_box(page)
    records, _, _ = driver.execute_query(
        "MATCH (:Document)-[:FOR_REGION]->(r:Region) RETURN r.name AS name"
    )
    assert [r["name"] for r in records] == ["高台县"]
