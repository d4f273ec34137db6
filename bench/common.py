"""What both benchmarks share: their own local Neo4j (environment, start and stop), the README
block each one rewrites, and the one percentile definition, so that their figures compare."""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from graph import server
from graph.settings import REPO_ROOT, Settings, load_settings

README = REPO_ROOT / "README.md"
# The national run's limits on the analysis step (bench/run.py enforces them, bench/report.py
# states them).
DERIVE_BUDGET_S = 1200.0  # twice the end-to-end target: enough to tell "too slow" apart
DERIVE_MEMORY_CAP = 16 * 2**30  # address space of the analysis process (24 GB machine)


def server_env(name: str, *, port: str, heap: str, pagecache: str) -> dict[str, str]:
    """The settings of a benchmark's own local server: data in .data/neo4j-``name``, Bolt on
    ``port`` (or the PLANGRAPH_<NAME>_BOLT_PORT environment variable)."""
    return {
        "PLANGRAPH_DATA_DIR": str(REPO_ROOT / ".data" / f"neo4j-{name}"),
        "PLANGRAPH_BOLT_PORT": os.environ.get(
            f"PLANGRAPH_{name.upper().replace('-', '_')}_BOLT_PORT", port
        ),
        "PLANGRAPH_NEO4J_HEAP": heap,
        "PLANGRAPH_NEO4J_PAGECACHE": pagecache,
        # Empty values win over .env: always the benchmark's own local server and its password.
        "NEO4J_URI": "",
        "NEO4J_USER": "",
        "NEO4J_PASSWORD": "",
        "NEO4J_DATABASE": "",
    }


def app_env(settings: Settings) -> dict[str, str]:
    """The environment that points the app (which reads its settings from it) at a server."""
    return {"NEO4J_URI": settings.uri, "NEO4J_USER": settings.user,
            "NEO4J_PASSWORD": settings.password, "NEO4J_DATABASE": settings.database}  # fmt: skip


def settings_of(env: dict[str, str]) -> Settings:
    return load_settings(env={**os.environ, **env})


@contextmanager
def own_server(settings: Settings) -> Iterator[None]:
    """The benchmark's local server: started if needed, stopped at the end if started here."""
    started = not server.start(settings).already_running
    try:
        yield
    finally:
        if started:
            server.stop(settings)


def update_readme_block(readme: Path, block: str, section: str) -> None:
    """Replace what stands between <!-- ``block``:start --> and <!-- ``block``:end -->."""
    pattern = re.compile(rf"(<!-- {block}:start -->\n).*?(\n<!-- {block}:end -->)", re.S)
    text = readme.read_text(encoding="utf-8")
    updated, found = pattern.subn(lambda m: m.group(1) + section + m.group(2), text)
    if found != 1:
        raise SystemExit(f"{readme} has no <!-- {block}:start --> … <!-- {block}:end --> block")
    readme.write_text(updated, encoding="utf-8")


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile: the smallest value with at least ``pct`` % of them at or below it
    (0.0 when there are none)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[max(0, math.ceil(pct / 100 * len(ordered)) - 1)]


def timed(work: Callable[[], object]) -> float:
    """Seconds ``work`` takes."""
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def latencies(values_ms: Sequence[float]) -> dict[str, float]:
    """p50, p95 and the slowest of some timed runs, in milliseconds."""
    return {
        "p50_ms": round(percentile(values_ms, 50), 1),
        "p95_ms": round(percentile(values_ms, 95), 1),
        "max_ms": round(max(values_ms), 1),
        "runs": len(values_ms),
    }
