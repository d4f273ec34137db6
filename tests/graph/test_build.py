"""graph/build.py: one extraction (an invented plan of 阳城县) becomes one graph batch whose nodes
and relationships say what the plan says and point back to the characters that say it."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.batch import GraphBatch, NodeRow
from graph.build import build_batch, institution_id
from ingest.models import Institution
from ingest.pipeline import extract_file

PLAN = """阳城县教育局2024年教育工作要点

一、重点工作
1.深入实施“青苗成长”计划。新建幼儿园2所。（责任单位：基础教育股）
2.贯彻《中华人民共和国教师法》。
（1）加强师德建设。
（2）推进“青苗成长”计划。
"""


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> GraphBatch:
    path = tmp_path_factory.mktemp("build") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return build_batch(extract_file(Path(path)))


def node(batch: GraphBatch, label: str, node_id: str) -> NodeRow:
    return next(n for n in batch.nodes if (n.label, n.id) == (label, node_id))


def rels(batch: GraphBatch, rel_type: str) -> set[tuple[str, str]]:
    return {(r.start_id, r.end_id) for r in batch.rels if r.type == rel_type}


def text(batch: GraphBatch) -> str:
    return str(node(batch, "Document", batch.doc_id).props["text"])


def test_the_batch_fits_the_schema(batch: GraphBatch) -> None:
    batch.validate()
    ids = {(n.label, n.id) for n in batch.nodes}
    assert all({(r.start_label, r.start_id), (r.end_label, r.end_id)} <= ids for r in batch.rels)


def test_the_document_carries_its_metadata(batch: GraphBatch) -> None:
    props = node(batch, "Document", batch.doc_id).props
    assert props["title"] == "阳城县教育局2024年教育工作要点"
    assert (props["year"], props["issuers"], props["source"]) == (
        2024,
        ["阳城县教育局"],
        "plan.txt",
    )
    assert (props["region"], props["region_name"]) == ("140522", "阳城县")


def test_the_region_and_those_above_it(batch: GraphBatch) -> None:
    assert rels(batch, "FOR_REGION") == {(batch.doc_id, "140522")}
    assert rels(batch, "PART_OF") == {("140522", "140500"), ("140500", "140000")}
    assert node(batch, "Region", "140000").props == {"name": "山西省", "level": "province"}


def test_goals_hang_off_the_document_and_their_section(batch: GraphBatch) -> None:
    doc, section = batch.doc_id, f"{batch.doc_id}#s1"
    goals = [n for n in batch.nodes if n.label == "Goal"]
    assert [g.props["title"] for g in goals] == [
        "深入实施“青苗成长”计划",
        "贯彻《中华人民共和国教师法》。",
    ]
    assert rels(batch, "HAS_GOAL") == {(parent, g.id) for g in goals for parent in (doc, section)}


def test_measures_hang_off_their_goal(batch: GraphBatch) -> None:
    measures = [n for n in batch.nodes if n.label == "Measure"]
    assert rels(batch, "HAS_MEASURE") == {(str(m.props["goal"]), m.id) for m in measures}
    assert [text(batch)[m.props["start"] : m.props["end"]] for m in measures] == [
        "新建幼儿园2所。",
        "加强师德建设。",
        "推进“青苗成长”计划。",
    ]


def test_every_mention_points_to_the_words_that_name_it(batch: GraphBatch) -> None:
    names = {n.id: {n.props.get("name"), n.props.get("title"), *n.props.get("aliases", [])}
             for n in batch.nodes}  # fmt: skip
    said = {
        (r.end_id, text(batch)[start:end])
        for r in batch.rels
        if r.type == "MENTIONS"
        for start, end in zip(r.props["starts"], r.props["ends"], strict=True)
    }
    unquoted = str.maketrans("", "", "“”《》")
    assert all(words.translate(unquoted) in names[node] for node, words in said)
    assert {
        ("青苗成长计划", "“青苗成长”计划"),
        ("教师法", "《中华人民共和国教师法》"),
        ("阳城县教育局", "阳城县教育局"),
    } <= said


def test_a_project_named_twice_is_one_node_mentioned_by_both_items(batch: GraphBatch) -> None:
    assert [n.id for n in batch.nodes if n.label == "Project"] == ["青苗成长计划"]
    assert {start for start, end in rels(batch, "MENTIONS") if end == "青苗成长计划"} == {
        f"{batch.doc_id}#g1",
        f"{batch.doc_id}#m3",
    }


def test_a_cited_law_keeps_the_name_it_was_written_with(batch: GraphBatch) -> None:
    assert node(batch, "Policy", "教师法").props == {
        "title": "教师法",
        "aliases": ["中华人民共和国教师法"],
    }
    assert rels(batch, "CITES") == {(batch.doc_id, "教师法")}


def test_a_target_is_set_by_its_measure(batch: GraphBatch) -> None:
    (target,) = [n for n in batch.nodes if n.label == "Target"]
    assert (target.props["metric"], target.props["value"], target.props["unit"]) == (
        "新建幼儿园",
        2.0,
        "所",
    )
    assert rels(batch, "SETS_TARGET") == {(f"{batch.doc_id}#m1", target.id)}


def test_the_responsible_unit_and_the_words_that_name_it(batch: GraphBatch) -> None:
    (duty,) = [r for r in batch.rels if r.type == "RESPONSIBLE_FOR"]
    assert (duty.start_id, duty.end_id) == ("140522/基础教育股", f"{batch.doc_id}#m1")
    assert (duty.props["role"], duty.props["source"]) == ("lead", "annotation")
    assert text(batch)[duty.props["start"] : duty.props["end"]] == "（责任单位：基础教育股）"


def test_the_issuer_issued_the_plan_and_sits_in_its_region(batch: GraphBatch) -> None:
    assert rels(batch, "ISSUED") == {("阳城县教育局", batch.doc_id)}
    assert ("阳城县教育局", "140522") in rels(batch, "LOCATED_IN")


@pytest.mark.parametrize(
    ("institution", "key"),
    [
        (Institution("基础教育股", "department", (), "140522"), "140522/基础教育股"),
        (Institution("基础教育股", "department", (), None), "基础教育股"),
        (Institution("阳城县教育局", "bureau", (), "140522"), "阳城县教育局"),
        (Institution("市教育局", "bureau", (), "141100", "吕梁市教育局"), "吕梁市教育局"),
        (Institution("市教育局", "bureau", (), "130800", "承德市教育局"), "承德市教育局"),
    ],
)
def test_bodies_are_known_by_their_full_name_in_their_region(
    institution: Institution, key: str
) -> None:
    assert institution_id(institution) == key
