"""The analysis step against the real server, on small hand-built plans."""

from __future__ import annotations

from typing import Any

import pytest
from neo4j import Driver

from graph.analysis import derive, statements
from graph.analysis.store import write_rows
from graph.batch import GraphBatch, NodeRow, RelRow
from graph.neo4j_writer import remove_document, write_document

SHARED_MEASURE = "深化教师“县管校聘”管理改革，加大义务教育学校校长教师交流轮岗力度。"


def plan(
    doc_id: str,
    region: str,
    name: str,
    measures: list[str],
    *,
    projects: tuple[str, ...] = ("双减",),
    cites: tuple[str, ...] = (),
    year: int = 2022,
) -> GraphBatch:
    """One goal with the given measures; each project is mentioned in every measure naming it."""
    text = "".join(measures)
    goal = f"{doc_id}#g1"
    nodes = [
        NodeRow("Document", doc_id, {"source": f"{doc_id}.txt", "year": year, "text": text}),
        NodeRow("Region", region, {"name": name, "level": "county"}),
        NodeRow("Goal", goal, {"doc": doc_id, "title": "工作", "text": "", "start": 0}),
        *(NodeRow("Project", p, {"name": p}) for p in projects),
        *(NodeRow("Policy", p, {"title": p}) for p in cites),
    ]
    rels = [
        RelRow("FOR_REGION", "Document", doc_id, "Region", region),
        RelRow("HAS_GOAL", "Document", doc_id, "Goal", goal),
        *(RelRow("CITES", "Document", doc_id, "Policy", p) for p in cites),
    ]
    offset = 0
    for index, measure_text in enumerate(measures, 1):
        measure = f"{doc_id}#m{index}"
        end = offset + len(measure_text)
        nodes.append(
            NodeRow("Measure", measure, {"doc": doc_id, "text": measure_text, "start": offset})
        )
        rels.append(RelRow("HAS_MEASURE", "Goal", goal, "Measure", measure))
        for project in projects:
            start = text.find(project, offset, end)
            if start >= 0:
                spans = {"starts": [start], "ends": [start + len(project)]}
                rels.append(RelRow("MENTIONS", "Measure", measure, "Project", project, spans))
        offset = end
    return GraphBatch(doc_id, tuple(nodes), tuple(rels))


YANGCHENG = plan(
    "yc",
    "140522",
    "阳城县",
    [
        "全面落实“双减”政策，提升课后服务水平。",
        SHARED_MEASURE,
        "继续实施“国培计划”，开展送教下乡。",
    ],
    projects=("双减", "国培计划"),
    cites=("家庭教育促进法",),
)
WENGAN = plan(
    "wa",
    "522725",
    "瓮安县",
    ["持续巩固“双减”成果。", "深化“县管校聘”管理改革，加大义务教育学校校长教师交流轮岗力度。"],
    cites=("家庭教育促进法",),
    year=2023,
)


def rows(driver: Driver, database: str, query: str, **params: Any) -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(query, params, database_=database)
    return [r.data() for r in records]


def snapshot(driver: Driver, database: str) -> list[dict[str, Any]]:
    return rows(
        driver,
        database,
        "MATCH (a)-[r:ADOPTS|SIMILAR_TO|ABOUT|FOCUSES_ON|BROADER]->(b) "
        "RETURN a.id AS a, type(r) AS type, properties(r) AS props, b.id AS b "
        "ORDER BY a, type, b",
    )


@pytest.fixture
def two_plans(driver: Driver, database: str) -> Driver:
    write_document(driver, YANGCHENG, database=database)
    write_document(driver, WENGAN, database=database)
    derive(driver, database=database)
    return driver


def adopts(driver: Driver, database: str) -> dict[tuple[str, str], dict[str, Any]]:
    found = rows(
        driver,
        database,
        "MATCH (r:Region)-[a:ADOPTS]->(e) RETURN r.id AS r, e.id AS e, properties(a) AS props",
    )
    return {(row["r"], row["e"]): row["props"] for row in found}


def test_adopts_links_regions_to_what_their_plans_mention(two_plans: Driver, database: str) -> None:
    found = adopts(two_plans, database)
    assert set(found) == {
        ("140522", "双减"),
        ("140522", "国培计划"),
        ("140522", "家庭教育促进法"),
        ("522725", "双减"),
        ("522725", "家庭教育促进法"),
    }


