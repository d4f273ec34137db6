"""The name rules of patterns/names.yml on sentences of the genre, and the resolver's region
reading of bare names."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.extract.components import construction_projects, named_institutions, quoted_projects
from ingest.pipeline import extract_file


def names(found: object) -> list[str]:
    return [item[2] for item in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("积极推进新建东关一小、东关二小工程建设进程。", ["东关一小新建工程", "东关二小新建工程"]),
        ("推进石桥小学的续建工作，年底投入使用。", ["石桥小学续建工程"]),
        ("完成城关三中等4所初中的升级改造工作。", ["城关三中升级改造"]),
        (
            "新建河口中心幼儿园和马庄幼儿园工作及西街幼儿园、南村幼儿园的改扩建工作。",
            [
                "河口中心幼儿园新建工程",
                "马庄幼儿园新建工程",
                "西街幼儿园改扩建",
                "南村幼儿园改扩建",
            ],
        ),
        (
            "完成东城二小改扩建项目和西城四中维修改造项目。",
            ["东城二小改扩建项目", "西城四中维修改造项目"],
        ),
        ("启动建设第二实验中学二期项目建设。", ["第二实验中学二期项目"]),
        ("推进城关一中深化骨干团队建设。", []),
        ("加快南关三中建设。", ["南关三中建设"]),
        ("新建幼儿园2所，新建一所小学，新建城区小学。", []),
    ],
)
def test_building_work_names_one_project_per_school(text: str, expected: list[str]) -> None:
    assert names(construction_projects(text)) == expected


def test_schools_in_building_lists_are_institutions() -> None:
    found = {
        name: kind for _, _, name, kind in named_institutions("新建河口中心幼儿园和马庄小学工作。")
    }
    assert found == {"河口中心幼儿园": "kindergarten", "马庄小学": "school"}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("形成“人人有责、层层负责、各负其责”的责任体系", []),
        ("全力做好“保健康、防重症”各项工作", []),
        ("开展“双随机、一公开”抽查检查", ["双随机、一公开"]),
        ("实施“5531”发展布局", []),
        ("推进“1234”质量提升计划", ["1234质量提升计划"]),
        ("开展“中小学生安全教育日”活动", []),
        ("开展“我们的节日”主题教育", ["我们的节日主题教育"]),
        ("推行“党建+大思政”模式", ["党建+大思政模式"]),
        ("纠正幼儿园“小学化”倾向", []),
        ("落实“管行业就要管安全”要求", []),
        ("落实“十项举措”，建设“六大产业链”", []),
        ("开展“五个一”活动和“三个课堂”建设", ["五个一活动", "三个课堂"]),
        ("用好三朵“私有云”", []),
        ("落实好“一号检察建议”", []),
        ("坚持“走出去,请进来”", []),
        ("主动融入“河西职业教育集团”建设", []),
        ("开展“清廉学校”建设", ["清廉学校"]),
    ],
)
def test_mottos_numbers_and_days_are_not_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


def test_bare_names_take_the_plans_region(tmp_path: Path) -> None:
    plan = (
        "阳城县教育局2023年教育工作要点\n"
        "一、办学条件\n"
        "1.推进学校建设。\n"
        "（1）阳城四小完成主体工程。\n"
        "（2）启动三中、二小外迁计划。\n"
        "（3）职业中学整体搬迁至县职业教育中心。\n"
        "（4）学校布局方案报县委、县政府审定。\n"
    )
    path = tmp_path / "plan.txt"
    path.write_text(plan, encoding="utf-8")
    found = {i.name for i in extract_file(path).institutions}
    assert {"阳城三中", "阳城二小", "阳城县职业中学", "阳城县职业教育中心"} <= found
    assert "中共阳城县委员会" in found and "阳城县人民政府" in found


@pytest.mark.parametrize(
    "sentence",
    [
        "认真贯彻县委、县政府决策部署。",
        "全面落实市委、市政府、市教育和体育局、区委、区政府安排部署。",
        "认真落实市第十五次党代会精神和市政府工作报告重点任务。",
    ],
)
def test_bodies_in_a_formula_of_obedience_are_not_actors(tmp_path: Path, sentence: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(f"阳城县教育局2023年教育工作要点\n一、总体要求\n{sentence}\n", "utf-8")
    found = {i.name for i in extract_file(path).institutions}
    assert not found & {"中共阳城县委员会", "阳城县人民政府", "阳城县政府"}
