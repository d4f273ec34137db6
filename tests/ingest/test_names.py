"""The name rules of patterns/names.yml on sentences of the genre, and the resolver's region
reading of bare names."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import written_plan

from ingest.contract import to_contract
from ingest.extract.components import (
    construction_projects,
    named_institutions,
    programme_lists,
    quoted_projects,
    unquoted_programmes,
)
from ingest.pipeline import extract_file


def names(found: object) -> list[str]:
    return [item[2] for item in found]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("积极推进新建东关一小、东关二小工程建设进程。", ["东关一小新建工程", "东关二小新建工程"]),
        ("推进石桥小学的续建工作，年底投入使用。", ["石桥小学续建工程"]),
        ("加快东关三中建设,改造提升西城五中。", ["西城五中改造提升", "东关三中建设"]),
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
        ("县教育局会同县财政局推进南关三中建设。", ["南关三中建设"]),  # the verb opens the name
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
        ("推行“党建+大思政”模式", ["党建+大思政"]),
        ("纠正幼儿园“小学化”倾向", []),
        ("落实“管行业就要管安全”要求", []),
        ("落实“十项举措”，建设“六大产业链”", []),
        ("开展“五个一”活动和“三个课堂”建设", ["五个一活动", "三个课堂"]),
        ("用好三朵“私有云”", []),
        ("落实好“一号检察建议”", []),
        ("坚持“走出去,请进来”", []),
        ("主动融入“河西职业教育集团”建设", []),
        ("开展“清廉学校”建设", ["清廉学校"]),
        ("围绕“建设教育强县”目标,坚持“教育优先发展”战略", []),  # a goal, a strategy
        ("落实“每天校园体育活动一小时”,做到“应收尽收”", []),  # requirements
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
        "（5）团县委、县妇联协同开展关爱行动。\n"
    )
    path = written_plan(tmp_path, plan)
    found = {i.name for i in extract_file(path).institutions}
    assert {"阳城三中", "阳城二小", "阳城县职业中学", "阳城县职业教育中心"} <= found
    assert "中共阳城县委员会" in found and "阳城县人民政府" in found
    assert "共青团阳城县委员会" in found  # 团县委: the Youth League's committee of the county


@pytest.mark.parametrize(
    "sentence",
    [
        "认真贯彻县委、县政府决策部署。",
        "全面落实市委、市政府、市教育和体育局、区委、区政府安排部署。",
        "认真落实市第十五次党代会精神和市政府工作报告重点任务。",
    ],
)
def test_bodies_in_a_formula_of_obedience_are_not_actors(tmp_path: Path, sentence: str) -> None:
    path = written_plan(tmp_path, f"阳城县教育局2023年教育工作要点\n一、总体要求\n{sentence}\n")
    found = {i.name for i in extract_file(path).institutions}
    assert not found & {"中共阳城县委员会", "阳城县人民政府", "阳城县政府"}


def institutions(text: str) -> list[str]:
    return [name for _, _, name, _ in named_institutions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("发挥综合改革领导小组统筹协调作用。", ["综合改革领导小组"]),
        ("成立学区学术指导委员会,探索评价体系。", ["学区学术指导委员会"]),
        ("切实发挥市委教育工作领导小组秘书组作用。", ["市委教育工作领导小组秘书组"]),
        ("推动教育部重点课题成果转化。", ["教育部"]),
        (
            "中共六安市教育局(六安市体育局)委员会 六安市教育局",
            ["中共六安市教育局(六安市体育局)委员会", "六安市教育局"],
        ),
        ("沙坪坝区教委、市委教育体育工委", ["沙坪坝区教委", "市委教育体育工委"]),
        (
            "建立中国科学院附属实验学校、北京工业大学附属广渠门实验学校",
            ["中国科学院附属实验学校", "北京工业大学附属广渠门实验学校"],
        ),
        ("设立瓮安县教育督导服务中心,配齐人员。", ["瓮安县教育督导服务中心"]),
        ("配合市公安局开展校园周边治理。", ["市公安局"]),  # a level's body after a verb
        ("争取省教育厅支持,联合州卫健委做好卫生工作。", ["省教育厅", "州卫健委"]),
        ("州委组织部、州发展改革委配合。", ["州委组织部", "州发展改革委"]),
        ("怒江州职业教育中心、兰坪县民族中学", ["怒江州职业教育中心", "兰坪县民族中学"]),
        (
            "支持县纪委监委驻县教育局纪检监察组工作。",  # the stationed group, not the commission
            ["县纪委监委驻县教育局纪检监察组"],
        ),
        ("县委教育工作领导小组办公室负责统筹。", ["县委教育工作领导小组办公室"]),
        (
            "引进上海市教育科学研究院专家,县职教中心争创示范校。",
            ["上海市教育科学研究院", "县职教中心"],
        ),
        ("成立县教育发展基金会。", ["县教育发展基金会"]),
        (  # schools of a township, named by their town
            "推进保和镇中心小学、丰裕镇初级中学、南津镇中心校建设。",
            ["保和镇中心小学", "丰裕镇初级中学", "南津镇中心校"],
        ),
        ("骆驼城镇中心小学", ["骆驼城镇中心小学"]),
        ("由基教股牵头,人事股、计财股配合。", ["基教股", "人事股", "计财股"]),  # a bureau's units
        ("与华东师范大学合作,依托西南大学培训教师。", ["华东师范大学", "西南大学"]),  # no place
        ("局办公室负责统筹,教研室、县电教馆加强指导。", ["县电教馆", "局办公室", "教研室"]),
        # a level's body after any verb that makes no word with the level (充分发挥 县…)
        ("充分发挥县教研室作用,加快县特殊教育学校建设。", ["县教研室", "县特殊教育学校"]),
        ("县退役军人事务局、市数据局配合。", ["县退役军人事务局", "市数据局"]),  # any bureau
        ("县人民政府教育督导室开展督导。", ["县人民政府教育督导室"]),  # a government's office
        (  # a town's schools, also numbered ones and under the county's name
            "窑淮镇中心学校、房县城关镇第二小学",
            ["房县城关镇第二小学", "窑淮镇中心学校"],  # rules in order: place names first
        ),
        ("以红旗小学为试点。", ["红旗小学"]),  # 以 is a preposition, not the name's
        ("1.房县第一中学加强管理。", ["房县第一中学"]),  # a county of one character after 1.
        (  # a university's school and a school's branch are schools of their own
            "与华中师范大学附属中学合作,建立十堰市外国语学校房县分校。",
            ["十堰市外国语学校房县分校", "华中师范大学附属中学"],
        ),
        ("县职业技术教育中心、市电化教育馆", ["县职业技术教育中心", "市电化教育馆"]),
        ("与县人民医院、县妇幼保健院合作。", ["县人民医院", "县妇幼保健院"]),
    ],
)
def test_named_bodies_schools_and_central_bodies_are_found_whole(
    text: str, expected: list[str]
) -> None:
    assert institutions(text) == expected


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("各市(县)区教育局,各直属院校:", []),  # an addressee list
        ("认真落实市委、市政府决策部署。", []),  # a formula of obedience
        ("落实《中共河南省委 河南省人民政府关于深化教育教学改革的实施意见》", []),  # a title
        ("扩大普惠性幼儿园覆盖面,作为学校办学的重点,强化学校管理。", []),  # types, fragments
        ("依据山东省初中学业水平考试命题要求。", []),  # 初中学 runs on into 学业
        ("完善领导小组、综合改革办公室和各学区工作委员会。", ["综合改革办公室"]),
        ("加强县城区小区幼儿园建设,创建省级示范幼儿园。", []),  # the county town, a grade
        ("开展市对区市政府履行教育职责评价。", []),  # a list of levels
        ("落实党中央、国务院和省委、省政府，州委、州政府关于教育工作的决策部署。", []),
        ("在县委、县政府的坚强领导下,主动向市委、市政府汇报。", []),
        ("各乡镇中心学校、乡镇中心幼儿园要加快城镇学校建设。", []),  # every town's; no town
        ("加强基础教育科学研究,提升教研员能力,建设功能室。", []),  # words, no units
        ("推进城市学校、社区学校和红旗小学建设。", ["红旗小学"]),  # 城市, 社区, 红旗 are words
        ("构建县域教育新格局,服务全市发展大局。", []),  # 县域, 格局, 大局
        ("1000人以上的中小学配备心理教师。", []),  # 的 is in no school's name
        ("加强民族中学、重点中学、希望小学、小规模学校、绿色学校建设。", []),  # types of school
        ("健全学校膳食委员会、伙食管理委员会、学术委员会。", []),  # every school's committees
        ("成立专项治理专班,组建专项工作领导小组。", []),  # 专项: a task, no named body
    ],
)
def test_addressees_formulae_titles_and_types_are_no_institutions(
    text: str, kept: list[str]
) -> None:
    assert institutions(text) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("建设“繁荣宜居智慧”新城,助力“四区”建设,聚焦“三件大事”", []),
        ("与时俱进“图新”,锐意改革“图变”", []),
        ("为建设“生态强市、魅力承德”做出贡献", []),
        ("全力打造“教育高地”,争当“排头兵”,建设高质量“教育名城”", []),  # positionings
        ("开展以“抓落实、提质量、强安全”为目标的行动", []),
        ("全面实施“十四五”规划", []),
        ("围绕“办人民满意的教育和体育”", []),
        ("坚持“第一议题”制度", ["第一议题制度"]),
        ("推进“三全育人”,开展“一校一案”研训", ["三全育人", "一校一案"]),
        ("聚力“六破六立”", ["六破六立"]),
        ("实施“教育高地”工程", ["教育高地工程"]),  # a programme word after it: run
        ("以“一唱响三仪式”为主要抓手,开展师德教育", ["一唱响三仪式"]),  # the plan's instrument
        ("定向培养、定向就业“四个定向”专项工作", ["四个定向"]),  # a counted label with 专项
        ("筑牢学生安全的“保护墙”", []),  # a metaphor of protection, no programme
        ("推动职业中学“双高”建设,补齐“两头”短板", ["双高"]),  # two characters: built, or a formula
        ("推进“中高本”衔接和产教融合", ["中高本衔接"]),
        ("推进“大班额”化解,开展“三区”支教。", ["三区支教"]),  # a problem removed, no programme
        # the place's education, unless run as a programme
        ("擦亮“东城教育”品牌,实施“东城教育”三年行动计划", ["东城教育三年行动计划"]),
        ("巩固“双减”攻坚成果", []),  # the gazetteer names 双减 on its own
        (
            "扎实开展“学习贯彻二十大 展现教育新担当”主题实践活动",
            ["学习贯彻二十大 展现教育新担当主题实践活动"],
        ),
    ],
)
def test_quoted_labels_by_what_the_plan_does_with_them(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("全县荣获“全国中小学责任督学挂牌督导创新县”“全省教育工作先进县”等称号", []),
        ("该校被评为“省级文明校园”,3所学校入选“全国青少年校园足球特色学校”", []),
        ("群众对“上好学”的需求更加迫切,“择校热”“入学难”依然存在", []),
        ("顺利通过“国家义务教育基本均衡发展”验收", []),
        ("推进“优质均衡”发展,落实“疫情防控”各项要求,巩固“直过民族”地区成果", []),
        ("努力打造“品质教育名区”", []),  # a positioning
        ("推进“一村一幼”全覆盖,实施“一县一中”建设", ["一村一幼", "一县一中"]),  # one per unit
        ("让孩子享有“家门口的好学校”,坚持“以县为主”管理体制", []),  # a vision, a principle
        ("推动实现“学有优教”,全面推进“互联网+教育”", ["互联网+教育"]),  # a goal reached
        ("擦亮“红色教育”名片,打造“共同富裕示范区”教育样板", []),  # positionings
        ("关注“某区教育”微信公众号,扫码关注“首都教育”", []),  # a reposted page's accounts
        ("下好“先手棋”,打好“组合拳”,织密“防护网”,守住“安全底线”", []),  # figures of speech
        ("当好“引路人”,发挥教研“指挥棒”作用,打通“最后一公里”,筑牢“主阵地”", []),  # roles
        ("防止“层层加码”,纠正“重智轻德”,破解“大班额”难题", []),  # problems
        ("弘扬“红船精神”,传承“红色文化”,持续推进“红廉文化”建设", ["红廉文化"]),  # themes
        ("努力成为“四有”好老师,设计个性化的“订制式培训”", ["订制式培训"]),  # an ideal; a form
        ("全面实行“一次办好”", ["一次办好"]),  # a counted label the plan puts in force
        ("落实“三会一课”“主题党日”等制度", ["三会一课", "主题党日"]),  # a chain ending in 等制度
        ("坚持“稳中求进”工作总基调,紧扣“提质量、强队伍”工作主线", []),  # the plan's keynote
        ("扩大“优质教育资源”覆盖面,落实“学生体质健康标准”", []),  # what is spread; a standard
        ("建成“市级示范幼儿园”12所,培养“省级骨干教师”120名", []),  # results counted
        ("被教育部确定为“全国中小学校责任督学挂牌督导创新县”", []),  # an honour
        ("实现“班班通”全覆盖", ["班班通"]),  # coverage is no part of the name
        (
            "构建“党组织重大问题研究+校委会重大问题报告”机制",  # a long name
            ["党组织重大问题研究+校委会重大问题报告"],
        ),
        ("实施中小学生“三个一百”读书行动", ["三个一百"]),  # run: a programme word follows
        ("全区被列为“全国中小学劳动教育实验区”,18所学校入围“北京市特色高中”", []),  # titles
        ("成功创建“全国义务教育发展基本均衡区”,成为“全国智慧教育示范区”", []),  # titles
        ("围绕“教育质量提升年”主题,聚焦“学有优教”,紧扣“幼有善育”要求", []),  # topics
        ("以“教育强区”为目标,以“脱贫攻坚”为统揽", []),  # aims
        ("在“紫禁杯”优秀班主任评选中获奖,组织“金帆奖”评比", []),  # awards
        ("举办“县长杯”足球赛,开展“贵青杯”系列活动", ["贵青杯系列活动"]),  # a cup; a programme
        ("确保“零辍学”,做好“建档立卡”贫困学生资助", []),  # a goal; a kind of people
        ("推进“铸牢中华民族共同体意识”教育,落实“两不愁三保障”", []),  # formulae
        ("编者按:“开局关系全局,起步决定后程”,一起来看看", []),  # a saying
        ("点击上方“某区教育”关注我们,擦亮“文化东城”金名片", []),  # an account, a positioning
        ("点击“阅读原文”,将“某区教育”设为“星标”,本文来源于“某市教育”,点个“在看”", []),
        ("治理“有偿补课”,整治“四风”", []),  # problems
        ("“义务教育均衡发展”通过国家验收", []),  # a result
        ("评选“最美教师”,举办“师德标兵”表彰", []),  # honours
        ("加大“校内+校外”劳动教育基地建设,推行“线上+线下”教学", []),  # blends
        ("引入“平台+教育”服务模式", ["平台+教育"]),  # a named way of working
        ("群众“获得感”不断增强,“唯分数”评价尚未破除", []),  # a feeling, a problem
        ("助力“一带一路”建设,服务“京津冀协同发展”,对接“雄安新区”", []),
        ("巩固“国家义务教育优质均衡发展区”创建成果,对照“全国学前教育普及普惠区”标准", []),
        ("“名校长”“名教师”队伍不断壮大,在“首都教育现代化”监测评估中位居前列", []),
        ("“百百千”持续深化,开展“百百千”宣讲,", ["百百千宣讲"]),  # a predicate; an activity
        ("开展“青春有我,志愿先行”主题活动", ["青春有我,志愿先行"]),  # run and named
        (
            "实施“立德树人”铸魂工程,开展控辍保学“回头看”行动",  # a formula's own programme
            ["立德树人铸魂工程", "回头看行动"],
        ),
        (
            "开展“青春有我,志愿先行”“法治进校园”等志愿服务活动",
            ["青春有我,志愿先行", "法治进校园"],
        ),
    ],
)
def test_honours_problems_and_chains_of_quoted_labels(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


def test_each_item_of_a_quoted_programme_list_is_a_project() -> None:
    text = "持续深化“新时代教育评价改革、义务教育‘双减’改革、中高考改革等八项改革,"
    assert names(programme_lists(text)) == ["新时代教育评价改革", "双减改革", "中高考改革"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("实施职业院校达标工程,创建示范区。", ["职业院校达标工程"]),
        (
            "推进“两大行动”：教师能力提升行动、名师培养行动。主要任务：加强党建、提高质量。",
            ["教师能力提升行动", "名师培养行动"],
        ),
        ("实施教育系统党的政治建设攻坚行动。", ["教育系统党的政治建设攻坚行动"]),
        ("启动实施威海市第三期特殊教育提升计划,", ["威海市第三期特殊教育提升计划"]),
        ("深入开展多形式、分层次的学习培训和宣传宣讲活动。", []),
        ("实施学前教育、义务教育发展提升工程。", []),
        ("开展以“抓落实、提质量”为目标的教育体育提质行动,", ["教育体育提质行动"]),
        ("开展送课到校活动。", ["送课到校活动"]),  # a campaign that takes something somewhere
        ("开展法治宣传进校园活动。", ["法治宣传进校园活动"]),
        ("开展志愿服务活动。", []),  # a kind of activity, no named campaign
        ("深入实施中等职业教育质量提升计划。", ["中等职业教育质量提升计划"]),  # 等 joins nothing
        ("全面实施城乡学前教育普及普惠攻坚行动,", ["城乡学前教育普及普惠攻坚行动"]),
        (  # a programme joined to the one the verb runs
            "实施乡村温暖工程和家庭教育指导服务提升行动。",
            ["乡村温暖工程", "家庭教育指导服务提升行动"],
        ),
        ("推行首席教师制,实行校长职级制。", ["首席教师制", "校长职级制"]),  # a system in force
        ("实行编制动态管理,推行一体化机制。", []),  # 编制, 机制 name no system
        ("实行教师资格定期注册制度,实行学校安全管理制度。", ["教师资格定期注册制度"]),
        (  # measures as heading lines, and a name before its period in brackets
            "（一）实施学前教育普惠扩容行动\n1.开展幼小科学衔接攻坚行动\n实施乡村教师支持计划（2015—2020年）",
            ["学前教育普惠扩容行动", "幼小科学衔接攻坚行动", "乡村教师支持计划"],
        ),
        (
            "一是幼儿园园长领航工程\n二是青年教师成长计划",
            ["幼儿园园长领航工程", "青年教师成长计划"],
        ),
        ("实施教育信息化2.0行动计划。", ["教育信息化2.0行动计划"]),  # a version in the name
        (  # a counted programme's parts spelt out
            "实施“两大行动”:一是师德师风提升行动,二是校长领航行动。",
            ["师德师风提升行动", "校长领航行动"],
        ),
        ("一是加强队伍建设,二是完善督导评估。", []),  # enumerated tasks, no programme
        (  # measures whose heading is a programme's name
            "（一）学前教育普惠扩容工程。到2025年\n1.名师培养工程：培养名师\n——推进县中振兴行动。",
            ["学前教育普惠扩容工程", "名师培养工程", "县中振兴行动"],
        ),
        ("3.逐步推进校园美化工程。\n（三）加强组织领导", []),  # a task; no programme word
        ("严格实施年度招生计划,实行学校安全工作责任制。", []),  # an ordinary plan; duties
    ],
)
def test_unquoted_programmes_the_plan_runs(text: str, kept: list[str]) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (  # verbs that carry a programme on
            "全面推进教育家精神铸魂强师行动,抓好名校长培养工程,做好2024年暑期安全护航行动。",
            ["教育家精神铸魂强师行动", "名校长培养工程", "暑期安全护航行动"],
        ),
        ("逐步推进校园美化工程,加快推进校舍改造工程。", []),  # tasks at a pace
        ("推进全员育人导师制,做好年度招生计划。", []),  # a practice spreading; a yearly plan
        (  # a list closed by 等
            "深入实施青少年学生读书行动、学生体质健康提升计划等。",
            ["青少年学生读书行动", "学生体质健康提升计划"],
        ),
        ("实施2025年农村学校教师能力提升计划。", ["农村学校教师能力提升计划"]),  # the year's round
        ("实施2025年招生计划。", []),
        (  # a list after a colon whose last item is joined by 和
            "推进三项行动：校园安全守护行动、教师素养提升行动和课堂质量提升行动。",
            ["校园安全守护行动", "教师素养提升行动", "课堂质量提升行动"],
        ),
        (  # the parts of a counted programme after 即, 包括
            "实施“两大工程”，即名校长培养工程、青年教师成长工程。实施“两项计划”，包括乡村学校振兴计划、"
            "城区学校扩容计划等。",
            ["名校长培养工程", "青年教师成长工程", "乡村学校振兴计划", "城区学校扩容计划"],
        ),
        ("1.重点推进三项行动：\n", []),  # the plan's own parts counted
    ],
)
def test_programmes_carried_on_listed_or_dated(text: str, kept: list[str]) -> None:
    assert names(unquoted_programmes(text)) == kept


def test_national_programmes_are_found_unquoted_in_a_list(tmp_path: Path) -> None:
    plan = written_plan(
        tmp_path,
        "某县教育局2025年工作要点\n\n1.落实乡村教师支持计划、特岗教师计划和国家银龄教师行动计划,"
        "做好大学生志愿服务西部计划招募工作,落实国培省培计划。\n",
    )
    found = {project.name for project in extract_file(plan).projects}
    runs = {"乡村教师支持计划", "特岗教师计划", "国家银龄教师行动计划", "大学生志愿服务西部计划"}
    runs |= {"国培计划", "省培计划"}  # two programmes sharing their programme word
    assert runs <= found


def test_an_abbreviated_body_keeps_its_name_and_gets_its_full_name(tmp_path: Path) -> None:
    path = written_plan(
        tmp_path, "沙坪坝区2022年教育工作要点\n一、总体要求\n1.加强领导。沙坪坝区教委统筹推进。\n"
    )
    found = {i.name: i.full_name for i in extract_file(path).institutions}
    assert found["沙坪坝区教委"] == "沙坪坝区教育委员会"


def test_a_body_of_the_region_above_is_named_and_placed_there(tmp_path: Path) -> None:
    """市教育局 in two counties' plans are two bureaus: each is its own prefecture's."""
    path = written_plan(
        tmp_path, "阳城县2023年教育工作要点\n一、总体要求\n1.配合市教育局督导,争取省教育厅支持。\n"
    )
    found = {(i.name, i.region) for i in extract_file(path).institutions}
    assert found == {("晋城市教育局", "140500"), ("山西省教育厅", "140000")}


def test_the_contract_names_a_body_as_written_and_gives_its_full_name(tmp_path: Path) -> None:
    """The conventions name a body as the plan writes it (县政府, 市委教育工委); the graph knows
    it by its name in the region, which the contract gives as full_name."""
    path = written_plan(
        tmp_path,
        "阳城县2023年教育工作要点\n一、总体要求\n"
        "1.县政府统筹，市委教育工委督导。（责任单位：县政府、县财政局）\n",
    )
    contract = to_contract(extract_file(path))
    found = {i["name"]: i.get("full_name") for i in contract["institutions"]}
    assert found == {
        "县政府": "阳城县人民政府",
        "市委教育工委": "中共晋城市委教育工作委员会",
        "县财政局": "阳城县财政局",
    }
    assert {r["institution"] for r in contract["responsibilities"]} == {"县政府", "县财政局"}


def test_a_level_body_takes_the_region_as_the_plan_writes_it(tmp_path: Path) -> None:
    path = written_plan(
        tmp_path,
        "怒江州教育体育局2023年工作要点\n一、总体要求\n1.加强领导。州教育体育局统筹推进。\n",
    )
    assert {i.name for i in extract_file(path).institutions} == {"怒江州教育体育局"}


@pytest.mark.parametrize(
    ("sentence", "name", "full_name"),
    [
        ("市委教育工委统筹推进。", "中共大庆市委教育工委", "中共大庆市委教育工作委员会"),
        (
            "中共大庆市委教育工作委员会统筹，市委教育工委督导。",
            "中共大庆市委教育工作委员会",
            None,
        ),
    ],
)
def test_an_abbreviation_is_read_in_the_region_and_merged_only_with_its_written_full_form(
    tmp_path: Path, sentence: str, name: str, full_name: str | None
) -> None:
    path = written_plan(
        tmp_path, f"大庆市2022年教育工作要点\n一、总体要求\n1.加强领导。{sentence}\n"
    )
    found = {i.name: i.full_name for i in extract_file(path).institutions if "工" in i.name}
    assert found == {name: full_name}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("采取“1+X”模式,提高质量。", "1+X"),  # not the certificate system: no 证书 here
        ("推进“1+X”证书试点工作。", "1+X"),
        ("抓好“一校一品”党建品牌建设。", "一校一品"),
        ("打造市级“一校一品”品牌示范校。", "一校一品"),
        ("完善“一校一品”内涵发展。", "一校一品"),
        ("健全“双培养”机制。", "双培养"),  # a mechanism, a platform: no programme word
        ("建好“互联网+教育”平台。", "互联网+教育"),
        ("开展“四点半课堂”。", "四点半课堂"),  # inside the quotes the word is part of the name
    ],
)
def test_spellings_of_one_initiative_resolve_to_one_name(
    tmp_path: Path, sentence: str, name: str
) -> None:
    path = written_plan(
        tmp_path, f"阳城县2023年教育工作要点\n一、总体要求\n1.推进工作。{sentence}\n"
    )
    extraction = extract_file(path)
    assert name in {p.name for p in extraction.projects}
    merged = {m.variant for m in extraction.merges if m.canonical == name}
    assert all(
        variant in merged for p in extraction.projects if p.name == name for variant in p.aliases
    )


@pytest.mark.parametrize(
    "plan",
    [
        # a kin of the work plan, titled on its first line, names itself at the end of its preamble
        "某某县义务教育优质均衡发展实施方案（2023—2025年）\n为深入贯彻《义务教育法》，结合我县实际，"
        "制定《某某县义务教育优质均衡发展实施方案（2023—2025年）》。\n一、总体目标\n",
        # cited with a character of its own title spelt otherwise
        "某某市教育事业“十四五”发展规划\n为贯彻《义务教育法》，制定《某某教育事业“十四五”发展规划》。\n",
        # a page that gives the title in its 标题 field only
        "标题：某某区2022年教育工作要点\n一、加强党建\n1.按照《某某区2022年教育工作要点》要求，"
        "学习《义务教育法》。\n",
        # the notice that publishes the plan, in the forms notices take
        "某某区人民政府办公室关于印发某某区基础教育提质三年行动计划（2022—2024年）的通知\n各街道：\n"
        "《某某区基础教育提质三年行动计划（2022—2024年）》已经区政府同意，现印发给你们。\n"
        "一、总体要求\n深入贯彻《义务教育法》。\n",
        "关于印发某某州教育提质实施方案的通知\n各县（市）人民政府：\n经州人民政府同意，现将《某某州"
        "教育提质实施方案》印发给你们。\n为贯彻《义务教育法》，制定本方案。\n",
        "某某区教育改革和发展规划\n《某某区教育改革和发展规划（2021—2025年）》经区委、区政府同意，"
        "现予印发。\n贯彻《义务教育法》。\n",
    ],
)
def test_the_plan_citing_its_own_title_cites_no_policy(tmp_path: Path, plan: str) -> None:
    path = written_plan(tmp_path, plan)
    assert [p.title for p in extract_file(path).policies] == ["义务教育法"]


def test_a_title_published_before_or_inside_a_cited_notice_is_a_citation(tmp_path: Path) -> None:
    """自《X》印发以来 cites X; 《国务院关于印发〈X〉的通知》 is a notice the plan cites."""
    path = written_plan(
        tmp_path,
        "某某县2024年教育工作要点\n一、总体要求\n1.自《义务教育课程方案》印发以来，全县推进课改。"
        "落实《国务院关于印发〈深化新时代教育评价改革总体方案〉的通知》。\n",
    )
    assert [p.title for p in extract_file(path).policies] == [
        "义务教育课程方案",
        "国务院关于印发〈深化新时代教育评价改革总体方案〉的通知",
    ]


def test_ascii_brackets_and_a_title_broken_across_lines_are_citations(tmp_path: Path) -> None:
    path = written_plan(
        tmp_path,
        "某某县2024年教育工作要点\n一、总体要求\n1.落实<<义务教育课程方案(2022年版)>>。\n"
        "2.实施《某某县“十四五”教育发展规划\n（2021—2025年）》。\n3.推进课改《方案\n",
    )
    assert [p.title for p in extract_file(path).policies] == [
        "义务教育课程方案(2022年版)",
        "某某县“十四五”教育发展规划(2021—2025年)",
    ]


def test_a_document_word_alone_refers_to_the_title_cited_before(tmp_path: Path) -> None:
    """以下简称《意见》, 落实《规划》: the short form is one more mention of the cited title."""
    path = written_plan(
        tmp_path,
        "某某县2024年教育工作要点\n一、总体要求\n"
        "1.落实《关于深化教师队伍建设改革的意见》(以下简称《意见》),按照《意见》要求推进。\n"
        "2.落实《方案》。\n",  # no title before it ends so: no document
    )
    (policy,) = extract_file(path).policies
    assert policy.title == "关于深化教师队伍建设改革的意见"
    assert len(policy.mentions) == 3


def test_an_action_plan_naming_itself_runs_no_programme(tmp_path: Path) -> None:
    plan = written_plan(
        tmp_path,
        "某某区基础教育提质三年行动计划（2022—2024年）\n"
        "为深入实施基础教育提质三年行动计划，结合我区实际，制定本计划。\n"
        "1.实施学前教育普惠扩容行动，实施名师培养工程。\n",
    )
    found = [p["name"] for p in to_contract(extract_file(plan))["projects"]]
    assert found == ["名师培养工程", "学前教育普惠扩容行动"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("正如县委书记在大会上强调的“教育是最大的民生”，要坚持", []),  # a citation
        ("以“办好人民满意教育”为宗旨,让“家门口好学校”不断增加", []),  # an aim, a goal state
        ("到2025年,基本建成“教育强区”", ["教育强区"]),  # a goal quoted as a designation
        ("积极创建“教育强县”", ["教育强县"]),  # a designation applied for
        ("全面推进“学有所教”,基本形成“幼有所育”的服务体系", []),  # the livelihood formula
        ("全面推进“学有优教”", ["学有优教"]),  # a place's brand built on it, run
        ("打造“学在青山”教育品牌,叫响“康养**”品牌", []),  # a place's brand
        ("“优质均衡”取得显著进展,“提质扩容”实现新突破", []),  # goal states making progress
        ("支持城关中学创建“省级示范性高中”", ["省级示范性高中"]),  # a designation sought
        ("开展“防溺水”宣传教育,开展“防欺凌”专项行动", ["防欺凌专项行动"]),  # a hazard's theme
        ("实施“家门口好学校”建设行动", ["家门口好学校"]),  # a goal the plan runs as a programme
        ("推广“安吉游戏”,打造“技能甘肃”品牌", ["安吉游戏", "技能甘肃"]),  # named by a place, run
    ],
)
def test_goals_visions_citations_and_titles_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


def test_a_numbered_kindergarten_being_built_is_named_whole() -> None:
    found = names(construction_projects("新建城关第二幼儿园，续建城关三小。"))
    assert found == ["城关第二幼儿园新建工程", "城关三小续建工程"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("坚持“教育优先发展”,坚持“社会主义办学方向”", []),  # principles held to
        ("坚持“第一议题”制度", ["第一议题制度"]),  # a system: its programme word follows
        ("做到“件件有着落、事事有回音”。", []),  # an undertaking
        ("积极回应群众“急难愁盼”,解决“入园难”问题", []),  # concerns, problems
        ("构建“东湖优教”新格局,形成“一核两翼”发展格局", []),  # a place's brand, layouts
        ("推进“党建+业务”深度融合", []),  # a fusion
        ("群众教育“满意度”明显提升,“集团化办学”持续扩大", []),  # outcomes
        ("开展“让党中央放心、让人民群众满意”模范机关创建", []),  # a pledge of trust
    ],
)
def test_principles_pledges_and_outcomes_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("各县市要认真实施本行动计划。实施上述工程。", []),  # the plan itself, its parts
        ("实施教育事业发展计划,实施第三期特殊教育提升计划。", ["第三期特殊教育提升计划"]),
        ("先后实施了农村学校食堂建设工程。", ["农村学校食堂建设工程"]),  # a review's past tense
    ],
)
def test_what_a_demonstrative_points_back_to_is_no_programme(text: str, kept: list[str]) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("落实“党政同责、一岗双责”,守护“舌尖上的安全”", []),  # formulae, a figure
        ("组织“优质课”评比,开展“送教下乡”活动", ["送教下乡活动"]),  # a contest; a campaign
    ],
)
def test_formulae_figures_and_contests_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("获得全国文明城市、“全国双拥模范城”等荣誉称号", []),  # a graded title
        ("推进县高中创建“自治区示范性普通高中”", ["自治区示范性普通高中"]),  # a designation
        ("申报“国家级智慧教育示范区”", ["国家级智慧教育示范区"]),  # a programme's zone
        ("全力打造“教育高质量发展示范区”", []),  # a zone the place becomes: its positioning
        ("呈现“低位徘徊”态势,发挥“党建+”效应", []),  # a state, an effect
        ("坚持“一盘棋”思想,强化“人才是第一资源”意识", []),  # beliefs
        ("学生在“全国中小学生创新大赛”中获一等奖15项", []),  # a contest won
        ("学生“近视率”“肥胖率”明显下降", []),  # rates measured
        ("争取“中央预算内投资”“地方政府专项债券”等资金", []),  # sources of funds
        ("全力推进“县城学校扩容”“乡村学校提质”两大任务", []),  # the plan's own tasks
        ("实施“体育强身”“艺术润心”三大行动", ["体育强身", "艺术润心"]),  # programmes run
    ],
)
def test_states_beliefs_contests_funds_and_own_tasks_are_no_projects(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("（三）加强教师队伍建设工程\n", []),  # a task's heading
        ("（一）教育民生工程\n（六）其他重点工程\n（四）重点建设项目计划\n", []),  # categories
        ("（二）党建引领工程。\n", ["党建引领工程"]),  # a programme's heading
    ],
)
def test_task_headings_and_categories_of_works_are_no_programmes(
    text: str, kept: list[str]
) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("办“有温度”的教育,以“时时放心不下”的责任感抓好安全", []),  # attributes
        ("办好“小而美”乡村学校,推动职业教育“精而强”", []),  # qualities
        ("推进“一校一品”的特色发展,完善“一校多品”的美育格局", ["一校一品", "一校多品"]),
        ("推动教育从“有学上”向“上好学”转变", []),  # the two ends of a change
        ("实现家校“零距离”,体现“高质量”“高标准”", []),  # a zero to reach, heights to keep
        ("将“工作总结”报局办公室", []),  # a document
        ("开展“最美教师”推荐工作,“营养午餐”覆盖率达100%", []),  # a title put forward, a rate
        ("关爱“三留守”群体", []),  # a kind of people
    ],
)
def test_attributes_changes_and_measures_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("编者按:“教育强则国家强”。区教委发布年度“施工图”", []),  # a maxim, the plan's figure
        ("关键词一:“优质均衡”。今年的“关键词”是质量,“划重点”来啦", []),  # a page's key words
        ("以“功成不必在我”的境界抓落实", []),  # a maxim
        ("区教委印发“2024年教育工作要点”,发布“教育发展十四五规划”", []),  # documents quoted
        ("关键词三:“青蓝”工程,开展“先学后教”活动", ["青蓝工程", "先学后教活动"]),  # programmes
    ],
)
def test_a_reposted_pages_maxims_and_key_words_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("严格落实“五不准”规定,落实“7个1”防溺水措施", []),  # a rule, a measure
        ("严格执行“一把手”负总责,坚持“一把手”抓教育,落实“三管三必须”", []),  # a role; a formula
        ("签订“安全责任书”,组织党员到“红色教育基地”参观", []),  # a document, a place visited
        ("落实“晨午检”制度,开展“安全教育周”活动", ["晨午检制度", "安全教育周活动"]),
    ],
)
def test_rules_roles_and_places_of_a_safety_section_are_no_projects(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("叫响“好学长宁”教育品牌,擦亮“书香青浦”城市名片", []),  # a place's brand made known
        ("持续擦亮“苍山有礼”城市品牌", []),
        ("唱响“教育兴县”主旋律,建设“幸福教育”新高地", []),  # a keynote, a height
        ("下足“绣花功夫”,讲好“青山教育故事”", []),  # figures of speech
        ("打响“一校一品”品牌,做好“最美教师”等选树活动", ["一校一品", "最美教师"]),  # run
    ],
)
def test_brands_made_known_and_figures_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "先后实施两期学前教育三年行动计划,实施第三期特殊教育提升计划。",
            ["学前教育三年行动计划", "第三期特殊教育提升计划"],
        ),
        ("实施好新一轮学前教育行动计划。", ["学前教育行动计划"]),  # a round opens no name
        (
            "开展联合执法行动,开展春季开学安全大检查行动,开展三轮督导检查行动。",
            [],
        ),  # routine checks
    ],
)
def test_rounds_and_routine_checks_name_no_programme(text: str, kept: list[str]) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("完善“学校-家庭-社会”三位一体育人网络,健全“人防、物防、技防”", []),  # the sides
        ("推进“教、学、评”一体化", []),  # the sides of one thing
        ("实施“铸魂、提质、强师、厚基”工程", ["铸魂、提质、强师、厚基工程"]),  # a programme word
    ],
)
def test_the_sides_listed_of_one_thing_are_no_programme(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("推进“订单式”培养,实行“网格化”管理", []),  # how a thing is done
        ("深化“城乡一体化”办学,推进“组团式”帮扶", []),
        ("推进普通中小学“图书馆式”学校建设", ["图书馆式"]),  # a kind of school built
        ("以“一唱响三仪式”为主要抓手,推进“红廉文化”建设", ["一唱响三仪式", "红廉文化"]),  # nouns
    ],
)
def test_words_of_manner_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("围绕“强省会”战略,服务“东强”布局", []),  # a strategy, a layout
        ("破除“五唯”顽瘴痼疾,落实控辍保学“七长”责任制。", ["七长责任制"]),  # a formula; a system
        ("开展“五育”融合育人", []),  # the formula of the five educations
        ("推进职业高中“双优”创建", ["双优"]),  # a designation sought, without the verb
        ("“结构性缺编”与“超编”并存", []),  # a hardship, a state of things
    ],
)
def test_what_follows_a_short_label_may_say_it_is_no_programme(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    "text",
    [
        "评选表彰“市级优秀教师”“区最美班主任”",  # honours given
        "表彰“优秀德育工作者”",
        "会议表彰了“优秀教育工作者”和“先进集体”。",  # the verb in the past
        "为建设“新兴产业重要承载地”提供有力支撑",  # a positioning
        "奋力打造“生态康养旅游目的地”",
    ],
)
def test_honours_given_and_places_of_function_are_no_projects(text: str) -> None:
    assert names(quoted_projects(text)) == []


def test_a_run_system_described_with_a_clause_is_no_name() -> None:
    """推行中小学校党组织领导的校长负责制: 的 makes it a description; 党的 opens a name."""
    text = "全面推行中小学校党组织领导的校长负责制,实施教育系统党的政治建设攻坚行动。"
    assert names(unquoted_programmes(text)) == ["教育系统党的政治建设攻坚行动"]


def test_a_plan_in_traditional_characters_names_its_projects_in_them(tmp_path: Path) -> None:
    plan = written_plan(
        tmp_path,
        "永泰縣教育局2023年工作要點\n一、加強黨的建設\n"
        "1.實施“紅領工程”，推進“縣管校聘”改革，落實“雙減”。\n"
        "2.推廣“童語同音”，實施“童語同音”計劃。\n",  # the bare name merged into the longer one
    )
    found = {p["name"]: p["aliases"] for p in to_contract(extract_file(plan))["projects"]}
    assert sorted(found) == ["童語同音計劃", "紅領工程", "縣管校聘", "雙減"]
    assert "红领工程" in found["紅領工程"]  # the folded name stays an alias


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("深入落实省委“三高四新”美好蓝图", []),  # a superior's strategy, served
        ("落实省委“百大项目”建设部署,服从市委“一区两基地”定位", []),
        ("构建“大思政”工作格局", []),  # a layout
        ("加快建设“西部教育高地示范区”", []),  # a zone the place becomes
        ("推进“粤菜师傅”“广东技工”“南粤家政”三项工程", ["粤菜师傅", "广东技工", "南粤家政"]),
    ],
)
def test_strategies_of_superiors_layouts_and_counted_chains(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("推进苗族文化进校园活动，举办全县运动会。", ["苗族文化进校园活动"]),
        ("做好送教下乡活动和法治进校园活动。", ["送教下乡活动", "法治进校园活动"]),
        ("开展名师培养工程和送课到校活动。", ["名师培养工程", "送课到校活动"]),
        ("逐步推进戏曲进校园活动。", []),  # a pace: a task stated
    ],
)
def test_campaigns_that_take_a_thing_somewhere_are_carried_on_and_joined(
    text: str, kept: list[str]
) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("把教育作为“一把手”工程来抓，", []),  # a priority stated
        ("把课后服务作为“一号工程”来抓，", []),
        ("倡导“人人讲安全、个个会应急”，", []),  # a slogan advocated
        ("作为“强师工程”的重要内容，实施“强师工程”。", ["强师工程", "强师工程"]),
    ],
)
def test_priorities_stated_and_slogans_advocated_are_no_projects(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    "text",
    [
        "营造“尊师重教”良好氛围，",
        "激发“比学赶超”热潮，形成“崇尚劳动”的风气，",
        "营造“人人争先”的浓厚氛围。",
    ],
)
def test_an_atmosphere_made_is_no_project(text: str) -> None:
    assert names(quoted_projects(text)) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("落实“乡村教师生活补助”，发放“班主任津贴”，", []),  # benefits paid
        ("推行“新时代教师职业行为十项准则”，落实“中小学生守则”，", []),  # rules as documents
        ("打造“教育共富”县域样板，", []),  # a model the place becomes
        ("实施“雨露计划”，落实“营养改善计划”。", ["雨露计划", "营养改善计划"]),
    ],
)
def test_benefits_rules_and_models_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("开展“扫黄打非”进校园活动，推动“法治”进校园。", ["扫黄打非进校园活动", "法治进校园"]),
        ("推进“红色文化”进校园，“非遗”进社区。", ["红色文化进校园", "非遗进社区"]),
    ],
)
def test_the_place_a_campaign_takes_its_theme_to_belongs_to_its_name(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("实施教师招聘计划，实施教育信息化提升工程。", ["教育信息化提升工程"]),
        ("推行集体备课制度，实行教师坐班制度，落实值班制度。", []),  # routines of the work
        ("推行教职工绩效考核制度，推行作业公示制度。", ["作业公示制度"]),
    ],
)
def test_routines_of_office_and_school_work_are_no_programmes(text: str, kept: list[str]) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    "text",
    [
        "落实“为党育人、为国育才”，",  # the formula of the Party's education
        "践行“教育就是服务”宗旨，秉持“一切为了孩子”，",  # beliefs held
        "以“质量”为核心，以“特色”为突破，以“队伍”为根本，",  # the frame of aims
        "抓住“牛鼻子”，补齐“短板”，锻造“教育铁军”，",  # figures
    ],
)
def test_formulae_beliefs_aims_and_figures_of_a_new_form_are_no_projects(text: str) -> None:
    assert names(quoted_projects(text)) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("关爱“留守儿童”，关心“小候鸟”，资助“建档立卡”学生，", []),  # people cared for
        ("转化“问题学生”，保障“进城务工人员随迁子女”入学，", []),  # kinds of pupils
        ("开展留守儿童“代理家长”关爱行动，", ["代理家长"]),  # a programme word follows
        ("加强“乡村小规模学校”和“乡镇寄宿制学校”建设，", []),  # schools typed
        ("认定“教学能手”，落实“新课标”，推进“双新”实施，", []),  # a title, a document, a reform
    ],
)
def test_people_cared_for_kinds_of_schools_and_titles_are_no_projects(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("开展“5·12”防灾减灾演练，落实“三严三实”，", []),  # a date, a formula
        ("实施“1234”质量提升计划，", ["1234质量提升计划"]),
    ],
)
def test_dates_and_formulae_of_earlier_years_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "深入开展“党的光辉照边疆、边疆人民心向党”实践活动，",
            ["党的光辉照边疆、边疆人民心向党实践活动"],
        ),
        ("推进“直过民族”和人口较少民族教育发展，", []),  # people, not a programme
    ],
)
def test_a_campaign_named_by_its_motto_and_practice_is_a_project(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("举办“金帆”艺术节，推进“金鹏”科技论坛，组织“银帆”展演，", []),  # occasions of the year
        ("打造“首善之区”教育，建设“美丽之地”，", []),  # positionings
        ("开展“我的冬奥梦”主题活动，", ["我的冬奥梦"]),
    ],
)
def test_occasions_of_the_year_and_places_of_distinction_are_no_projects(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("实施三年行动计划，开展百日攻坚行动，开展集中整治行动。", []),  # words of every plan
        ("实施年度目标任务计划。", []),  # the year's work
        (
            "实施学前教育三年行动计划，开展校园安全百日攻坚行动。",
            ["学前教育三年行动计划", "校园安全百日攻坚行动"],
        ),
    ],
)
def test_programme_words_alone_are_no_name(text: str, kept: list[str]) -> None:
    assert names(unquoted_programmes(text)) == kept


@pytest.mark.parametrize(
    "text",
    [
        "交出“高分报表”，答好“时代答卷”，",
        "种好“试验田”，搬开“拦路虎”，把握“时度效”，",
        "练好“基本功”，扛起“新使命”。",
    ],
)
def test_figures_of_a_leaders_speech_are_no_projects(text: str) -> None:
    assert names(quoted_projects(text)) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("举办“历城好声音”校园合唱节，举办“艺术湾”学生艺术节，", []),  # occasions of the year
        ("开展“校园朗读者”大赛，", ["校园朗读者"]),  # a contest run
        ("开展“书香校园”读书节活动，", ["书香校园"]),  # an activity: the programme goes on
    ],
)
def test_an_occasion_of_the_year_named_by_a_label_is_no_project(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "牢记“奋进新征程 建功新时代”，突出“立足新起点　开创新局面”。",
            [],
        ),  # clauses parted by spaces
        ("践行“强基础 提质量 创品牌”要求，", []),
        ("开展“喜迎二十大 奋进新征程”主题活动。", ["喜迎二十大 奋进新征程"]),  # run
    ],
)
def test_clauses_parted_by_spaces_are_a_saying(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("办好“壮族三月三”活动，贯彻“新发展理念”，弘扬“沂蒙精神”。", []),  # a festival, beliefs
        ("实施“工匠精神”培育工程，", ["工匠精神"]),  # a programme word follows
        ("推进“党的二十大精神进校园”。", ["党的二十大精神进校园"]),
    ],
)
def test_festivals_and_beliefs_named_short_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("打造“区域教育中心”，建成“西南教育枢纽”，", []),  # a centre the place becomes
        ("位居全省“第一方阵”，迈入“第一梯队”，", []),  # a rank
        ("申报“国家级智慧教育示范区”，", ["国家级智慧教育示范区"]),  # a zone applied for
    ],
)
def test_centres_and_ranks_a_place_reaches_are_no_projects(text: str, kept: list[str]) -> None:
    assert names(quoted_projects(text)) == kept


def test_a_principle_held_is_no_project() -> None:
    assert names(quoted_projects("落实“谁主管、谁负责”原则，坚持“属地管理”原则，")) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("推进“五育融合”，深化“家校共育”，促进“医教结合”，推进“普职融通”。", []),  # ways of work
        ("实施“校农结合”助推乡村振兴行动计划。", ["校农结合"]),  # the clause names a programme
        ("实施“体教融合”行动计划。", ["体教融合行动计划"]),
        ("努力“让每一个孩子都出彩”，推动“从有学上到上好学”。", []),  # a wish, a change of state
    ],
)
def test_fields_joined_wishes_and_changes_of_state_are_no_projects(
    text: str, kept: list[str]
) -> None:
    assert names(quoted_projects(text)) == kept
