"""The theme taxonomy (a data file), keyword matching, and the region × theme counts that the
analysis step precomputes as (Region)-[:FOCUSES_ON]->(Theme) on the sample corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from graph.analysis import derive
from graph.analysis.themes import Theme, load_themes, match_themes
from graph.build import build_batch
from graph.errors import ConfigError
from graph.neo4j_writer import remove_document, write_document
from ingest.pipeline import extract_file

REQUIRED = [
    "党的建设",
    "德育与思政",
    "体育美育劳动教育",
    "学前教育",
    "义务教育",
    "双减与校外培训",
    "普通高中",
    "职业教育",
    "特殊教育",
    "民办教育",
    "教师队伍",
    "教育评价改革",
    "教育督导",
    "教育信息化",
    "校园安全",
    "依法治教",
    "乡村振兴与学生资助",
    "语言文字",
    "家校社协同育人",
    "学校布局与建设",
    "经费保障",
]


@pytest.fixture(scope="module")
def themes() -> tuple[Theme, ...]:
    return load_themes()


@pytest.mark.parametrize("label", REQUIRED)
def test_taxonomy_has_the_theme_with_keywords(themes: tuple[Theme, ...], label: str) -> None:
    (theme,) = [t for t in themes if t.label == label]
    assert theme.label_en and len(theme.keywords) >= 5 and theme.broader


def test_teacher_keywords_cover_the_genre(themes: tuple[Theme, ...]) -> None:
    (teachers,) = [t for t in themes if t.id == "teachers"]
    assert {"教师", "师德", "县管校聘", "国培", "校长", "名师", "职称"} <= set(teachers.keywords)


@pytest.mark.parametrize(
    ("text", "theme", "keywords"),
    [
        ("深化教师“县管校聘”管理改革", "teachers", ("教师", "县管校聘")),
        ("严格规范校外培训机构，落实“双减”", "double-reduction", ("校外培训", "双减")),
        ("实施“童语同音计划”，推广普通话", "language", ("童语同音", "普通话")),
        ("推进“互联网＋教育”", "digitalisation", ("互联网+",)),  # full-width plus folded
    ],
)
def test_items_match_their_themes(
    themes: tuple[Theme, ...], text: str, theme: str, keywords: tuple[str, ...]
) -> None:
    found = {m.theme: m for m in match_themes([("i", text)], themes)}
    assert found[theme].keywords == keywords
    assert found[theme].score == len(keywords)


def test_longest_keyword_wins_inside_a_theme(themes: tuple[Theme, ...]) -> None:
    found = {m.theme: m for m in match_themes([("i", "落实家庭教育促进法")], themes)}
    assert found["home-school-community"].keywords == ("家庭教育促进法",)


def test_text_without_keywords_is_about_nothing(themes: tuple[Theme, ...]) -> None:
    assert match_themes([("i", "其他事项")], themes) == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("themes:\n  - {id: a, pref_label: {zh: 甲, en: A}, broader: zz}\n", "unknown broader"),
        (
            "themes:\n  - {id: a, pref_label: {zh: 甲, en: A}}\n"
            "  - {id: a, pref_label: {zh: 乙, en: B}}\n",
            "duplicate id",
        ),
        (
            "themes:\n  - {id: a, pref_label: {zh: 甲, en: A}, broader: b}\n"
            "  - {id: b, pref_label: {zh: 乙, en: B}, broader: a}\n",
            "cycle",
        ),
        ("themes:\n  - {id: a}\n", "cannot read"),
        ("themes:\n  - {id: a, pref_label: {zh: 甲, en: Arts, and crafts}}\n", "exactly zh and en"),
    ],
)
def test_a_broken_taxonomy_is_refused(tmp_path: Path, content: str, problem: str) -> None:
    path = tmp_path / "themes.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=problem):
        load_themes(path)


# --------------------------------------------------------------- FOCUSES_ON on the sample corpus

FOCUS = """
MATCH (r:Region)-[f:FOCUSES_ON]->(t:Theme)
RETURN r.id AS region, t.id AS theme, f.items AS items, f.goals AS goals,
       f.measures AS measures, f.docs AS docs, f.derived AS derived
"""

# The same counts straight from ABOUT, for every region with plans.
COUNTED = """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
MATCH (i:Goal|Measure {doc: d.id})-[:ABOUT]->(t:Theme)
WITH r, t, d, i ORDER BY d.id
RETURN r.id AS region, t.id AS theme, count(DISTINCT i) AS items,
       count(DISTINCT CASE WHEN i:Goal THEN i END) AS goals,
       count(DISTINCT CASE WHEN i:Measure THEN i END) AS measures,
       collect(DISTINCT d.id) AS docs, true AS derived
"""


def table(driver: Driver, database: str, query: str) -> dict[tuple[str, str], dict[str, Any]]:
    records, _, _ = driver.execute_query(query, database_=database)
    return {(r["region"], r["theme"]): r.data() for r in records}


def of_region(
    focus: dict[tuple[str, str], dict[str, Any]], region: str
) -> dict[tuple[str, str], dict[str, Any]]:
    return {key: row for key, row in focus.items() if key[0] == region}


def items(focus: dict[tuple[str, str], dict[str, Any]], region: str) -> int:
    return sum(row["items"] for row in of_region(focus, region).values())


def plan_of(driver: Driver, database: str, region: str) -> str:
    records, _, _ = driver.execute_query(
        "MATCH (d:Document)-[:FOR_REGION]->(:Region {id: $region}) RETURN d.id AS id",
        {"region": region},
        database_=database,
    )
    (record,) = records
    return str(record["id"])


def test_focuses_on_counts_what_about_holds(sample_graph: Driver, database: str) -> None:
    focus = table(sample_graph, database, FOCUS)
    assert focus == table(sample_graph, database, COUNTED)
    assert {region for region, _ in focus} == {"140522", "522725", "620724", "141100", "371000"}
    assert all(row["items"] == row["goals"] + row["measures"] > 0 for row in focus.values())
    assert focus[("522725", "teachers")]["items"] >= 10


def test_replacing_a_plan_keeps_focuses_on_equal_to_about(
    sample_graph: Driver, database: str, corpus_files: list[Path], tmp_path: Path
) -> None:
    before = table(sample_graph, database, FOCUS)
    original = corpus_files[0]  # 阳城县
    lines = original.read_text(encoding="utf-8").splitlines(keepends=True)
    shorter = tmp_path / original.name  # same file name: a new version of the same plan
    shorter.write_text("".join(lines[: len(lines) // 2]), encoding="utf-8")
    batch = build_batch(extract_file(shorter))
    result = write_document(sample_graph, batch, database=database, source=original.name)
    assert result.removed_versions
    derive(sample_graph, database=database, changed_docs=[batch.doc_id, *result.removed_versions])
    after = table(sample_graph, database, FOCUS)
    assert after == table(sample_graph, database, COUNTED)
    assert all(row["docs"] == [batch.doc_id] for row in of_region(after, "140522").values())
    assert 0 < items(after, "140522") < items(before, "140522")
    for other in ("522725", "620724", "141100", "371000"):
        assert of_region(after, other) == of_region(before, other)


def test_removing_a_plan_keeps_focuses_on_equal_to_about(
    sample_graph: Driver, database: str
) -> None:
    doc = plan_of(sample_graph, database, "141100")
    remove_document(sample_graph, doc, database=database)
    derive(sample_graph, database=database, changed_docs=[doc])
    focus = table(sample_graph, database, FOCUS)
    assert focus == table(sample_graph, database, COUNTED)
    assert {region for region, _ in focus} == {"140522", "522725", "620724", "371000"}
