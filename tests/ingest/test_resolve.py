"""ingest/resolve.py on a small invented plan: names of the plan's own region written out, laws
without their country, the plan's own title not taken for a policy, responsibility annotations
turned into units, every merge reported with its reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import written_plan

from ingest.extract.mentions import extract_mentions
from ingest.models import NormalizedDocument, ParsedDocument, Place, RegionRef
from ingest.normalize import normalize
from ingest.parse import parse
from ingest.pipeline import extract_file
from ingest.read import read_document
from ingest.resolve import Resolved, expand_abbreviation, resolve

PLAN = """2024年教育工作要点

一、重点工作
1.深入实施“青苗成长”计划。推进课后服务，县政府统筹，县财政局保障。（责任单位：县教育局）
2.贯彻教师法和《中华人民共和国教师法》，落实《2024年教育工作要点》，学习义务教育法。
"""
Plan = tuple[NormalizedDocument, ParsedDocument]
YANGCHENG = RegionRef(
    Place("阳城县", "140522", "county"),
    (Place("晋城市", "140500", "prefecture"), Place("山西省", "140000", "province")),
)


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Plan:
    path = tmp_path_factory.mktemp("resolve") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    normalized = normalize(read_document(Path(path)))
    return normalized, parse(normalized)


def resolved(plan: Plan, region: RegionRef | None) -> Resolved:
    normalized, parsed = plan
    return resolve(parsed, extract_mentions(normalized.folded), region=region)


def test_local_bodies_are_named_after_the_plans_region(plan: Plan) -> None:
    found = {i.name: i for i in resolved(plan, YANGCHENG).institutions}
    assert set(found) == {"阳城县教育局", "阳城县财政局", "阳城县人民政府"}
    assert found["阳城县教育局"].kind == "bureau" and found["阳城县教育局"].region == "140522"
    assert found["阳城县人民政府"].kind == "government"


def test_without_a_region_the_names_stay_as_written(plan: Plan) -> None:
    names = {i.name for i in resolved(plan, None).institutions}
    assert names == {"县教育局", "县财政局", "县政府"}
    assert all(i.region is None for i in resolved(plan, None).institutions)


def test_a_law_is_known_without_its_country_and_kept_as_written(plan: Plan) -> None:
    (policy,) = resolved(plan, YANGCHENG).policies
    assert policy.title == "教师法"  # what identifies it across plans
    assert policy.written_title == "中华人民共和国教师法"  # the title in 《》, as the plan has it
    assert policy.aliases == ("中华人民共和国教师法",)


def test_a_law_named_without_brackets_is_a_mention_of_its_cited_title_only(plan: Plan) -> None:
    (policy,) = resolved(plan, YANGCHENG).policies  # 义务教育法 alone is no citation
    assert [m.rule for m in policy.mentions] == ["policy.gazetteer", "policy.rule"]


def test_the_plan_citing_its_own_title_cites_no_policy(plan: Plan) -> None:
    assert not [p for p in resolved(plan, YANGCHENG).policies if "工作要点" in p.title]


def test_a_quoted_programme_is_one_project_in_its_goal(plan: Plan) -> None:
    _, parsed = plan
    (project,) = resolved(plan, YANGCHENG).projects
    assert project.name == "青苗成长计划"
    assert [m.in_item for m in project.mentions] == [parsed.goals[0].id]


def test_an_annotation_makes_its_unit_responsible(plan: Plan) -> None:
    normalized, _ = plan
    (duty,) = resolved(plan, YANGCHENG).responsibilities
    assert (duty.institution, duty.role, duty.source) == ("阳城县教育局", "lead", "annotation")
    assert normalized.text[duty.start : duty.end] == "（责任单位：县教育局）"


def test_a_unit_in_a_note_and_in_the_body_is_one_institution_as_written(tmp_path: Path) -> None:
    path = written_plan(
        tmp_path,
        "二、重点任务\n1.开展志愿服务。团县委组织志愿者。"
        "（责任单位：团县委，各乡（镇）人民政府）\n",
    )
    normalized = normalize(read_document(path))
    found = resolve(parse(normalized), extract_mentions(normalized.folded), region=YANGCHENG)
    named = {i.name: i for i in found.institutions}
    assert set(named) == {"共青团阳城县委员会", "各乡（镇）人民政府"}  # one entity each
    assert named["共青团阳城县委员会"].written_name == "团县委"
    assert {d.institution for d in found.responsibilities} == set(named)


def test_every_merge_is_reported_with_its_reason(plan: Plan) -> None:
    merges = {(m.kind, m.variant, m.canonical, m.reason) for m in resolved(plan, YANGCHENG).merges}
    assert merges == {
        ("institution", "县政府", "阳城县人民政府", "县/市 read as the plan's region"),
        ("institution", "县财政局", "阳城县财政局", "县/市 read as the plan's region"),
        ("institution", "县教育局", "阳城县教育局", "县/市 read as the plan's region"),
        ("policy", "中华人民共和国教师法", "教师法", "law without 中华人民共和国"),
    }


@pytest.mark.parametrize(
    ("name", "expanded"),
    [
        ("沙坪坝区教委", "沙坪坝区教育委员会"),
        ("市委教育体育工委", "市委教育体育工作委员会"),
        ("青山县教育局", "青山县教育局"),
    ],
)
def test_an_abbreviated_last_word_is_written_out(name: str, expanded: str) -> None:
    assert expand_abbreviation(name) == expanded


def test_an_issuer_written_in_traditional_characters_is_the_body_the_text_names(
    tmp_path: Path,
) -> None:
    path = written_plan(
        tmp_path,
        "廣州市番禺區教育局2023年工作要點\n\n一、區教育局聯合區財政局開展工作。\n",
    )
    names = [i.name for i in extract_file(path).institutions]
    assert names.count("广州市番禺区教育局") == 1
    assert not [name for name in names if "區" in name]  # one body, not a second as written
