"""Test data shared by several test modules."""

from __future__ import annotations

from pathlib import Path

from graph.batch import GraphBatch, NodeRow, RelRow

TEXT = "一、党建\n1.落实“双减”。(1)新建幼儿园2所。（责任单位：基础教育股）依据《家庭教育促进法》。"


def small_plan(doc_id: str = "d1", region: str = "140522", name: str = "阳城县") -> GraphBatch:
    goal, measure, section = f"{doc_id}#g1", f"{doc_id}#m1", f"{doc_id}#s1"
    department = f"{region}/基础教育股"
    nodes = (
        NodeRow(
            "Document",
            doc_id,
            {
                "source": f"{doc_id}.txt",
                "title": "2022年工作要点",
                "year": 2022,
                "issued_on": "2022-03-04",
                "text": TEXT,
                "region": region,
                "doc_number": "阳教工字〔2022〕5号",
            },
        ),
        NodeRow("Region", region, {"name": name, "level": "county"}),
        NodeRow("Region", "140500", {"name": "晋城市", "level": "prefecture"}),
        NodeRow("Region", "140000", {"name": "山西省", "level": "province"}),
        NodeRow(
            "Section",
            section,
            {"doc": doc_id, "number": "一", "title": "党建", "start": 0, "end": 4},
        ),
        NodeRow(
            "Goal",
            goal,
            {
                "doc": doc_id,
                "number": "1",
                "title": "落实“双减”",
                "text": "落实“双减”。",
                "start": 5,
                "end": 60,
                "order": 1,
            },
        ),
        NodeRow(
            "Measure",
            measure,
            {
                "doc": doc_id,
                "text": "新建幼儿园2所。",
                "start": 15,
                "end": 24,
                "order": 1,
                "goal": goal,
            },
        ),
        NodeRow(
            "Target",
            f"{doc_id}#t1",
            {
                "doc": doc_id,
                "text": "新建幼儿园2所",
                "metric": "新建幼儿园",
                "value": 2.0,
                "unit": "所",
                "comparator": "=",
                "start": 15,
                "end": 22,
            },
        ),
        NodeRow("Project", "双减", {"name": "双减", "aliases": ["“双减”"]}),
        NodeRow("Policy", "家庭教育促进法", {"title": "家庭教育促进法"}),
        NodeRow(
            "Institution",
            f"{name}教育局",
            {"name": f"{name}教育局", "kind": "bureau", "region": region},
        ),
        NodeRow(
            "Institution",
            department,
            {"name": "基础教育股", "kind": "department", "region": region},
        ),
    )
    rels = (
        RelRow("FOR_REGION", "Document", doc_id, "Region", region),
        RelRow("PART_OF", "Region", region, "Region", "140500"),
        RelRow("PART_OF", "Region", "140500", "Region", "140000"),
        RelRow("ISSUED", "Institution", f"{name}教育局", "Document", doc_id),
        RelRow("LOCATED_IN", "Institution", department, "Region", region),
        RelRow("HAS_SECTION", "Document", doc_id, "Section", section),
        RelRow("HAS_GOAL", "Document", doc_id, "Goal", goal),
        RelRow("HAS_GOAL", "Section", section, "Goal", goal),
        RelRow("HAS_MEASURE", "Goal", goal, "Measure", measure),
        RelRow("SETS_TARGET", "Measure", measure, "Target", f"{doc_id}#t1"),
        RelRow("MENTIONS", "Goal", goal, "Project", "双减", {"starts": [8], "ends": [10]}),
        RelRow(
            "MENTIONS",
            "Document",
            doc_id,
            "Policy",
            "家庭教育促进法",
            {"starts": [44], "ends": [53]},
        ),
        RelRow("CITES", "Document", doc_id, "Policy", "家庭教育促进法"),
        RelRow(
            "RESPONSIBLE_FOR",
            "Institution",
            department,
            "Measure",
            measure,
            {"role": "lead", "source": "annotation", "start": 24, "end": 37},
        ),
        RelRow(
            "RESPONSIBLE_FOR",
            "Institution",
            f"{name}教育局",
            "Goal",
            goal,
            {"role": "lead", "source": "issuer"},
        ),
    )
    return GraphBatch(doc_id, nodes, rels)


def written_plan(folder: Path, text: str) -> Path:
    """A plan written as a UTF-8 text file in ``folder``, to be read as a user's file is."""
    path = folder / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return path
