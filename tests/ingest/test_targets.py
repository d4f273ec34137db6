"""Quantitative targets (ingest/extract/targets.py) on sentences of the genre: what is a
commitment, what is an ordinal, a rank or a count of the plan's own parts."""

from __future__ import annotations

import pytest

from ingest.extract.targets import extract_targets


def targets(text: str) -> list[tuple[str, float, str]]:
    return [
        (t.metric, t.value, t.unit or "") for t in extract_targets(text, text, items=(), year=2024)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "按照市十一次党代会和市委十一届二次、三次全会的部署要求",
        "这是一次十分重要的代表大会。",
        "强力推进党建创优工程等八项工程,持续深化八项改革。",
        "聚集教育质量提升和教育行风整治两个重点,",
        "初中学考综合评估继续位列全市前三名,",
        "引领广大党员师生树牢'四个意识“、坚定'四个自信“。",
        "从6个方面全面总结了去年工作。",
        "要抓好12项重点工作,落实8个方面措施。",
        "落实《新时代中小学教师职业行为十项准则》要求。",  # a count inside a document's title
        "学习《关于加强中小学生手机管理的5项规定》。",
    ],
)
def test_ordinals_ranks_formulae_and_the_plans_own_parts_are_no_targets(text: str) -> None:
    assert targets(text) == []


def test_wan_multiplies_the_number() -> None:
    assert targets("新增公办学位0.6万个,") == [("新增公办学位", 6000.0, "个")]


def test_money_keeps_wan_yuan_as_its_unit() -> None:
    assert [(v, u) for _, v, u in targets("投入资金3000万元以上。")] == [(3000.0, "万元")]


def test_two_rates_sharing_one_value_are_two_targets() -> None:
    found = targets("学前三年毛入园率和普惠性幼儿园在园幼儿覆盖率达95%以上,")
    assert found == [
        ("学前三年毛入园率", 95.0, "%"),
        ("普惠性幼儿园在园幼儿覆盖率", 95.0, "%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "“十三五”期间,全区新建幼儿园12所。",
        "截至2023年底,累计建成智慧教室300间。",
        "2022年全区学前三年毛入园率达到95%。",  # the year before a 2024 plan
        "全县现有中小学56所,在校学生3.2万人。",  # what there is
        "东城区共有幼儿园120所。",
        "目前,全区有中小学校45所。",
        "全县辖12个乡镇,总人口36万人。",
        "我县荣获省级优秀组织奖3项。",  # an honour won
        "一年来,新建幼儿园5所。",
        "3.全区共有中小学56所,在校生4.2万人。",  # what there is, after the item's number
        "利用17个省市级师德涵养基地、11个教师实践教育基地开展培训。",  # what the plan draws on
        "1000人以上的中小学配备专职心理教师。",  # a size that picks schools out
        "会上,5所学校作了典型发言。",  # a meeting's report: what happened
        "全县各学校校长共200余人参加会议。",
    ],
)
def test_results_already_reached_are_no_targets(text: str) -> None:
    assert targets(text) == []


def test_a_deadline_year_is_no_past() -> None:
    assert targets("到2025年,学前三年毛入园率达到95%。") == [("学前三年毛入园率", 95.0, "%")]


def test_a_target_after_a_cited_title_is_still_found() -> None:
    found = targets("落实《中小学幼儿园安全管理办法》,全年开展安全演练不少于4次。")
    assert [(v, u) for _, v, u in found] == [(4.0, "次")]


def test_an_existing_stock_to_be_changed_is_a_target() -> None:
    assert targets("确保现有大班额消除30%以上。") == [("现有大班额消除", 30.0, "%")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("项目总投资3000余万元。", [("项目总投资", 3000.0, "万元")]),  # 余 before the unit
        ("培训教师300余人次。", [("培训教师", 300.0, "人次")]),
        ("规范校内体育锻炼一小时。", [("规范校内体育锻炼", 1.0, "小时")]),  # one hour is a quantity
        (  # a figure summed up as a goal, after an earlier figure of the same clause
            "完成固定资产投资2亿元、争资争项2.2亿元以上目标任务。",
            [("完成固定资产投资", 2.0, "亿元"), ("争资争项", 2.2, "亿元")],
        ),
        ("1.学前教育毛入园率达到92%以上。", [("学前教育毛入园率", 92.0, "%")]),  # no item number
        (  # a share names the rate before it, even when the next clause runs on unmarked
            "确保薄弱园帮扶覆盖率达到100%加快提高农村幼儿园办园水平。",
            [("薄弱园帮扶覆盖率", 100.0, "%")],
        ),
        ("近视率下降1个百分点。", [("近视率下降", 1.0, "百分点")]),  # 个 is a measure word
        (  # the thing counted ends where another count or a new clause begins
            "举办3项体育赛事和一次春季运动会。",
            [("体育赛事", 3.0, "项"), ("春季运动会", 1.0, "次")],
        ),
        ("实施消防改造中小学项目8个优化招生机制。", [("实施消防改造中小学项目", 8.0, "个")]),
        ("100%落实少先队活动课教学计划。", [("落实少先队活动课教学计划", 100.0, "%")]),
        (  # a share stated in quotes as the goal is a target; a quoted slogan of counts is not
            "紧扣“市域内占比不超过5%”的整体目标,落实“三个100%”要求。",
            [("市域内占比", 5.0, "%")],
        ),
    ],
)
def test_figures_the_genre_writes_so(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert targets(text) == expected
