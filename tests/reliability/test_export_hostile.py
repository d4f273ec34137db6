"""Issue 16 items 4 and 14 (GraphML), issue 15 item 1: exports of hostile text and of a graph
after a real load with analysis.

- The `cypher` export escapes every control and line-separator character, and the replay splits
  on statements, so a plan holding U+001E + Cypher cannot run its own statement.
- GraphML stays well-formed XML with U+0001/U+0008/U+001B in names.
- No property name collides with an attribute a writer adds (label, labels, type, id, key,
  source, target), in every format.
"""

from __future__ import annotations

import io
import json
import xml.dom.minidom
from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver
from rdflib import Graph

from graph.analysis import derive
from graph.build import build_batch
from graph.export import Selection, export_bytes, format_names, select_subgraph, whole_graph
from graph.export.csv_import import read_csv_export
from graph.export.cypher_script import literal, replay_cypher_script, split_statements
from graph.export.subgraph import ExportNode, ExportRel, Subgraph
from graph.neo4j_writer import write_document
from ingest.pipeline import extract_file

INPUTS = Path(__file__).with_name("inputs")
INJECTIONS = ["cypher_replay_injection.txt", "cypher_linebreak_injection.txt"]
COLLIDING = ("label", "labels", "type", "id", "key", "source", "target")
LINE_BREAKERS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def load(driver: Driver, database: str, *names: str) -> None:
    for name in names:
        write_document(driver, build_batch(extract_file(INPUTS / name)), database=database)
    derive(driver, database=database)


def count(driver: Driver, database: str, statement: str) -> int:
    records, _, _ = driver.execute_query(statement, database_=database)
    return int(records[0]["n"])


def test_literals_escape_every_line_breaking_and_control_character() -> None:
    text = "a" + LINE_BREAKERS + "\x00\x01\x1b\u200b" + "b"
    written = literal(text)
    assert written.splitlines() == [written]
    assert all(ch not in written for ch in LINE_BREAKERS + "\x00\x01\x1b\u200b")


def test_statements_split_outside_strings_and_comments() -> None:
    script = (
        "// a comment; with a semicolon\nCREATE (:A {t: 'x;\\'y'});\nCREATE (:B {t: \"z;\"});\n"
    )
    assert split_statements(script) == ["CREATE (:A {t: 'x;\\'y'})", 'CREATE (:B {t: "z;"})']


@pytest.mark.parametrize("name", INJECTIONS)
def test_an_injected_statement_in_plan_text_is_not_run_on_replay(
    driver: Driver, database: str, name: str
) -> None:
    load(driver, database, name)
    exported = whole_graph(driver, database=database)
    script = export_bytes(exported, "cypher").decode("utf-8")
    nodes = count(driver, database, "MATCH (n) RETURN count(n) AS n")
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    replay_cypher_script(driver, script, database=database)
    assert count(driver, database, "MATCH (n:Injected) RETURN count(n) AS n") == 0
    assert count(driver, database, "MATCH (n) RETURN count(n) AS n") == nodes
    texts, _, _ = driver.execute_query(
        "MATCH (n) WHERE any(k IN keys(n) WHERE n[k] IS :: STRING"
        " AND n[k] CONTAINS 'DETACH DELETE') RETURN count(n) AS n",
        database_=database,
    )
    assert texts[0]["n"] >= 1, "the hostile text itself survives as text"


def test_graphml_of_control_characters_is_well_formed(driver: Driver, database: str) -> None:
    load(driver, database, "export_hostile.txt")
    data = export_bytes(whole_graph(driver, database=database), "graphml")
    xml.dom.minidom.parseString(data)  # raises on a character XML 1.0 cannot hold
    nx.read_graphml(io.BytesIO(data))


def colliding_subgraph() -> Subgraph:
    props = {name: f"{name}-value" for name in COLLIDING}
    node = ExportNode("Theme", "theme-x", {**props, "id": "theme-x"})
    other = ExportNode("Document", "doc-x", {"id": "doc-x", "title": "标题"})
    rel = ExportRel("FOCUSES_ON", other, node, {name: f"{name}-rel" for name in COLLIDING})
    return Subgraph.of([node, other], [rel])


@pytest.mark.parametrize("fmt", format_names())
def test_properties_named_like_writer_attributes_survive_every_format(fmt: str) -> None:
    subgraph = colliding_subgraph()
    data = export_bytes(subgraph, fmt)
    text = data.decode("utf-8", errors="replace")
    if fmt == "graphml":
        graph = nx.read_graphml(io.BytesIO(data))
        attrs = graph.nodes["Theme:theme-x"]
        assert attrs["labels"] == "Theme"
        assert attrs["prop_label"] == "label-value" and attrs["prop_labels"] == "labels-value"
        assert attrs["type"] == "type-value" and attrs["source"] == "source-value"
        edge = next(iter(graph.edges(data=True)))[2]
        assert edge["type"] == "FOCUSES_ON" and edge["prop_type"] == "type-rel"
        assert edge["prop_key"] == "key-rel" and edge["target"] == "target-rel"
    elif fmt == "json":
        node = next(n for n in json.loads(data)["nodes"] if n["label"] == "Theme")
        assert all(node["properties"][k] == f"{k}-value" for k in COLLIDING if k != "id")
    elif fmt in ("ttl", "jsonld"):
        Graph().parse(data=text, format="turtle" if fmt == "ttl" else "json-ld")
        assert "label-value" in text and "target-value" in text
    elif fmt == "cypher":
        assert "label: 'label-value'" in text and "type: 'type-rel'" in text


def test_csv_keeps_colliding_property_names(tmp_path: Path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(export_bytes(colliding_subgraph(), "csv"))
    back = read_csv_export(path)
    theme = next(n for n in back.nodes if n.label == "Theme")
    assert all(theme.props[k] == f"{k}-value" for k in COLLIDING if k != "id")


@pytest.mark.parametrize("fmt", format_names())
def test_every_format_exports_a_region_after_a_real_load_with_analysis(
    sample_graph: Driver, database: str, fmt: str
) -> None:
    selection = Selection(regions=("阳城县",), hops=2, provenance=True)
    subgraph = select_subgraph(sample_graph, selection, database=database)
    assert any(n.label == "Theme" for n in subgraph.nodes), "the analysis made themes"
    assert export_bytes(subgraph, fmt)
