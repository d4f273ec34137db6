"""Quantitative targets (ingest/extract/targets.py) on sentences of the genre: what is a
commitment, what is an ordinal, a rank or a count of the plan's own parts."""

from __future__ import annotations

import pytest

from ingest.extract.targets import extract_targets
from ingest.normalize import fold


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
        "全面落实五项管理规定,抓好四项重点任务,落实三项保障。",  # a national set, the plan's parts
        "学习<<关于加强中小学生手机管理的5项规定>>。",  # a title in ASCII angle brackets
        "落实《新时代中小学教师职业行为\n十项准则》要求。",  # a title broken once across lines
    ],
)
def test_ordinals_ranks_formulae_and_the_plans_own_parts_are_no_targets(text: str) -> None:
    assert targets(text) == []


def test_wan_multiplies_the_number() -> None:
    assert targets("新增公办学位0.6万个,") == [("新增公办学位", 6000.0, "个")]


def test_money_keeps_wan_yuan_as_its_unit() -> None:
    assert [(v, u) for _, v, u in targets("投入资金3000万元以上。")] == [(3000.0, "万元")]


def test_a_metric_keeps_the_quote_it_closes() -> None:
    assert targets("实现“三类”残疾儿童少年入学率达到97%。") == [
        ("“三类”残疾儿童少年入学率", 97.0, "%")
    ]


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
        ("资助困难学生1.5万余人次。", [("资助困难学生", 15000.0, "人次")]),  # 余 after 万
        ("一是学前三年毛入园率达到92%。", [("学前三年毛入园率", 92.0, "%")]),  # run-in 一是
        ("新建一所九年一贯制学校，打造一所品牌学校。", [("九年一贯制学校", 1.0, "所")]),
        ("近视率下降1个千分点。", [("近视率下降", 1.0, "千分点")]),
        ("保障学生在校体育锻炼一小时活动。", [("保障学生在校体育锻炼", 1.0, "小时")]),
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


def targets_in(text: str, year: int) -> list[tuple[str, float, str]]:
    return [
        (t.metric, t.value, t.unit or "") for t in extract_targets(text, text, items=(), year=year)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a paragraph that opens on a past period reports the past in every sentence
        "“十三五”时期，全区教育事业取得长足发展。学前三年毛入园率达到98%，新增学位6000余个。",
        "五年来，全县新建幼儿园12所。高中阶段毛入学率达到93%。",
        "2022年，全县教育工作取得新成效。全县高考本科上线1235人，较上年增长8.6%。",
        # a section headed as a review, down to the heading of what is to be done
        "第一章 编制背景\n（一）学前教育\n普惠性幼儿园覆盖率达到87%，骨干教师达到356人。",
        "一、发展基础\n全市现有学校568所。集团化办学覆盖率达到80%以上。",
        "预计到2025年学龄人口将增加1.5万人。",  # a forecast
        "过去的一年，全县新建幼儿园5所。",
        "全县高考本科上线率同比提高3个百分点。",  # a change on last year, reported
        "基本消除56人以上大班额。",  # a size that picks out a class
        "本计划共分为5个部分，包括20项具体措施。",  # the plan's own parts
        "通过3年努力，到2024年底基本完成。",  # years that are no schooling
        "三分之一的学校，十分重要。30分钟。",  # a fraction, an adverb, no score
        "高考600分以上人数明显增加。",  # a score that picks out students
        "信访件在5个工作日内办结，分3个阶段推进。",  # a time limit, the plan's phases
        "3.对全市126所中小学、85所幼儿园开展安全检查。",  # acts on what there is
        "组织全县56所学校参加展演。",  # the whole stock
        "五、实施5大行动助推教育现代化\n",  # a heading counts the plan's parts
    ],
)
def test_reviews_forecasts_and_qualifiers_are_no_targets(text: str) -> None:
    assert targets_in(text, 2023) == []


