"""The benchmark command in quick mode: every figure it promises, with sensible values, and the
committed results and the README left alone."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import reduce
from pathlib import Path
from typing import Any

import pytest

from bench.reads import SEARCH_WORDS
from graph.queries import list_queries
from graph.settings import REPO_ROOT

pytestmark = pytest.mark.neo4j  # starts the quick bench's own server (port 7692)

POSITIVE = [
    "corpus.documents",
    "corpus.chars",
    "extract.chars_per_s_one_process",
    "extract.chars_per_s_all_cores",
    "extract.docs_per_s_one_process",
    "extract.docs_per_s_all_cores",
    "load.rows_per_s_batched",
    "load.rows_per_s_naive",
    "similarity_vs_bruteforce.ratio",
    "end_to_end_seconds",
    "python_peak_mb",
    "neo4j_store_mb",
]
UNTOUCHED = [REPO_ROOT / "README.md", REPO_ROOT / "bench" / "results.json"]


def lookup(results: dict[str, Any], key: str) -> Any:
    return reduce(lambda value, part: value[part], key.split("."), results)


def contents(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    out = tmp_path_factory.mktemp("bench") / "results.json"
    before = [contents(path) for path in UNTOUCHED]
    subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--out", str(out)],
        cwd=REPO_ROOT,
        check=True,
        timeout=300,
    )
    assert [contents(path) for path in UNTOUCHED] == before
    return json.loads(out.read_text(encoding="utf-8")), out


@pytest.fixture
def results(quick: tuple[dict[str, Any], Path]) -> dict[str, Any]:
    return quick[0]


@pytest.mark.parametrize("key", POSITIVE)
def test_figure_is_positive(results: dict[str, Any], key: str) -> None:
    value = lookup(results, key)
    assert isinstance(value, int | float) and value > 0


def test_quick_corpus_has_about_a_hundred_plans(results: dict[str, Any]) -> None:
    assert 50 <= results["corpus"]["documents"] <= 150


def test_batched_writer_beats_one_query_per_row(results: dict[str, Any]) -> None:
    assert results["load"]["ratio"] > 1
    assert results["load"]["subset"]["same_graph"]


def test_lsh_beats_brute_force_and_finds_its_pairs(results: dict[str, Any]) -> None:
    assert results["similarity_vs_bruteforce"]["ratio"] > 1
    assert results["similarity_vs_bruteforce"]["recall"] >= 0.9


def test_similarity_is_measured_at_growing_sizes(results: dict[str, Any]) -> None:
    sizes = [entry["documents"] for entry in results["similarity"]]
    assert len(sizes) >= 2 and sizes == sorted(set(sizes))
    assert sizes[-1] == results["corpus"]["documents"]
    for entry in results["similarity"]:
        assert entry["finished"] and entry["seconds"] > 0 and entry["peak_mb"] >= 0


@pytest.mark.parametrize("name", [query.name for query in list_queries()])
def test_every_saved_query_is_timed_at_every_size(results: dict[str, Any], name: str) -> None:
    timings = results["queries"][name]
    assert set(timings) == {str(size["documents"]) for size in results["sizes"]}
    for timing in timings.values():
        assert 0 < timing["p50_ms"] <= timing["p95_ms"]


def test_end_to_end_adds_up_the_stages(results: dict[str, Any]) -> None:
    national = results["sizes"][-1]
    stages = results["extract"]["all_cores_seconds"]
    stages += national["load_seconds"] + national["derive_seconds"]
    assert results["end_to_end_seconds"] == pytest.approx(stages, abs=0.2)


def test_the_analysis_finishes_at_every_size(results: dict[str, Any]) -> None:
    assert all(size["derive_outcome"] == "finished" for size in results["sizes"])


def test_every_target_is_judged(results: dict[str, Any]) -> None:
    assert len(results["targets"]) == 7
    assert all(isinstance(target["met"], bool) for target in results["targets"])


def test_search_by_word_and_the_province_map_are_timed(results: dict[str, Any]) -> None:
    assert set(results["search_words"]) == set(SEARCH_WORDS)
    assert all(0 < t["p50_ms"] <= t["p95_ms"] for t in results["search_words"].values())
    found = results["province_map"]
    assert found["shapes"] > 0 and found["spec_kb"] > 0
    assert 0 < found["warm"]["p50_s"] <= found["warm"]["p95_s"]
    assert 0 < found["cold"]["p50_s"] <= found["cold"]["p95_s"]


def test_existing_times_search_and_the_map_again_on_the_graph_left(
    quick: tuple[dict[str, Any], Path],
) -> None:
    again = quick[1].with_name("again.json")
    again.write_bytes(quick[1].read_bytes())
    before = [contents(path) for path in UNTOUCHED]
    subprocess.run(
        [sys.executable, "-m", "bench.run", "--quick", "--existing", "--out", str(again)],
        cwd=REPO_ROOT,
        check=True,
        timeout=300,
    )
    assert [contents(path) for path in UNTOUCHED] == before
    results = json.loads(again.read_text(encoding="utf-8"))
    assert results["remeasured"]["what"] == ["search", "search_words", "province_map"]
    assert results["sizes"] == quick[0]["sizes"]  # nothing loaded again
    assert "timed again" in again.with_suffix(".md").read_text(encoding="utf-8")


def test_markdown_table_is_written_beside_the_results(quick: tuple[dict[str, Any], Path]) -> None:
    table = quick[1].with_suffix(".md").read_text(encoding="utf-8")
    assert "| saved query |" in table and "| target |" in table