def test_adopts_carries_count_year_and_evidence(two_plans: Driver, database: str) -> None:
    props = adopts(two_plans, database)[("140522", "双减")]
    assert props["derived"] is True
    assert props["measures"] == 1 and props["first_year"] == 2022
    assert props["evidence"] == ["全面落实“双减”政策，提升课后服务水平。"]
    assert props["evidence_items"] == ["yc#m1"]
    assert props["docs"] == ["yc"]


def test_a_cited_policy_counts_the_plan_as_its_item(two_plans: Driver, database: str) -> None:
    props = adopts(two_plans, database)[("522725", "家庭教育促进法")]
    assert props["measures"] == 1 and props["first_year"] == 2023


def test_similar_measures_of_two_regions_are_linked(two_plans: Driver, database: str) -> None:
    (found,) = rows(
        two_plans,
        database,
        "MATCH (a:Measure)-[s:SIMILAR_TO]->(b:Measure) RETURN a.id AS a, b.id AS b, "
        "s.score AS score, s.shared AS shared",
    )
    assert (found["a"], found["b"]) == ("wa#m2", "yc#m2")
    assert found["score"] >= 0.5
    assert "加大义务教育学校校长教师交流轮岗力度" in found["shared"][0]


def test_regions_are_similar_from_the_smaller_adcode(two_plans: Driver, database: str) -> None:
    (found,) = rows(
        two_plans,
        database,
        "MATCH (a:Region)-[s:SIMILAR_TO]->(b:Region) RETURN a.id AS a, b.id AS b, "
        "properties(s) AS props",
    )
    assert (found["a"], found["b"]) == ("140522", "522725")
    props = found["props"]
    assert props["shared_projects"] == ["双减", "家庭教育促进法"]
    assert props["similar_measures"] == 1
    assert props["jaccard"] == pytest.approx(2 / 3, abs=1e-3)
    assert 0 < props["score"] <= 1


def test_items_are_about_themes(two_plans: Driver, database: str) -> None:
    found = rows(
        two_plans,
        database,
        "MATCH (m:Measure {id: 'yc#m2'})-[a:ABOUT]->(t:Theme) RETURN t.id AS theme, "
        "a.keywords AS keywords, a.score AS score",
    )
    themes = {row["theme"]: row for row in found}
    assert "teachers" in themes
    assert "县管校聘" in themes["teachers"]["keywords"]
    assert themes["teachers"]["score"] >= 3


def test_themes_are_loaded_with_their_hierarchy(two_plans: Driver, database: str) -> None:
    (theme,) = rows(
        two_plans,
        database,
        "MATCH (t:Theme {id: 'double-reduction'})-[:BROADER]->(b:Theme) "
        "RETURN t.label AS label, t.label_en AS en, t.keywords AS keywords, b.id AS broader",
    )
    assert theme["label"] == "双减与校外培训" and theme["broader"] == "compulsory"
    assert "校外培训" in theme["keywords"]


def focus(driver: Driver, database: str) -> dict[tuple[str, str], dict[str, Any]]:
    found = rows(
        driver,
        database,
        "MATCH (r:Region)-[f:FOCUSES_ON]->(t:Theme) RETURN r.id AS r, t.id AS t, "
        "properties(f) AS props",
    )
    return {(row["r"], row["t"]): row["props"] for row in found}


def test_regions_focus_on_the_themes_of_their_items(two_plans: Driver, database: str) -> None:
    teachers = focus(two_plans, database)[("140522", "teachers")]  # 县管校聘 and 国培计划
    assert teachers == {"items": 2, "goals": 0, "measures": 2, "docs": ["yc"], "derived": True}
    assert {region for region, _ in focus(two_plans, database)} == {"140522", "522725"}


