"""The concurrent-analysts load script in quick mode: no query fails, the report holds every
figure, the exit status follows the verdict, and the README is left alone."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.settings import REPO_ROOT

pytestmark = pytest.mark.neo4j  # starts the script's own server (port 7691)

README_BLOCK = re.compile(r"<!-- reliability:start -->.*?<!-- reliability:end -->", re.S)
FIGURES = ["seconds", "requests", "throughput", "p50_ms", "p95_ms"]


def reliability_block() -> str:
    found = README_BLOCK.search((REPO_ROOT / "README.md").read_text(encoding="utf-8"))
    return found.group(0) if found else ""


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str, int]:
    out = tmp_path_factory.mktemp("analysts") / "report.json"
    before = reliability_block()
    result = subprocess.run(
        [sys.executable, "-m", "bench.analysts", "--quick", "--json", str(out)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=480,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    assert reliability_block() == before
    return json.loads(Path(out).read_text(encoding="utf-8")), result.stdout, result.returncode


def test_no_query_fails(quick: tuple[dict[str, Any], str, int]) -> None:
    report, _, _ = quick
    assert report["errors"] == 0
    assert report["single"]["errors"] == report["concurrent"]["errors"] == 0


def test_the_hostile_console_analyst_hurts_nobody(quick: tuple[dict[str, Any], str, int]) -> None:
    """Issue 16: heavy and forbidden console queries during the concurrent run are refused or
    stopped, and the server still answers at the end."""
    hostile = quick[0]["hostile"]
    assert hostile["runs"] > 0 and hostile["server_up"] and not hostile["unexpected"]
    assert (
        "answered" not in hostile["outcomes"] or hostile["outcomes"]["answered"] < hostile["runs"]
    )


@pytest.mark.parametrize("phase", ["single", "concurrent"])
@pytest.mark.parametrize("figure", FIGURES)
def test_every_figure_is_measured(
    quick: tuple[dict[str, Any], str, int], phase: str, figure: str
) -> None:
    value = quick[0][phase][figure]
    assert isinstance(value, int | float) and value > 0


def test_the_runs_are_one_analyst_then_twenty(quick: tuple[dict[str, Any], str, int]) -> None:
    report, _, _ = quick
    assert (report["single"]["users"], report["concurrent"]["users"]) == (1, 20)
    saved = len(list((REPO_ROOT / "queries").glob("*.cypher")))
    assert report["queries"] == saved and report["parameter_sets"] > report["queries"]
    for phase in ("single", "concurrent"):
        assert report[phase]["p50_ms"] <= report[phase]["p95_ms"]
    assert "stress" not in report  # quick mode skips it


def test_the_verdict_and_exit_status_follow_the_p95_ratio(
    quick: tuple[dict[str, Any], str, int],
) -> None:
    report, _, returncode = quick
    ratio = report["concurrent"]["p95_ms"] / report["single"]["p95_ms"]
    assert report["p95_ratio"] == pytest.approx(ratio, abs=0.01)
    assert report["passed"] == (ratio <= 3 and report["errors"] == 0)
    assert returncode == (0 if report["passed"] else 1)


def test_the_markdown_table_shows_the_figures(quick: tuple[dict[str, Any], str, int]) -> None:
    report, stdout, _ = quick
    assert "| | 1 analyst (baseline) | 20 analysts |" in stdout
    p95 = f"| p95 latency (ms) | {report['single']['p95_ms']} | {report['concurrent']['p95_ms']} |"
    assert p95 in stdout
    assert f"**{report['p95_ratio']}×**" in stdout
