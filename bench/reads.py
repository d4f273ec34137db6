"""What an analyst waits for on the benchmark graph besides the saved queries: a search by word
(graph.search, as the search page and ``python -m graph search`` run it: the first 200 hits with
their sentences) and the map page at province level (its reads, the shapes and the Vega-Lite
spec it sends, run by Streamlit's AppTest: no browser), once with empty caches and once warm."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from typing import Any

from neo4j import Driver

from bench.common import app_env, latencies, percentile, timed
from graph.search import search
from graph.settings import REPO_ROOT, Settings

SEARCH_WORDS = ("课后服务", "双减", "1+X", "教师", "县")
SEARCH_TARGET_WORDS = SEARCH_WORDS[:3]  # those the search must answer within SEARCH_TARGET_MS
SEARCH_TARGET_MS = 300.0
MAP_TARGET_S = 2.0
MAP_PAGE = "app_pages/map.py"
MAP_PARAMS = {"measure": "adopters", "level": "province"}


def measure_reads(driver: Driver, settings: Settings, runs: int) -> dict[str, Any]:
    return {
        "search_words": time_search_words(driver, settings.database, runs),
        "province_map": time_province_map(settings, max(3, runs // 4)),
    }


def time_search_words(driver: Driver, database: str, runs: int) -> dict[str, dict[str, float]]:
    """p50 and p95 of a search for each of SEARCH_WORDS, no filter, after one warm-up."""
    timings = {}
    for word in SEARCH_WORDS:
        once = partial(search, driver, word, database=database)
        once()
        timings[word] = latencies([1000 * timed(once) for _ in range(runs)])
    return timings


def time_province_map(settings: Settings, runs: int) -> dict[str, Any]:
    """The map page at province level (adopters of the first initiative): its script run with
    the data caches emptied (what the first visitor waits for) and again at once (warm)."""
    from streamlit.testing.v1 import AppTest  # Streamlit only for this measure

    cold, warm, shapes, spec_kb = [], [], 0, 0.0
    with app_settings(settings):
        for _ in range(runs):
            app = AppTest.from_file(str(REPO_ROOT / "app.py"), default_timeout=300)
            for key, value in MAP_PARAMS.items():
                app.query_params[key] = value
            app.run()  # the app's first page, as a visitor arrives
            app.switch_page(MAP_PAGE)
            clear_caches()
            cold.append(timed(app.run))
            warm.append(timed(app.run))
            if app.exception:
                raise SystemExit(f"the map page failed: {app.exception}")
            spec = app.get("vega_lite_chart")[0].proto.spec
            shapes, spec_kb = spec.count('"Feature"'), len(spec.encode()) / 1024
    return {"cold": seconds(cold), "warm": seconds(warm), "shapes": shapes,
            "spec_kb": round(spec_kb), "runs": runs}  # fmt: skip


@contextmanager
def app_settings(settings: Settings) -> Iterator[None]:
    """The app (which reads its settings from the environment) pointed at the bench's server."""
    wanted = app_env(settings)
    saved = {key: os.environ.get(key) for key in wanted}
    os.environ.update(wanted)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()


def seconds(latencies_s: Sequence[float]) -> dict[str, float]:
    return {"p50_s": round(percentile(latencies_s, 50), 2),
            "p95_s": round(percentile(latencies_s, 95), 2)}  # fmt: skip