def test_removing_a_plan_without_adoptions_updates_its_regions_focus(
    two_plans: Driver, database: str
) -> None:
    # Nothing but FOCUSES_ON remembers that this plan was 阳城县's: it adopts nothing.
    quiet = plan("yc0", "140522", "阳城县", ["加强教师队伍建设。"], projects=(), year=2021)
    write_document(two_plans, quiet, database=database)
    derive(two_plans, database=database, changed_docs=["yc0"])
    assert focus(two_plans, database)[("140522", "teachers")]["docs"] == ["yc", "yc0"]
    remove_document(two_plans, "yc0", database=database)
    summary = derive(two_plans, database=database, changed_docs=["yc0"])
    assert summary.regions == ("140522",)
    assert focus(two_plans, database)[("140522", "teachers")]["docs"] == ["yc"]


def test_derive_twice_gives_the_same_graph(two_plans: Driver, database: str) -> None:
    before = snapshot(two_plans, database)
    derive(two_plans, database=database)
    assert snapshot(two_plans, database) == before
    derive(two_plans, database=database, changed_docs=["yc"])
    assert snapshot(two_plans, database) == before


def test_removing_a_document_removes_its_regions_derived_relationships(
    two_plans: Driver, database: str
) -> None:
    remove_document(two_plans, "yc", database=database)
    derive(two_plans, database=database, changed_docs=["yc"])
    assert {region for region, _ in adopts(two_plans, database)} == {"522725"}
    assert rows(two_plans, database, "MATCH ()-[s:SIMILAR_TO]->() RETURN s") == []


def test_region_keeps_adopts_of_its_other_plans(two_plans: Driver, database: str) -> None:
    later = plan("yc2", "140522", "阳城县", ["推进“双减”工作。"], year=2023)
    write_document(two_plans, later, database=database)
    remove_document(two_plans, "yc", database=database)
    summary = derive(two_plans, database=database, changed_docs=["yc", "yc2"])
    assert summary.regions == ("140522",)
    found = adopts(two_plans, database)
    assert set(found) == {("140522", "双减"), ("522725", "双减"), ("522725", "家庭教育促进法")}
    assert found[("140522", "双减")]["docs"] == ["yc2"]


def test_incremental_derive_equals_full_derive(driver: Driver, database: str) -> None:
    write_document(driver, YANGCHENG, database=database)
    derive(driver, database=database)
    write_document(driver, WENGAN, database=database)
    derive(driver, database=database, changed_docs=["wa"])
    incremental = snapshot(driver, database)
    derive(driver, database=database)
    assert snapshot(driver, database) == incremental


def test_summary_counts_what_the_graph_holds(two_plans: Driver, database: str) -> None:
    summary = derive(two_plans, database=database)
    assert summary.mode == "full" and summary.regions == ("140522", "522725")
    assert (summary.adopts, summary.similar_measures, summary.similar_regions) == (5, 1, 1)
    assert summary.themes == 25 and summary.about > 0
    assert summary.focuses_on == len(focus(two_plans, database)) > 0
    assert "ADOPTS 5" in summary.describe()
    assert f"FOCUSES_ON {summary.focuses_on}" in summary.describe()


def test_a_write_by_element_id_skips_a_node_whose_element_id_now_names_another(
    driver: Driver, database: str
) -> None:
    write_document(driver, plan("d1", "140522", "阳城县", [SHARED_MEASURE]), database=database)
    write_document(driver, plan("d2", "620724", "高台县", [SHARED_MEASURE]), database=database)
    keys = {
        record["id"]: record["key"]
        for record in driver.execute_query(
            "MATCH (m:Measure) RETURN m.id AS id, elementId(m) AS key", database_=database
        ).records
    }
    stale = {"a": "d1#m9", "a_key": keys["d1#m1"], "b": "d2#m1", "b_key": keys["d2#m1"]}
    fresh = {"a": "d1#m1", "a_key": keys["d1#m1"], "b": "d2#m1", "b_key": keys["d2#m1"]}
    for row in (stale, fresh):
        write_rows(driver, statements.WRITE_MEASURE_SIMILARITY, [{**row, "props": {"score": 1.0}}],
                   database=database)  # fmt: skip
    found = driver.execute_query(
        "MATCH (a:Measure)-[:SIMILAR_TO]->(b:Measure) RETURN a.id AS a, b.id AS b",
        database_=database,
    ).records
    assert [(r["a"], r["b"]) for r in found] == [("d1#m1", "d2#m1")]
