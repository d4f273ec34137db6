"""Exports: every format round-trips, is deterministic, and matches its golden file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from neo4j import Driver
from pyshacl import validate
from rdflib import Graph
from rdflib.compare import isomorphic

from graph.export import Selection, export_bytes, format_names, select_subgraph, whole_graph
from graph.export.csv_import import load_csv_export, read_csv_export
from graph.export.cypher_script import replay_cypher_script
from graph.export.graphml import scalar
from graph.export.subgraph import Subgraph
from graph.settings import REPO_ROOT

GOLDEN = REPO_ROOT / "tests" / "golden" / "export"
SHAPES = REPO_ROOT / "graph" / "export" / "shapes.ttl"
REGEN = os.environ.get("PLANGRAPH_REGEN_GOLDEN") == "1"
SUFFIX = {
    "graphml": "graphml",
    "ttl": "ttl",
    "jsonld": "jsonld",
    "json": "json",
    "csv": "zip",
    "cypher": "cypher",
}


def yangcheng(driver: Driver, database: str, *, provenance: bool = True) -> Subgraph:
    selection = Selection(regions=("阳城县",), hops=2, provenance=provenance)
    return select_subgraph(driver, selection, database=database)


def dump(subgraph: Subgraph) -> tuple[list, list]:
    """A canonical, comparable form of a subgraph."""
    nodes = [(n.key, sorted(n.props.items())) for n in subgraph.nodes]
    rels = [r.key for r in subgraph.rels]
    return nodes, rels


def test_selection_expands_hop_by_hop(small_graph: Driver, database: str) -> None:
    one = select_subgraph(small_graph, Selection(regions=("阳城县",), hops=1), database=database)
    two = yangcheng(small_graph, database)
    assert {n.label for n in one.nodes} == {"Region", "Document", "Institution"}
    assert {"Goal", "Section", "Policy"} <= {n.label for n in two.nodes}
    assert "Region:140521" in {n.key for n in two.nodes}  # via the shared prefecture
    assert "Document:d2" not in {n.key for n in two.nodes}  # three hops away


def test_without_provenance_text_and_spans_are_left_out(small_graph: Driver, database: str) -> None:
    subgraph = yangcheng(small_graph, database, provenance=False)
    document = subgraph.node("Document:d1")
    assert "text" not in document.props and "sources" not in document.props
    assert all("starts" not in r.props for r in subgraph.rels)
    assert subgraph.node("Goal:d1#g1").props["text"] == "落实“双减”。"


def test_an_empty_selection_is_an_error(small_graph: Driver, database: str) -> None:
    from graph.errors import GraphError

    with pytest.raises(GraphError, match="matches nothing"):
        select_subgraph(small_graph, Selection(regions=("不存在县",)), database=database)


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_second_export_is_byte_identical(small_graph: Driver, database: str, fmt: str) -> None:
    subgraph = yangcheng(small_graph, database)
    again = yangcheng(small_graph, database)
    assert export_bytes(subgraph, fmt) == export_bytes(again, fmt)


@pytest.mark.parametrize("fmt", ["ttl", "jsonld", "json", "graphml"])
def test_output_does_not_depend_on_hash_seed(
    small_graph: Driver, database: str, fmt: str, tmp_path: Path
) -> None:
    source = tmp_path / "subgraph.json"
    subgraph = yangcheng(small_graph, database)
    source.write_text(json.dumps(_serialisable(subgraph), ensure_ascii=False), encoding="utf-8")
    outputs = {_export_in_subprocess(source, fmt, seed) for seed in ("1", "2")} | {
        export_bytes(subgraph, fmt)
    }
    assert len(outputs) == 1


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_golden_files(small_graph: Driver, database: str, fmt: str) -> None:
    path = GOLDEN / f"yangcheng_hops2.{SUFFIX[fmt]}"
    data = export_bytes(yangcheng(small_graph, database), fmt)
    if REGEN:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    assert path.read_bytes() == data, "regenerate with PLANGRAPH_REGEN_GOLDEN=1 if intended"


def test_cypher_script_replays_to_the_same_graph(small_graph: Driver, database: str) -> None:
    subgraph = yangcheng(small_graph, database)
    script = export_bytes(subgraph, "cypher").decode("utf-8")
    small_graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    replay_cypher_script(small_graph, script, database=database)
    assert dump(whole_graph(small_graph, database=database)) == dump(subgraph)


def test_csv_pair_loads_back_to_the_same_graph(
    small_graph: Driver, database: str, tmp_path: Path
) -> None:
    subgraph = yangcheng(small_graph, database)
    archive = tmp_path / "export.zip"
    archive.write_bytes(export_bytes(subgraph, "csv"))
    assert dump(read_csv_export(archive)) == dump(subgraph)
    small_graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    load_csv_export(small_graph, archive, database=database)
    assert dump(whole_graph(small_graph, database=database)) == dump(subgraph)


def test_csv_headers_follow_the_neo4j_admin_import_format(
    small_graph: Driver, database: str, tmp_path: Path
) -> None:
    import zipfile

    archive = tmp_path / "export.zip"
    everything = Selection(regions=("阳城县",), hops=4, provenance=True)
    archive.write_bytes(
        export_bytes(select_subgraph(small_graph, everything, database=database), "csv")
    )
    with zipfile.ZipFile(archive) as files:
        targets = files.read("nodes_Target.csv").decode().splitlines()[0]
        mentions = files.read("relationships_MENTIONS__Goal__Project.csv").decode().splitlines()[0]
    assert targets.startswith("id:ID(Target),") and targets.endswith(",:LABEL")
    assert "value:double" in targets and "start:long" in targets
    assert mentions.startswith(":START_ID(Goal),:END_ID(Project),:TYPE")
    assert "starts:long[]" in mentions


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_rdf_parses_back_isomorphic_and_conforms_to_the_shapes(
    small_graph: Driver, database: str, fmt: str
) -> None:
    from graph.export.rdf import to_rdf

    subgraph = yangcheng(small_graph, database)
    parsed = Graph().parse(
        data=export_bytes(subgraph, fmt), format="json-ld" if fmt == "jsonld" else "turtle"
    )
    assert isomorphic(parsed, to_rdf(subgraph))
    conforms, _, report = validate(parsed, shacl_graph=str(SHAPES), inference="none")
    assert conforms, report


def test_rdf_uses_stable_iris_and_standard_vocabularies(small_graph: Driver, database: str) -> None:
    turtle = export_bytes(yangcheng(small_graph, database), "ttl").decode("utf-8")
    assert "<https://w3id.org/plangraph/id/region/140522>" in turtle
    assert "org:Organization" in turtle and "skos:prefLabel" in turtle
    assert "dcterms:title" in turtle and "prov:wasDerivedFrom" in turtle


def test_shapes_catch_a_bad_adcode() -> None:
    from rdflib import Literal, URIRef

    from graph.export.namespace import PG

    bad = Graph()
    region = URIRef("https://w3id.org/plangraph/id/region/x")
    bad.add((region, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), PG.Region))
    bad.add((region, PG.adcode, Literal("14052")))
    conforms, _, _ = validate(bad, shacl_graph=str(SHAPES), inference="none")
    assert not conforms


def test_graphml_reads_back_with_the_same_nodes_edges_and_attributes(
    small_graph: Driver, database: str
) -> None:
    subgraph = yangcheng(small_graph, database)
    graph = nx.read_graphml(io.BytesIO(export_bytes(subgraph, "graphml")))
    assert set(graph.nodes) == {n.key for n in subgraph.nodes}
    assert graph.number_of_edges() == len(subgraph.rels)
    for node in subgraph.nodes:
        attrs = graph.nodes[node.key]
        assert attrs["labels"] == node.label
        assert all(attrs[k] == scalar(v) for k, v in node.props.items())
    edge_types = sorted(data["type"] for _, _, data in graph.edges(data=True))
    assert edge_types == sorted(r.type for r in subgraph.rels)


def test_node_link_json_reads_back_into_networkx(small_graph: Driver, database: str) -> None:
    subgraph = yangcheng(small_graph, database)
    data = json.loads(export_bytes(subgraph, "json"))
    graph = nx.node_link_graph(data, edges="links")
    assert set(graph.nodes) == {n.key for n in subgraph.nodes}
    assert graph.number_of_edges() == len(subgraph.rels)


def test_cli_writes_every_format(small_graph: Driver, neo4j_settings, tmp_path: Path) -> None:
    env = {
        **os.environ,
        "NEO4J_URI": neo4j_settings.uri,
        "NEO4J_USER": neo4j_settings.user,
        "NEO4J_PASSWORD": neo4j_settings.password,
        "NEO4J_DATABASE": neo4j_settings.database,
    }
    for fmt in format_names():
        out = tmp_path / f"out.{SUFFIX[fmt]}"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "graph",
                "export",
                "--region",
                "阳城县",
                "--hops",
                "2",
                "--format",
                fmt,
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=REPO_ROOT,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 0 and "nodes" in result.stdout


def _serialisable(subgraph: Subgraph) -> dict:
    return {
        "nodes": [[n.label, n.id, n.props] for n in subgraph.nodes],
        "rels": [[r.type, r.start.key, r.end.key, r.props] for r in subgraph.rels],
    }


def _export_in_subprocess(source: Path, fmt: str, seed: str) -> bytes:
    program = (
        "import json, sys\n"
        "from graph.export import export_bytes, ExportNode, ExportRel, Subgraph\n"
        "data = json.loads(open(sys.argv[1], encoding='utf-8').read())\n"
        "nodes = {f'{l}:{i}': ExportNode(l, i, p) for l, i, p in data['nodes']}\n"
        "rels = [ExportRel(t, nodes[a], nodes[b], p) for t, a, b, p in data['rels']]\n"
        "subgraph = Subgraph.of(list(nodes.values()), rels)\n"
        "sys.stdout.buffer.write(export_bytes(subgraph, sys.argv[2]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.run(
        [sys.executable, "-c", program, str(source), fmt],
        capture_output=True,
        env=env,
        cwd=REPO_ROOT,
        check=True,
    ).stdout


@pytest.mark.parametrize("fmt", ["cypher", "csv"])
def test_sample_corpus_export_replays_to_the_same_graph(
    sample_graph: Driver, database: str, fmt: str, tmp_path: Path
) -> None:
    subgraph = yangcheng(sample_graph, database)
    assert len(subgraph.nodes) > 100
    data = export_bytes(subgraph, fmt)
    sample_graph.execute_query("MATCH (n) DETACH DELETE n", database_=database)
    if fmt == "cypher":
        replay_cypher_script(sample_graph, data.decode("utf-8"), database=database)
    else:
        archive = tmp_path / "export.zip"
        archive.write_bytes(data)
        load_csv_export(sample_graph, archive, database=database)
    assert dump(whole_graph(sample_graph, database=database)) == dump(subgraph)


def test_sample_corpus_rdf_conforms_to_the_shapes(sample_graph: Driver, database: str) -> None:
    subgraph = yangcheng(sample_graph, database)
    parsed = Graph().parse(data=export_bytes(subgraph, "ttl"), format="turtle")
    conforms, _, report = validate(parsed, shacl_graph=str(SHAPES), inference="none")
    assert conforms, report


def test_every_property_the_builder_writes_has_an_rdf_term(tmp_path: Path) -> None:
    """A property without a term fails the RDF export of the whole graph: the builder's output
    on every sample, and on a plan with an abbreviated body (full_name), must all map."""
    from graph.build import build_batch
    from graph.export.rdf import SKIPPED, _node_predicate
    from ingest.pipeline import extract_file

    plan = tmp_path / "plan.txt"
    plan.write_text(
        "沙坪坝区2022年教育工作要点\n一、总体要求\n1.加强领导。沙坪坝区教委统筹。\n", "utf-8"
    )
    for path in [plan, *sorted((REPO_ROOT / "corpus").glob("*.txt"))]:
        for node in build_batch(extract_file(path)).nodes:
            for name in set(node.props) - SKIPPED:
                assert _node_predicate(node.label, name), (node.label, name)
