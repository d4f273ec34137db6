"""How long the province map takes in a real browser on the graph the last benchmark run left:
headless chromium opens ``/map`` (adopters, province level) on a freshly started app (the first
visitor, caches empty) and again (warm), and, for comparison, a page without a chart. Each time is
from navigation to the page's title and to the map's shapes. It prints figures; it asserts none.

    python -m bench.browser [--runs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from statistics import median

from playwright.sync_api import Browser, sync_playwright

from bench.common import app_env, own_server, settings_of
from bench.run import SERVER_ENV
from graph.settings import REPO_ROOT, Settings

MAP = "/map?measure=adopters&level=province"
PLAIN = "/queries"  # a page without a chart
SHAPES = '[data-testid="stVegaLiteChart"] svg path'
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # Debian's (scripts/_browser.sh)
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.browser", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="fresh app starts (default 3)")
    runs = parser.parse_args().runs
    settings = settings_of(SERVER_ENV)
    timings: dict[str, list[float]] = {}
    with own_server(settings), sync_playwright() as engine:
        browser = engine.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        for _ in range(runs):
            with running_app(settings) as url:
                for visit in ("first visit", "warm"):
                    for step, seconds in open_page(browser, url + MAP, SHAPES).items():
                        timings.setdefault(f"map, {visit}: {step}", []).append(seconds)
                plain = open_page(browser, url + PLAIN)["title"]
                timings.setdefault("page without a chart: title", []).append(plain)
        browser.close()
    print(f"{runs} fresh app starts, load average {os.getloadavg()[0]:.1f}")
    for name, values in timings.items():
        print(f"{name:<34} median {median(values):.2f} s, slowest {max(values):.2f} s")


def open_page(browser: Browser, url: str, shapes: str = "") -> dict[str, float]:
    """Seconds from navigation to the page's title and, given their selector, to its shapes."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("h1", timeout=60_000)
    seconds = {"title": time.perf_counter() - started}
    if shapes:
        page.locator(shapes).nth(20).wait_for(timeout=60_000)
        seconds["shapes"] = time.perf_counter() - started
    context.close()
    return seconds


@contextmanager
def running_app(settings: Settings) -> Iterator[str]:
    """``streamlit run app.py`` on a free port, pointed at the server of ``settings`` (the bench's
    here; the browser tests' Neo4j there)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    env = {**os.environ, **app_env(settings)}
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1"]  # fmt: skip
    app = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url)
        yield url
    finally:
        app.terminate()
        app.wait(timeout=30)


def wait_until_healthy(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise TimeoutError(f"the app at {url} did not start within {timeout:.0f} s")


if __name__ == "__main__":
    main()
