"""Full-text search (graph/search.py, queries/search.cypher) against the real Neo4j."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from neo4j import Driver

from graph.errors import GraphError
from graph.neo4j_writer import apply_schema
from graph.search import highlight, search, sentence_around, words_of
from graph.settings import REPO_ROOT, Settings

CONTAINS = """
MATCH (n:Goal|Measure|Target)
WHERE coalesce(n.title, '') + ' ' + coalesce(n.text, '') CONTAINS $word
RETURN n.id AS id
"""


# Words the index serves whole (Han words), in part (a Latin letter inside a longer term, digits
# split by a point, a word that ends a term on one side, Han and Latin together) or not at all
# (punctuation only): every item a CONTAINS query finds is a hit, matched literally.
@pytest.mark.parametrize(
    "word", ["课后服务", "双减", "1+X", "减", "证书", "X", "Q", "1.1", "+X", "X”证书", "%", "（"]
)
def test_search_finds_every_item_a_contains_query_finds(
    sample_graph: Driver, database: str, word: str
) -> None:
    records, _, _ = sample_graph.execute_query(CONTAINS, {"word": word}, database_=database)
    expected = {r["id"] for r in records}
    assert expected, f"the samples hold {word}"
    hits = search(sample_graph, word, database=database, limit=5000).hits
    assert expected <= {h.id for h in hits if h.kind != "text"}
    assert all(h.exact for h in hits if h.id in expected)


@pytest.mark.parametrize("word", ["课后服务", "双减", "1+X"])
def test_every_literal_hit_is_highlighted_in_its_sentence(
    sample_graph: Driver, database: str, word: str
) -> None:
    result = search(sample_graph, word, database=database)
    assert result.hits and not result.truncated
    for hit in result.hits:
        if hit.exact:
            assert (word, True) in hit.snippet or any(m for p, m in hit.snippet if p == word)
            assert word in hit.sentence and len(hit.sentence) <= 2 * 80 + len(word) + 1


def test_literal_hits_come_first(sample_graph: Driver, database: str) -> None:
    exact = [h.exact for h in search(sample_graph, "1+X", database=database).hits]
    assert exact == sorted(exact, reverse=True)


def test_every_word_must_occur(sample_graph: Driver, database: str) -> None:
    both = search(sample_graph, "课后服务 双减", database=database, kinds=["goal", "measure"])
    assert both.hits
    for hit in both.hits:
        records, _, _ = sample_graph.execute_query(
            "MATCH (n {id: $id}) RETURN coalesce(n.title, '') + coalesce(n.text, '') AS t",
            {"id": hit.id}, database_=database,
        )  # fmt: skip
        assert "课后服务" in records[0]["t"] and "双减" in records[0]["t"]


def test_region_filter_takes_the_subtree(sample_graph: Driver, database: str) -> None:
    everywhere = search(sample_graph, "双减", database=database)
    shanxi = search(sample_graph, "双减", database=database, region="山西省")
    assert {h.region for h in shanxi.hits} == {"阳城县", "吕梁市"}
    assert {h.region for h in everywhere.hits} > {"阳城县", "吕梁市"}
    by_code = search(sample_graph, "双减", database=database, region="140000")
    assert [h.id for h in by_code.hits] == [h.id for h in shanxi.hits]


def test_year_and_kind_filters(sample_graph: Driver, database: str) -> None:
    hits = search(sample_graph, "双减", database=database, year=2023, kinds=["measure"]).hits
    assert hits and {(h.region, h.year, h.kind) for h in hits} == {("高台县", 2023, "measure")}


def test_theme_filter_keeps_items_about_the_theme(sample_graph: Driver, database: str) -> None:
    hits = search(sample_graph, "教师", database=database, theme="teachers").hits
    assert hits and len(hits) < len(search(sample_graph, "教师", database=database).hits)
    for hit in hits:
        item = hit.id if hit.kind != "target" else None
        if item:
            records, _, _ = sample_graph.execute_query(
                "MATCH ({id: $id})-[:ABOUT]->(:Theme)-[:BROADER*0..]->(:Theme {id: 'teachers'}) "
                "RETURN count(*) AS n", {"id": item}, database_=database,
            )  # fmt: skip
            assert records[0]["n"] > 0


def test_plan_text_hits_lie_outside_every_goal(sample_graph: Driver, database: str) -> None:
    hits = search(sample_graph, "教育局", database=database, kinds=["text"]).hits
    assert hits
    for hit in hits:
        records, _, _ = sample_graph.execute_query(
            "MATCH (d:Document {id: $doc}) "
            "RETURN substring(d.text, $at, 3) AS word, "
            "COUNT { (g:Goal {doc: $doc}) WHERE g.start <= $at < g.end } AS inside",
            {"doc": hit.doc, "at": hit.start}, database_=database,
        )  # fmt: skip
        assert records[0]["word"] == "教育局" and records[0]["inside"] == 0


def test_responsible_filter_tells_named_units_from_issuers(
    small_graph: Driver, database: str
) -> None:
    named = search(small_graph, "幼儿园", database=database, responsible="named").hits
    assert {h.kind for h in named} == {"measure", "target"}
    assert all(h.units == ("基础教育股",) for h in named)
    goal = search(small_graph, "双减", database=database, kinds=["goal"], responsible="none")
    assert len(goal.hits) == 2 and all(h.units == () for h in goal.hits)  # the issuer only


@pytest.mark.parametrize("text", ['"', "\\", "AND", '双减" OR "', "(", "*", "title:x", "   "])
def test_lucene_syntax_in_the_box_is_just_text(
    sample_graph: Driver, database: str, text: str
) -> None:
    search(sample_graph, text, database=database)  # no error; hits only where the text occurs


def test_helpers() -> None:
    assert words_of(" 课后服务\u3000双减 ") == ("课后服务", "双减")
    assert highlight("推进1+x证书", ["1+X"]) == (("推进", False), ("1+x", True), ("证书", False))
    text = "第一句。落实双减政策，做好课后服务。第三句。"
    assert sentence_around(text, 6, 8) == "落实双减政策，做好课后服务。"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_search(sample_graph: Driver, neo4j_settings: Settings, fmt: str) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
    }
    command = [sys.executable, "-m", "graph", "search", "1+X", "--region", "阳城县",
               "--year", "2022", "--format", fmt]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, env=env, cwd=REPO_ROOT,
                            check=False)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "1+X" in result.stdout and "高台县" not in result.stdout
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert rows and all(r["region"] == "阳城县" for r in rows)
        first = rows[0]
        assert all(first["sentence"][a:b] == "1+X" for a, b in first["marks"])


def test_a_graph_without_the_index_gets_a_hint(small_graph: Driver, database: str) -> None:
    small_graph.execute_query("DROP INDEX plan_text", database_=database)
    try:
        with pytest.raises(GraphError, match="python -m graph schema apply"):
            search(small_graph, "双减", database=database)
    finally:
        apply_schema(small_graph, database=database)
        small_graph.execute_query("CALL db.awaitIndexes(120)", database_=database)
    assert search(small_graph, "双减", database=database).hits
