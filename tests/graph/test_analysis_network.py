"""The region network: communities, centrality and roles, without a database."""

from __future__ import annotations

import json

import pytest

from graph.analysis.network import analyse_network, format_network

NODES = [
    {"id": "140522", "name": "阳城县", "level": "county"},
    {"id": "141100", "name": "吕梁市", "level": "prefecture"},
    {"id": "371000", "name": "威海市", "level": "prefecture"},
    {"id": "522725", "name": "瓮安县", "level": "county"},
    {"id": "620724", "name": "高台县", "level": "county"},
    {"id": "620725", "name": "山丹县", "level": "county"},
]
# Two triangles joined by one weak edge; 山丹县 has no similar region.
EDGES = [
    {"a": "140522", "b": "141100", "score": 0.5},
    {"a": "140522", "b": "371000", "score": 0.5},
    {"a": "141100", "b": "371000", "score": 0.5},
    {"a": "522725", "b": "620724", "score": 0.4},
    {"a": "371000", "b": "522725", "score": 0.05},
]


@pytest.fixture
def report():  # type: ignore[no-untyped-def]
    return analyse_network(NODES, EDGES)


def by_adcode(report) -> dict:  # type: ignore[no-untyped-def]
    return {row.adcode: row for row in report.rows}


def test_communities_follow_the_dense_groups(report) -> None:  # type: ignore[no-untyped-def]
    rows = by_adcode(report)
    assert rows["140522"].community == rows["141100"].community == rows["371000"].community == 1
    assert rows["522725"].community == rows["620724"].community == 2
    assert report.communities == 3 and report.modularity > 0.2


def test_the_most_central_region_is_typical(report) -> None:  # type: ignore[no-untyped-def]
    assert report.rows[0].adcode == "371000" and report.rows[0].role == "typical"
    assert report.rows[0].strength == pytest.approx(1.05)


def test_an_isolated_region_is_an_outlier(report) -> None:  # type: ignore[no-untyped-def]
    isolated = by_adcode(report)["620725"]
    assert isolated.role == "outlier" and isolated.degree == 0 and isolated.eigenvector == 0


def test_the_same_graph_gives_the_same_report() -> None:
    assert analyse_network(NODES, EDGES) == analyse_network(NODES, list(reversed(EDGES)))


def test_an_empty_network_is_an_empty_report() -> None:
    empty = analyse_network([], [])
    assert empty.rows == () and empty.communities == 0


def test_table_lists_every_region(report) -> None:  # type: ignore[no-untyped-def]
    table = format_network(report)
    assert table.splitlines()[0].split() == [
        "adcode",
        "name",
        "community",
        "degree",
        "strength",
        "eigenvector",
        "role",
    ]
    assert all(node["name"] in table for node in NODES)
    assert "6 regions, 5 SIMILAR_TO edges, 3 communities" in table


def test_csv_and_json_carry_the_same_rows(report) -> None:  # type: ignore[no-untyped-def]
    csv_lines = format_network(report, fmt="csv").splitlines()
    payload = json.loads(format_network(report, fmt="json"))
    assert len(csv_lines) == 1 + len(NODES) == 1 + len(payload["regions"])
    assert payload["regions"][0]["adcode"] == "371000"
