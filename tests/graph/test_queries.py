"""Every saved query: valid metadata, runs on the loaded samples, answers what an analyst knows."""

from __future__ import annotations

import subprocess
import sys

import pytest
from neo4j import Driver

from graph.errors import ConfigError, GraphError
from graph.queries import (
    coerce_params,
    format_result,
    get_query,
    list_queries,
    readme_section,
    run_query,
)
from graph.settings import REPO_ROOT, Settings

NAMES = [q.name for q in list_queries()]
REQUIRED = {
    "region_profile", "adopters", "shared_projects", "compare_regions", "similar_measures",
    "responsibility_chain", "institution_duties", "unassigned_commitments", "metric_targets",
    "top_policies", "themes_by_region", "region_over_years", "provenance",
}  # fmt: skip


def test_every_required_query_is_saved() -> None:
    assert set(NAMES) >= REQUIRED


@pytest.mark.parametrize("name", NAMES)
def test_metadata_is_complete(name: str) -> None:
    query = get_query(name)
    assert query.title and query.title_en and query.description and query.columns
    assert all(p.description and p.default is not None for p in query.parameters)


@pytest.mark.parametrize("name", NAMES)
def test_query_runs_with_its_defaults_and_returns_its_columns(
    sample_graph: Driver, database: str, name: str
) -> None:
    query = get_query(name)
    result = run_query(sample_graph, query, coerce_params(query, {}), database=database)
    assert result.columns == list(query.columns)
    for fmt in ("table", "csv", "json"):
        assert format_result(result, fmt)


def run(driver: Driver, database: str, query_name: str, /, **params: str) -> list[dict]:
    query = get_query(query_name)
    return run_query(driver, query, coerce_params(query, params), database=database).rows


def test_region_profile_lists_yangcheng_goals(sample_graph: Driver, database: str) -> None:
    rows = run(sample_graph, database, "region_profile", region="阳城县")
    assert len([r for r in rows if r["kind"] == "goal"]) == 21
    assert {"measure", "target", "project", "policy", "institution"} <= {r["kind"] for r in rows}


def test_shuangjian_is_adopted_by_all_five_regions(sample_graph: Driver, database: str) -> None:
    rows = run(sample_graph, database, "adopters", name="双减")
    assert {r["adcode"] for r in rows if r["initiative"] == "双减"} == {
        "140522", "522725", "620724", "141100", "371000"
    }  # fmt: skip
    assert all(r["evidence"] for r in rows)


def test_provenance_spans_hold_the_name(sample_graph: Driver, database: str) -> None:
    rows = run(sample_graph, database, "provenance", id="县管校聘")
    assert rows and all("县管校聘" in r["evidence"] for r in rows)


def test_issuers_answer_for_plans_without_annotations(sample_graph: Driver, database: str) -> None:
    assert run(sample_graph, database, "unassigned_commitments", region="阳城县") == []
    duties = run(sample_graph, database, "institution_duties", name="阳城县教育局")
    assert len(duties) == 21 and {d["role"] for d in duties} == {"lead"}


def test_compare_regions_splits_shared_and_unique(sample_graph: Driver, database: str) -> None:
    rows = run(sample_graph, database, "compare_regions", a="阳城县", b="高台县")
    shared = {r["item"] for r in rows if r["part"] == "shared"}
    assert {"双减", "县管校聘", "家庭教育促进法"} <= shared
    assert {r["part"] for r in rows} >= {"shared", "only_a", "only_b"}


# Goals and measures per theme of the plans of some regions, counted straight from ABOUT.
ABOUT_COUNTS = """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document) WHERE r.id IN $regions
MATCH (i:Goal|Measure {doc: d.id})-[:ABOUT]->(t:Theme)
RETURN t.label AS theme, count(DISTINCT i) AS items
"""
SHANXI = {"140500": ["140522"], "141100": ["141100"]}  # 晋城市 through 阳城县; 吕梁市's own plan


def about_counts(driver: Driver, database: str, regions: list[str]) -> dict[str, int]:
    records, _, _ = driver.execute_query(ABOUT_COUNTS, {"regions": regions}, database_=database)
    return {r["theme"]: r["items"] for r in records}


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        ("", {"140000": ["140522", "141100"], "370000": ["371000"], "520000": ["522725"],
              "620000": ["620724"]}),
        ("山西省", SHANXI),
        ("140000", SHANXI),
        ("晋城市", {"140522": ["140522"]}),  # a prefecture without a plan: its counties
        ("吕梁市", {"141100": ["141100"]}),  # a prefecture with a plan: itself
        ("阳城县", {"140522": ["140522"]}),  # a county: itself
        ("不存在", {}),
    ],
)  # fmt: skip
def test_themes_by_region_sums_each_subtree(
    sample_graph: Driver, database: str, within: str, expected: dict[str, list[str]]
) -> None:
    rows = run(sample_graph, database, "themes_by_region", within=within)
    found: dict[str, dict[str, int]] = {}
    for row in rows:
        found.setdefault(row["adcode"], {})[row["theme"]] = row["items"]
    assert found == {
        region: about_counts(sample_graph, database, plans) for region, plans in expected.items()
    }
    assert all(row["theme_en"] and row["region"] for row in rows)


def test_provinces_count_what_their_regions_count(sample_graph: Driver, database: str) -> None:
    provinces = run(sample_graph, database, "themes_by_region", within="")
    for province in ("山西省", "山东省", "贵州省", "甘肃省"):
        below = run(sample_graph, database, "themes_by_region", within=province)
        totals: dict[str, int] = {}
        for row in below:
            totals[row["theme"]] = totals.get(row["theme"], 0) + row["items"]
        assert totals == {r["theme"]: r["items"] for r in provinces if r["region"] == province}


def test_writes_are_refused_even_in_a_saved_query(sample_graph: Driver, database: str) -> None:
    from dataclasses import replace

    hostile = replace(get_query("top_policies"), cypher="MATCH (n) DETACH DELETE n RETURN 1")
    with pytest.raises(GraphError, match="read access mode"):
        run_query(sample_graph, hostile, {"limit": 1}, database=database)


def test_row_cap_truncates(sample_graph: Driver, database: str) -> None:
    query = get_query("region_profile")
    result = run_query(sample_graph, query, coerce_params(query, {}), database=database, row_cap=5)
    assert len(result.rows) == 5 and result.truncated


def test_unknown_query_and_parameter_get_clear_errors() -> None:
    with pytest.raises(ConfigError, match="no saved query"):
        get_query("nope")
    with pytest.raises(GraphError, match="has no parameter"):
        coerce_params(get_query("adopters"), {"nam": "双减"})
    with pytest.raises(GraphError, match="must be integer"):
        coerce_params(get_query("shared_projects"), {"min_regions": "many"})


def test_readme_lists_every_saved_query() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_section() in readme


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_runs_a_saved_query(sample_graph: Driver, neo4j_settings: Settings, fmt: str) -> None:
    import os

    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
    }
    result = subprocess.run(
        [sys.executable, "-m", "graph", "query", "top_policies", "-p", "limit=3", "--format", fmt],
        capture_output=True, text=True, env=env, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "家庭教育促进法" in result.stdout