def test_a_review_ends_at_the_heading_of_the_goals() -> None:
    text = "一、“十三五”发展成就\n毛入园率达到98%。\n二、发展目标\n到2025年，毛入园率达到99%以上。"
    assert targets_in(text, 2022) == [("毛入园率", 99.0, "%")]


def test_a_past_paragraph_ends_where_it_turns_to_the_plans_year() -> None:
    text = "一年来，新建幼儿园5所。2024年，全县新建幼儿园8所。"
    assert targets_in(text, 2024) == [("新建幼儿园", 8.0, "所")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the baseline of a change is no target, nor part of the metric
            "学前三年毛入园率由2023年的91.2%提高到93%以上。",
            [("学前三年毛入园率", 93.0, "%")],
        ),
        ("课后服务参与率从85%提升至95%。", [("课后服务参与率", 95.0, "%")]),
        (  # a value-only clause goes on with the rate before it
            "高中阶段毛入学率在2023年基础上提高1个百分点，达到94.5%。",
            [("高中阶段毛入学率提高", 1.0, "百分点"), ("高中阶段毛入学率", 94.5, "%")],
        ),
        ("义务教育巩固率保持100%。", [("义务教育巩固率", 100.0, "%")]),
        (
            "特级教师增至32人，大班额比例降至3%以下。",
            [("特级教师", 32.0, "人"), ("大班额比例", 3.0, "%")],
        ),
        ("高考本科上线人数力争突破1300人。", [("高考本科上线人数", 1300.0, "人")]),
        ("音体美教师配备率达到90%—95%。", [("音体美教师配备率", 90.0, "%")]),  # a range of shares
        ("每个乡镇新建一至两所公办幼儿园。", [("公办幼儿园", 1.0, "所")]),  # a range in words
        ("开展送教下乡活动30场次。", [("开展送教下乡活动", 30.0, "场次")]),
        ("百分之九十以上的学校建成智慧校园。", [("学校建成智慧校园", 90.0, "%")]),  # no numbering
        ("走访贫困家庭1200余户,落实一户一策。", [("走访贫困家庭", 1200.0, "户")]),
        ("一到二年级不布置书面作业。", []),  # grades, not a range of years
        (
            "主要劳动年龄人口平均受教育年限达到11.2年。",
            [("主要劳动年龄人口平均受教育年限", 11.2, "年")],
        ),
        ("初中生每天书面作业不超过90分钟。", [("初中生每天书面作业", 90.0, "分钟")]),
        ("遴选培养校长、园长各100名。", [("遴选培养校长", 100.0, "名"), ("园长", 100.0, "名")]),
        (  # a short aside in brackets is part of the metric
            "优质均衡发展县（市、区）比例达到30%。",
            [("优质均衡发展县（市、区）比例", 30.0, "%")],
        ),
        (  # a share of a base: the metric and comparator stand before the base
            "交流轮岗教师比例不低于符合条件教师总数的10%。",
            [("交流轮岗教师比例", 10.0, "%")],
        ),
        ("培训经费按照不低于公用经费总额的5%安排。", [("培训经费", 5.0, "%")]),
        ("2023年新建学校18所。", [("新建学校", 18.0, "所")]),  # the plan's year opens no metric
        (  # a count of named things in quotes, written in digits, is no formula
            "培育100个“一校一品”党建品牌。",
            [("“一校一品”党建品牌", 100.0, "个")],
        ),
        (
            "中考全县平均分提高15分，新建学生宿舍8栋。",
            [("中考全县平均分提高", 15.0, "分"), ("新建学生宿舍", 8.0, "栋")],
        ),
    ],
)
def test_forms_of_rates_changes_and_counts(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert targets_in(text, 2023) == expected


def test_metrics_listed_before_fenbie_take_the_values_in_order() -> None:
    text = "毛入园率、巩固率和毛入学率分别达到95%、97%和94%以上。"
    assert targets_in(text, 2023) == [
        ("毛入园率", 95.0, "%"),
        ("巩固率", 97.0, "%"),
        ("毛入学率", 94.0, "%"),
    ]


def test_values_listed_with_one_unit_at_the_end() -> None:
    found = targets_in("占比和覆盖率分别为50、85%。", 2023)
    assert found == [("占比", 50.0, "%"), ("覆盖率", 85.0, "%")]


def test_a_listing_in_the_past_is_no_target() -> None:
    assert targets_in("2020年，毛入园率、巩固率分别达到91%、96%。", 2022) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a number after 每 is the base of a rate
            "每千人口拥有3岁以下婴幼儿托位数达到4.5个。",
            [("每千人口拥有3岁以下婴幼儿托位数", 4.5, "个")],
        ),
        (  # a share of the things that do something, named after it
            "80%以上的县（市、区）通过国家督导评估。",
            [("县（市、区）通过国家督导评估", 80.0, "%")],
        ),
    ],
)
def test_shares_and_rates_per_head(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert targets_in(text, 2023) == expected


def test_a_de_phrase_before_the_number_names_what_is_counted() -> None:
    assert targets_in("合并生源不足的5所村小。", 2023) == [("合并生源不足的村小", 5.0, "所")]


def test_a_bare_hundred_or_thousand_names_a_campaign() -> None:
    assert targets_in("组织百名校长培训，开展千名教师进万家家访。", 2023) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，累计新增学位1000个以上。", [("累计新增学位", 1000.0, "个")]),
        ("三年累计改造薄弱学校60所。", [("三年累计改造薄弱学校", 60.0, "所")]),
        ("三年来累计改造薄弱学校60所。", []),  # what was done
        ("力争本科上线率较上年提高3个百分点。", [("本科上线率提高", 3.0, "百分点")]),
        ("力争本科上线率比去年提高3个百分点。", [("本科上线率提高", 3.0, "百分点")]),
        ("近3年新入职教师培训不少于120学时。", [("近3年新入职教师培训", 120.0, "学时")]),
    ],
)
def test_a_sum_ahead_is_a_target(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert targets_in(text, 2023) == expected


def test_a_horizon_year_is_not_the_plans_own() -> None:
    text = "到2025年，教育现代化取得重要进展。\n2025年，全县毛入园率达到95%。展望2035年，建成强县。"
    assert targets_in(text, 2035) == [("毛入园率", 95.0, "%")]


def test_a_heading_that_changes_a_state_is_no_review() -> None:
    text = "（二）改变薄弱学校现状\n新建幼儿园3所。"
    assert targets_in(text, 2023) == [("新建幼儿园", 3.0, "所")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "完成2所省级、3所市级平安校园创建。",
            [("省级平安校园创建", 2.0, "所"), ("市级平安校园创建", 3.0, "所")],
        ),
        (
            "创建省级示范性幼儿园2所、市级5所。",
            [("创建省级示范性幼儿园", 2.0, "所"), ("市级示范性幼儿园", 5.0, "所")],
        ),
    ],
)
def test_a_level_alone_takes_its_neighbours_head(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert targets_in(text, 2023) == expected


def test_a_heading_of_the_base_and_the_goals_is_no_review() -> None:
    text = "一、发展基础与目标\n到2025年，毛入园率达到95%。"
    assert targets_in(text, 2022) == [("毛入园率", 95.0, "%")]


def test_years_listed_before_fenbie_give_one_metric_year_by_year() -> None:
    text = "信息化覆盖率到2022年底、2023年底分别达到80%、90%。大班额比例2024年控制在5%以内。"
    assert targets_in(text, 2022) == [
        ("信息化覆盖率", 80.0, "%"),
        ("信息化覆盖率", 90.0, "%"),
        ("大班额比例", 5.0, "%"),
    ]


def test_a_speech_reports_last_year_and_sets_this_years_goals() -> None:
    text = (
        "刚刚过去的2023年，全县工作取得新突破。全年高考本科上线2150人，上线率68.5%。\n"
        "今年，全县要确保高考本科上线率稳定在68%以上，力争达到70%。"
    )
    assert targets_in(text, 2024) == [("高考本科上线率", 68.0, "%"), ("高考本科上线率", 70.0, "%")]


def test_a_horizon_year_is_the_deadline() -> None:
    found = extract_targets(
        "到2025年，毛入园率达到95%。", "到2025年，毛入园率达到95%。", items=(), year=2022
    )
    assert [t.deadline for t in found] == ["2025"]


def deadlines(text: str) -> list[tuple[str, str | None]]:
    found = extract_targets(text, fold(text), items=(), year=2022)
    return [(t.text, t.deadline) for t in found]


def test_a_horizon_opening_the_paragraph_holds_for_its_later_sentences() -> None:
    text = "到2025年，全市教育现代化水平明显提升。学前教育毛入园率达到92%以上。\n新增学位1200个。"
    assert deadlines(text) == [("学前教育毛入园率达到92%以上", "2025"), ("新增学位1200个", None)]


def test_each_clause_keeps_its_own_deadline() -> None:
    text = "2022年底前完成5所幼儿园建设任务，2023年6月底前再完成4所。"
    assert deadlines(text) == [
        ("完成5所幼儿园建设任务", "2022-12"),
        ("完成4所", "2023-06"),
    ]
    assert [t.metric for t in extract_targets(text, fold(text), items=(), year=2022)][1] != (
        "6月底前再"
    )


def test_years_of_schooling_raised_by_a_number_of_years_is_a_target() -> None:
    assert targets("新增劳动力平均受教育年限提高1.5年。") == [
        ("新增劳动力平均受教育年限提高", 1.5, "年")
    ]


@pytest.mark.parametrize(
    "text",
    ["小学、初中入学率分别保持在100%和99%以上。", "小学和初中入学率分别达到100%、99%。"],
)
def test_listed_modifiers_share_the_head_of_the_last_name(text: str) -> None:
    assert targets_in(text, 2023) == [("小学入学率", 100.0, "%"), ("初中入学率", 99.0, "%")]


def test_two_modifiers_of_one_rate_with_one_value_are_two_targets() -> None:
    found = targets_in("小学和初中入学率均达到100%。", 2023)
    assert found == [("小学入学率", 100.0, "%"), ("初中入学率", 100.0, "%")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("毛入园率达到百分之九十五以上。", [("毛入园率", 95.0, "%")]),
        ("确保百分之百的学校开设课后服务。", [("学校开设课后服务", 100.0, "%")]),
        ("三分之一的学校开展试点。", []),
    ],
)
def test_a_percentage_in_words(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert targets_in(text, 2023) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在去年新建5所的基础上，今年再新建公办幼儿园3所。", [("新建公办幼儿园", 3.0, "所")]),
        ("在已建成12所智慧校园的基础上，新建智慧校园8所。", [("新建智慧校园", 8.0, "所")]),
        ("巩固已有成果，新增学位1200个。", [("新增学位", 1200.0, "个")]),
        ("全县已建成幼儿园12所。", []),
        ("当前和今后一个时期，新建学校5所。", [("新建学校", 5.0, "所")]),
        ("截至目前已完成60%，年底前全面完成。", []),
    ],
)
def test_what_a_goal_builds_on_is_past_the_goal_is_not(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert targets_in(text, 2024) == expected


def test_an_indicator_list_writes_its_bounds_as_signs() -> None:
    found = extract_targets(
        "毛入园率≥95%；近视率≤50%。", "毛入园率≥95%；近视率≤50%。", items=(), year=2024
    )
    assert [(t.metric, t.value, t.comparator) for t in found] == [
        ("毛入园率", 95.0, ">="),
        ("近视率", 50.0, "<="),
    ]


def test_a_past_paragraph_ends_at_a_goal() -> None:
    text = "近年来，全县新建幼儿园12所。为此，确保新增学位1200个。"
    assert targets_in(text, 2024) == [("新增学位", 1200.0, "个")]
