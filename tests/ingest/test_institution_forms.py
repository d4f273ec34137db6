"""Institutions in forms the genre uses beyond the tuning plans: the bureaus of other sectors in
责任单位 lists, numbered schools, universities named without a place, a notice's formulae."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import written_plan

from ingest.extract.components import named_institutions
from ingest.pipeline import extract_file


def institutions(text: str) -> list[str]:
    return [name for _, _, name, _ in named_institutions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # sector bureaus whose standard names hold 和, and commissions of health
            "（责任单位：州卫生健康委、州工业和信息化局、县自然资源和规划局）",
            ["州卫生健康委", "州工业和信息化局", "县自然资源和规划局"],
        ),
        (
            "县消防救援大队开展演练,区青少年活动中心、区教育考试中心配合。",
            ["县消防救援大队", "区青少年活动中心", "区教育考试中心"],
        ),
        ("推进沈阳市第十二中学、宁乡市第十一小学建设。", ["沈阳市第十二中学", "宁乡市第十一小学"]),
        (
            "支持和平区实验小学教育集团发展。",
            ["和平区实验小学教育集团"],
        ),  # the group a school heads
        ("积极争取教育部、省教育厅支持。", ["教育部", "省教育厅"]),
        (
            "支持东北师范大学附属中学、中央民族大学合作办学。",
            ["东北师范大学附属中学", "中央民族大学"],
        ),
        ("依托中国教育科学研究院开展质量监测。", ["中国教育科学研究院"]),
        ("市教育局会同市财政局制定办法。", ["市教育局", "市财政局"]),  # 会同: a verb, no county
        ("兖州市教育局、兖州市财政局", ["兖州市教育局", "兖州市财政局"]),  # a county renamed since
        ("以南华初中为试点，推进东关初中、西关小学结对。", ["南华初中", "东关初中", "西关小学"]),
        (  # 重庆's …中学校; a numbered school's branch; a foreign-language school
            "重庆市江津中学校、江津区实验小学校、北京五中分校、大庆外国语学校开展结对。",
            ["重庆市江津中学校", "江津区实验小学校", "北京五中分校", "大庆外国语学校"],
        ),
        ("推进几江实验小学、东门小学集团化办学。", ["几江实验小学", "东门小学"]),  # 实验小学
        (  # a party school, a people's congress, a staffing committee, colleges of a city
            "区委党校开展轮训,县人大常委会视察,市委编委核定编制,大庆医学高等专科学校、市技师学院招生。",
            ["区委党校", "县人大常委会", "市委编委", "大庆医学高等专科学校", "市技师学院"],
        ),
        (  # a township's school after its county; 完小 for 完全小学
            "贡山县独龙江乡九年一贯制学校、福贡县上帕镇中心完小实施改造。",
            ["独龙江乡九年一贯制学校", "上帕镇中心完小"],
        ),
        ("新建瓮安县朵云一小学生宿舍。", ["瓮安县朵云一小"]),  # 一小 runs on into 学生, no number
        # a bureau's units after a verb that takes a unit; 办 is a unit's word too
        ("各学校将材料报局办公室。", ["局办公室"]),
        ("沈阳市教育局办公室负责统筹。", ["沈阳市教育局办公室"]),  # a bureau's office
        ("充分发挥基础教育科作用,向招生办报送名单。", ["基础教育科", "招生办"]),
        ("发挥团县委作用,团市委牵头开展志愿服务。", ["团县委", "团市委"]),
        ("以二中为龙头组建教育集团,三中作为试点。", ["二中", "三中"]),
        (  # a city's own university, also of a city named …州; 〇 in a school's number
            "与济宁学院、成都大学合作,推进温州大学附属中学、沈阳市第一二〇中学建设。",
            ["济宁学院", "成都大学", "温州大学附属中学", "沈阳市第一二〇中学"],
        ),
        (  # a university's college is a body of its own, inside its name
            "支持湖北开放大学房县学院建设,推进北京大学医学院合作,与华中师范大学共建学院。",
            ["湖北开放大学房县学院", "北京大学医学院", "华中师范大学"],
        ),
        (  # 和 joins a bureau's two remits inside its name; bodies of party and town offices
            "（责任单位：区文化和旅游体育局、县农业农村和水利局、县委网信办、县文明办、"
            "县城市管理局、市乡村振兴局）",
            [
                "区文化和旅游体育局",
                "县农业农村和水利局",
                "县委网信办",
                "县文明办",
                "县城市管理局",
                "市乡村振兴局",
            ],
        ),
        (  # a bureau's service units named by their remit in education
            "文成县教育发展研究中心、县教育会计核算中心、市教育评估院、区校外教育中心、县职校配合。",
            [
                "文成县教育发展研究中心",
                "县教育会计核算中心",
                "市教育评估院",
                "区校外教育中心",
                "县职校",
            ],
        ),
        (  # offices of the party committee and the government in their short forms
            "（责任单位：县委办、县政府办、县委办公室、市国资委、市红十字会、市工商联、市侨联）",
            ["县委办", "县政府办", "县委办公室", "市国资委", "市红十字会", "市工商联", "市侨联"],
        ),
        (  # 建设局 is a bureau (设局 is no body)
            "（责任单位：州住房城乡建设局、州教育体育局（州语委办）、州广播电视台）",
            ["州住房城乡建设局", "州教育体育局", "州语委办", "州广播电视台"],
        ),
        (
            "（责任科室：计划财务科、安全稳定科、职业教育与成人教育科、项目办）",
            ["计划财务科", "安全稳定科", "职业教育与成人教育科", "项目办"],
        ),
        (
            "组建区教育发展中心,区教研室更名为区教学研究室。",
            ["区教育发展中心", "区教研室", "区教学研究室"],
        ),
        (  # a quarter's numbered school; a university's school by its short form; a campus
            "中关村第二小学、人大附中、北师大附小等被评为先进集体。清华附中永丰校区建成招生。",
            ["中关村第二小学", "人大附中", "北师大附小", "清华附中永丰校区"],
        ),
        (  # a sentence opens with a school; a kindergarten's branch; a village school after 州
            "全县获评7所。育才中学获评文明校园。城关中心幼儿园东苑分园开园,支持南州中学发展。",
            ["育才中学", "城关中心幼儿园东苑分园", "南州中学"],
        ),
        (  # service units named by their remit in education
            "区学前教育指导中心、区青少年活动管理中心、区中小学卫生保健所加强指导。",
            ["区学前教育指导中心", "区青少年活动管理中心", "区中小学卫生保健所"],
        ),
        (  # 与 inside a centre's remit; a numbered school's campus
            "区教育信息技术与装备中心推进建设,重庆八中渝北校区开展改革。",
            ["区教育信息技术与装备中心", "重庆八中渝北校区"],
        ),
        ("推进县一中新建校区和城关小学扩建工作。", ["县一中", "城关小学"]),  # two, not one
        (  # the state's local branches, opened by their central body
            "（责任单位：州气象局、国家税务总局文山州税务局、中国人民银行大理州中心支行）",
            ["州气象局", "国家税务总局文山州税务局", "中国人民银行大理州中心支行"],
        ),
        ("实施董振堂红军小学、城关中学改造。", ["董振堂红军小学", "城关中学"]),  # a hero's name
        (  # after 如 and 吸纳, at an item's opening; a county's 城东, 城西 schools
            "1.如育才小学等。\n2.城南中学开工,吸纳三合中学为成员校,县城东幼儿园、县城西幼儿园竣工。",
            ["育才小学", "城南中学", "三合中学", "县城东幼儿园", "县城西幼儿园"],
        ),
        ("县人民检察院、县人民法院共建法治教育基地。", ["县人民检察院", "县人民法院"]),
        (
            "县招生办、县电教仪器站、区招生办公室配合。",
            ["县招生办", "县电教仪器站", "区招生办公室"],
        ),
        (  # 和平 opens a name; a college of 师范 is no 师范 alone
            "支持景山学校、和平里第九小学、丽江师范高等专科学校发展。",
            ["景山学校", "和平里第九小学", "丽江师范高等专科学校"],
        ),
        (  # a foreign person's name with its dot; a place's normal school
            "深化与德国汉斯•赛德尔基金会合作,汾阳师范理论学习卓有成效。",
            ["汉斯•赛德尔基金会", "汾阳师范"],
        ),
        (  # schools a school or university founds, named by a place
            "推进北京市十一学校龙樾实验中学、人大附中朝阳学校、北京师范大学朝阳附属学校建设。",
            ["北京市十一学校龙樾实验中学", "人大附中朝阳学校", "北京师范大学朝阳附属学校"],
        ),
        ("清华附中、北大附中等一批学校,县人武部配合。", ["清华附中", "北大附中", "县人武部"]),
        (  # a numbered school's school named by a place; not a type of school
            "推进北京二中亦庄学校、北京市第十八中学左家庄学校建设,县一中寄宿制学校扩容。",
            ["北京二中亦庄学校", "北京市第十八中学左家庄学校", "县一中"],
        ),
        (  # the general offices of a province's party committee and government
            "根据省委办公厅、省政府办公厅印发的文件,市人民政府办公厅督办。",
            ["省委办公厅", "省政府办公厅", "市人民政府办公厅"],
        ),
        (  # a city whose short name is also a word opens its colleges and numbered schools
            "近年来,大同大学、山西大同大学附属中学办学水平稳步提升,以长治学院、长治医学院为依托,"
            "支持长治幼儿师范高等专科学校、大同煤炭职业技术学院、安康职业技术学院建设。",
            [
                "大同大学",
                "山西大同大学附属中学",
                "长治学院",
                "长治医学院",
                "长治幼儿师范高等专科学校",
                "大同煤炭职业技术学院",
                "安康职业技术学院",
            ],
        ),
        (  # …and its numbered schools, with the group a numbered school heads
            "组建大同一中教育集团,长治二中学生、吉安市第一中学结对,城关一中扩容。",
            ["大同一中教育集团", "长治二中", "吉安市第一中学", "城关一中"],
        ),
        (  # a school's branch written right after the school
            "推进北京市大峪中学分校、长治市第十九中学分校建设。",
            ["北京市大峪中学分校", "长治市第十九中学分校"],
        ),
        (  # a university's school runs on into its branch, its campus, the school it founds
            "北京师范大学贵阳附属中学兴义分校、贵州大学附属中学兴义校区、"
            "北京师范大学附属实验中学门头沟学校相继开办。",
            [
                "北京师范大学贵阳附属中学兴义分校",
                "贵州大学附属中学兴义校区",
                "北京师范大学附属实验中学门头沟学校",
            ],
        ),
        (  # the sports remit of a bureau of education and sport: its units, schools, centres
            "县少年业余体校、县全民健身中心开展活动,区教体局办公室、体育股、群体科明确分工。",
            ["县少年业余体校", "县全民健身中心", "区教体局办公室", "体育股", "群体科"],
        ),
        (  # a bureau's party committee and the education trade union of a county
            "县教育局党委、县教育和体育局党组、县教育工会开展活动,县教育局党委书记带头。",
            ["县教育局党委", "县教育和体育局党组", "县教育工会", "县教育局"],
        ),
        ("区公安分局、区市场监管分局开展检查。", ["区公安分局", "区市场监管分局"]),  # 市场: a word
        (  # a town's numbered school by its short form
            "大理大学、下关一中结对,城关二小学生获奖。",
            ["大理大学", "下关一中", "城关二小"],
        ),
        (  # the supervision offices of the party committee and the government
            "（责任单位：县政府督查室、县委督查室、县人民政府督查室）",
            ["县政府督查室", "县委督查室", "县人民政府督查室"],
        ),
        (  # schools named by their street, 和 and all
            "巴蜀小学、人和街小学、中华路小学结对,推进人和街小学教育集团建设。",
            ["巴蜀小学", "人和街小学", "中华路小学", "人和街小学教育集团"],
        ),
        (  # a bureau's research institute and admissions office named bare
            "由教研室牵头,教科所、招生考试院配合,项目所需资金由招生考试中心保障。",
            ["教研室", "教科所", "招生考试院", "招生考试中心"],
        ),
        (  # a province's departments, 和 inside their remit
            "省财政厅、省人社厅、省文化和旅游厅、省住房和城乡建设厅配合。",
            ["省财政厅", "省人社厅", "省文化和旅游厅", "省住房和城乡建设厅"],
        ),
        (  # 城管 is a remit, not the county town; 和 before a bureau word of the list
            "（责任单位：区城管局、区规划和自然资源局）",
            ["区城管局", "区规划和自然资源局"],
        ),
        (  # a development zone's administrative committee, named by the zone
            "义龙新区管委会,州直各部门:（责任单位：高新区管委会、六盘水经济开发区管理委员会、"
            "各园区管委会）由经开区管委会负责。",
            ["义龙新区管委会", "高新区管委会", "六盘水经济开发区管理委员会", "经开区管委会"],
        ),
        (  # a group of schools named by its leading school's name
            "组建育才教育集团、史家教育集团、紧密型教育集团、优质教育集团、城乡教育集团。",
            ["育才教育集团", "史家教育集团"],
        ),
        (  # a township's school for its minority pupils; 乡镇 is every town's
            "推进龙山镇民族中学、马场乡民族小学、乡镇民族中学建设。",
            ["龙山镇民族中学", "马场乡民族小学"],
        ),
        ("（责任单位：县纪委县监委、市纪委监委）", ["县纪委县监委", "市纪委监委"]),  # one body
        ("区教育技术装备站、县学生爱心驿站开放。", ["区教育技术装备站"]),  # a station, not a post
        (  # universities named by a province's one-character name and a direction
            "与滇西应用技术大学、皖西学院、川北医学院合作,促进豫南地区大学生就业。",
            ["滇西应用技术大学", "皖西学院", "川北医学院"],
        ),
        (  # the office that supervises training bodies, not the kind of body it supervises
            "县校外培训机构监管中心负责规范县校外培训机构。",
            ["县校外培训机构监管中心"],
        ),
        # 会同 is the verb that takes the other bodies (会同县 is a county, not named so)
        ("县教体局要会同人社局、财政局做好保障。", ["县教体局", "人社局", "财政局"]),
    ],
)
def test_bodies_of_the_genre_are_found_whole(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("bare", "full"),
    [("人社局", "县人社局"), ("卫健委", "县卫健委"), ("编办", "县委编办"), ("妇联", "县妇联")],
)
def test_a_body_written_bare_after_joint_work_is_of_its_kind_written_in_full(
    bare: str, full: str
) -> None:
    (found,) = [
        k for _, _, n, k in named_institutions(f"县教体局会同{bare}做好保障。") if n == bare
    ]
    (written,) = [k for _, _, n, k in named_institutions(f"由{full}做好保障。") if n == full]
    assert found == written


@pytest.mark.parametrize(
    "text",
    [
        "经市政府同意,现印发给你们。",  # a notice's formula
        "各区县人民政府,市政府各有关部门:",  # an addressee
        "各县市区人民政府,市政府各委办局,县政府各相关单位:",
        "各区人民政府,市政府各委、办、局,各市属机构:",
        "县政府批准后实施。",
        "建设中国特色世界一流大学和一流学科。",  # a goal, no university
        "各级教育部门要加强统筹,高等教育部分指标下降。",  # the sector's departments
        "严格落实招生办法,及时办理入学手续,以一小时为单位。",  # 招生办法, 一小时: words
        "推进市直学校、区属学校规范管理,提升全市中职学校和县公办幼儿园质量。",  # types
        "举办山东省大学生创新大赛,推进北京市学校体育工作。",  # 大学生; a place's schools
        "在县委和县政府领导下,项目办理时限压缩一半。",  # 和 between two names; 办理
        "建立健全市级教育督导委员会工作制度。",  # a level's kind of body
        "坚持政府办学为主体。",  # 政府办学: the state running schools, no office
        "围绕全县教育中心工作,服务市教育中心工作。",  # 中心工作: the central task
        # words, and a type of school
        "建设基于初中学业水平考试成绩的录取模式,加强乡村教师和特殊教育学校教师培训。",
        "推进普通高中、中职学校、技工学校和省一级幼儿园建设。",  # types and grades of school
        "。加强党对学校工作的领导。做好中小学安全工作。",  # a sentence's task on schools
        "2.做好学校安全工作。3.着力中小学建设,县城小学扩容。",  # an item's task; the county town
        "严格执行市招生办法,县招生办理入学。",  # 招生办法, 办理: words
        "六盘水经济开发区社会事务局",  # 开发区: a zone, no district's bureau
        "XX县教育局、××中学、某某幼儿园开展工作。",  # an anonymised copy's placeholders
        "加强县师范生培养,推进市师范教育发展,学习马克思·恩格斯著作。",  # 师范 words; no body
        # a common word before a college's word names no college; 新建 is the verb
        "光明大学生志愿服务,新建二中学生宿舍,建设东方大学城,向前进一小步。",
        "，振兴乡村教育学院建设,，前进一中队。",
        # a place named in full in the formula of obedience
        "按照省委、省政府和长沙市委、市政府决策部署,结合实际制定本方案。",
        # bodies before the meeting they held: the meeting, no actor
        "认真落实市委、市政府教育工作会议精神,经县政府常务会议研究。",
        # the pair of a level's bodies in the history's formula of care; schools of a level
        "州委、州政府始终把教育摆在优先发展的战略位置,加强州直学校、旗直学校管理。",
        # the genre's other formulae of approval, arrangement, care, strategy and leadership
        "经县委、县政府研究同意,按照区委、区政府工作安排,市委、市政府把教育作为民生之首。",
        "为落实县委、县政府“教育强县”战略,在县委、县政府和上级教育部门的正确领导下。",
        "新建体育馆、体育室,推进县文体校园活动。",  # venues and rooms; 文体校园
        # types and grades of school in a 十四五 plan
        "加强市属高校、驻区高校合作,推动全区公办幼儿园、镇中心校、乡镇中心学校、村小、城区学校、"
        "区属中小学、区直属幼儿园、市一级幼儿园、乡村小规模学校、集团成员校均衡发展。",
        "区市政府,县市区教育局:",  # lists of levels
        "统筹城区和乡村小学、城镇和农村学校发展。",  # 和 joins two kinds
        "在县政务服务大厅、市民大厅办理。",  # halls, no department
        # numbers and plenary sessions, no numbered school
        "，坚持一中心两基本点,每天锻炼二小时,星期一中午,其中一中队获奖,统一中小学课程。"
        "学习党的二十届二中全会精神。",
        "，划入二中。，集中到二小就读。，确保每一中小学达标。",  # a preposition before the number
    ],
)
def test_formulae_goals_and_sector_words_are_no_institutions(text: str) -> None:
    assert institutions(text) == []


def test_a_task_force_named_after_its_programme_is_one_body() -> None:
    text = "由县“双减”工作专班、县“五水共治”工作领导小组办公室牵头。"
    assert institutions(text) == ["县“双减”工作专班", "县“五水共治”工作领导小组办公室"]


def test_a_task_force_signing_under_the_title_is_named() -> None:
    text = (
        "县“双减”专项整治方案\n绥宁县“双减”工作专班办公室\n（县政府办代章）\n"
        "领导小组办公室设在县教育局。"
    )
    assert sorted(institutions(text)) == ["县政府办", "县教育局", "绥宁县“双减”工作专班办公室"]


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("兖州区人民政府办公室关于印发兖州区教育提质三年行动计划的通知", "兖州区人民政府办公室"),
        (
            "文成县公共服务“七优享”工程工作专班办公室关于印发“学有优教”专项实施方案的通知",
            "文成县公共服务“七优享”工程工作专班办公室",
        ),
    ],
)
def test_the_body_whose_notice_publishes_the_plan_issues_it(
    tmp_path: Path, title: str, issuer: str
) -> None:
    path = written_plan(
        tmp_path, f"{title}\n各乡镇人民政府：\n现将方案印发给你们。\n一、工作目标\n"
    )
    extraction = extract_file(path)
    assert extraction.parsed.meta.issuers == (issuer,)
    assert issuer in {i.name for i in extraction.institutions}


def test_a_reposting_sites_lead_names_no_issuer(tmp_path: Path) -> None:
    path = written_plan(
        tmp_path,
        "县教育局2023年工作计划（通用12篇）\n来源：第一范文网\n"
        "【导语】以下是小编整理的县教育局2023年工作计划，欢迎阅读参考！\n"
        "一、抓好党建工作。县教研室要加强教学研究。\n",
    )
    extraction = extract_file(path)
    assert extraction.parsed.meta.issuers == ()
    assert {i.name for i in extraction.institutions} == {"县教育局", "县教研室"}


@pytest.mark.parametrize(
    "text",
    [
        "（二）加强队伍建设。每年招聘幼儿园教师不少于80名。",
        "新招聘小学教师60名,全年培训中学校长40名。",
        "年内培训小学教师,每学期评估中学,集中培训幼儿园园长。",
        "选聘幼儿园保育员,招录小学教师,引进中学骨干教师。",
        "组织中小学开展演练。支持民办幼儿园发展,鼓励公办学校开放场地。",
        "每所学校配备校医,确保每个乡镇中心幼儿园达标,推动城区学校发展。",
        "选派优秀校长到乡村学校任职。",
        "本年度中学招生,秋季小学入学,开办乡镇幼儿园,规范无证幼儿园,联盟学校、共同体学校。",
    ],
)
def test_clause_fragments_before_a_school_word_name_no_school(text: str) -> None:
    assert institutions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the name opens after the verb that moves people or schools
        ("将河口小学整体划入石桥小学,派驻青山小学。", ["河口小学", "石桥小学", "青山小学"]),
        ("撤并东岭小学,合并到实验小学。", ["东岭小学", "实验小学"]),
        (  # the object of a verb that pairs schools or sends teachers to one
            "城南小学帮扶石门小学,东风中学托管西岭中学,赴育英学校跟岗学习。",
            ["城南小学", "石门小学", "东风中学", "西岭中学", "育英学校"],
        ),
        (  # a group named by its leading school, as the object of the verb that runs it
            "推进人民路小学教育集团建设,做强实验中学教育集团,推进优质学校教育集团建设。",
            ["人民路小学教育集团", "实验中学教育集团"],
        ),
        (  # a leading group named after its task, opened by its level
            "成立县推进普通高中振兴工作领导小组,组建区深化教育领域综合改革领导小组。",
            ["县推进普通高中振兴工作领导小组", "区深化教育领域综合改革领导小组"],
        ),
        ("进一步规范家长委员会建设,推进家长委员会工作。", []),
        (  # the chairs named first, the group after the 的 that closes them
            "成立由县长任组长、分管副县长任副组长的县教育工作领导小组,成立以局长为组长的领导小组。",
            ["县教育工作领导小组"],
        ),
        (  # a body every school or place is told to set up is a kind
            "各校要成立安全工作领导小组,各地要建立教育督导委员会,县教体局成立安全工作领导小组。",
            ["县教体局", "安全工作领导小组"],
        ),
        (  # other sectors' bodies written bare after a verb of joint work or a duty's colon
            "联合公安局、市场监管局开展治理,协调发改局和编办。",
            ["公安局", "市场监管局", "发改局", "编办"],
        ),
        ("（责任单位：县教体局、人社局、卫健局）", ["县教体局", "人社局", "卫健局"]),
        (  # the supporting bodies listed bare after the lead's 牵头
            "由县公安局牵头,交通运输局、卫健局配合。",
            ["县公安局", "交通运输局", "卫健局"],
        ),
        ("县人大、县政协视察,县人大代表提出建议。", ["县人大", "县政协"]),  # deputies: people
        ("联合公安、市场监管部门开展治理,会同人社局长座谈。", []),  # sectors; a person
        ("协调区域布局,联合省级当局,配合市场变局。", []),  # words ending in 局
        (  # the bureau's own party committee written bare
            "局党委、局党组要加强领导,局党委书记带头,局党组织健全。",
            ["局党委", "局党组"],
        ),
        (  # ... but not as the owner of a study group
            "落实局党委部署,局党组理论学习中心组每月学习。",
            ["局党委"],
        ),
        # a type counted in the review of the school system; a school named bare
        ("其中普通高中2所、职业中学1所,职业中学完成搬迁。", ["职业中学"]),
        ("推动县电大转型,评选十佳学校。", ["县电大"]),  # the TV university; an honour
        (  # 市中 of 市中区 is no place here: 市 is the level's word
            "与市人民医院、市中医院共建,全市中职学校、市中心城区学校结对。",
            ["市人民医院", "市中医院"],
        ),
        (  # the police's traffic brigade that guards school buses
            "协调县交通局、县公安局交警大队保障校车安全。",
            ["县交通局", "县公安局交警大队"],
        ),
    ],
)
def test_bodies_named_in_clauses(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # leaders' posts in a meeting report: the bodies name people's titles
        "县委书记刘明出席会议并讲话,县委常委、副县长陈晓东主持会议。",
        "县人大常委会副主任钟丽华、县政协副主席赖建平出席会议。",
        "市政府副市长李建国,区人大常委会主任王强,州政协秘书长张丽参加会议。",
        "市政府党组成员、副市长王某,县委组织部副部长、县委编办主任李某参加会议。",
        # the leadership's formulae of care and of carrying out
        "县委、县政府将一如既往把教育摆在优先发展的战略位置。",
        "按照县委、县政府“三高四新”在本县的实践部署,推进教育强县建设。",
        # an autonomous region's committee in the formula of obedience
        "认真落实自治区党委、鄂尔多斯市委和旗委决策部署。",
        "在自治区党委、政府的坚强领导下,全区教育事业取得新成效。",
        # a clause whose subject is a place; a grade the plan strives for
        "巴里坤县、伊吾县要加快乡镇中心幼儿园提质。",
        "支持中职学校建设省高水平中职学校,创建省示范性高级中学。",
    ],
)
def test_leaders_posts_formulae_and_clauses_name_no_body(text: str) -> None:
    assert institutions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 会同 in a sentence is the verb, its county only where a line opens with it
        ("抓安全,会同县公安局、县市场监督管理局开展整治。", ["县公安局", "县市场监督管理局"]),
        ("。联合县卫健局开展体检。", ["县卫健局"]),
        ("会同县教育局2024年工作要点", ["会同县教育局"]),
        # 为 opens a clause after a school's name
        (
            "以哈密市第一中学、哈密市第四中学为学区长学校。",
            ["哈密市第一中学", "哈密市第四中学"],
        ),
        # a university's own school and college, whatever the school's place or the college's field
        (
            "支持华南师范大学附属番禺小学、广东仲元中学发挥引领作用。",
            ["华南师范大学附属番禺小学", "广东仲元中学"],
        ),
        ("与三峡大学马克思主义学院共建思政课一体化共同体。", ["三峡大学马克思主义学院"]),
        # a township's school after a verb that improves, rebuilds or leads it
        (
            "改善洋溪镇中学、游家镇中心学校办学条件,改造二圣镇中心小学。",
            ["洋溪镇中学", "游家镇中心学校", "二圣镇中心小学"],
        ),
        ("带动接龙镇初级中学校发展。", ["接龙镇初级中学校"]),
        # an autonomous region's bodies, its level's word written in full
        (
            "根据自治区教育厅要求,自治区党委教育工委加强指导。",
            ["自治区教育厅", "自治区党委教育工委"],
        ),
        # a commission's party committee; a district's commission of culture and tourism
        (
            "区委教育工委、区教委党委定期研究,联合区文化旅游委开展治理。",
            ["区委教育工委", "区教委党委", "区文化旅游委"],
        ),
    ],
)
def test_bodies_in_the_sentences_of_other_regions_plans(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "统筹资金,保障学校建设用地和资金。",  # a verb that secures, before the type
        "带动界石镇、南泉街道学校发展。",  # a subdistrict's schools
        "推进城区义务教育学校扩容,办好县义务教育学校。",  # a stage's schools
        "办好苏木乡镇中心学校、嘎查村幼儿园。",  # 内蒙古's townships' and villages' schools
    ],
)
def test_the_schools_of_a_place_or_stage_are_a_type(text: str) -> None:
    assert institutions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a school's head after its name (校长): the school, not a …小学校
        ("县实验小学校长李华、县二中党支部书记张明作典型发言。", ["县实验小学", "县二中"]),
        # 城关镇, the county seat's town, has schools of its own
        (
            "会上,县第一中学、城关镇中心学校作交流发言。",
            ["县第一中学", "城关镇中心学校"],
        ),
        ("巴彦花苏木中心学校开展结对。", ["巴彦花苏木中心学校"]),
    ],
)
def test_schools_in_meeting_reports_and_towns(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "在市委市政府和省教育厅的正确领导下,全市教育取得新成效。",  # 厅 among the led-by bodies
        "县委县政府主要领导带头联系学校。",  # the leadership's heads
        "在州委州政府的坚强领导下,全州教育事业稳步发展。",
    ],
)
def test_the_leadership_in_its_formulae_is_no_actor(text: str) -> None:
    assert [name for name in institutions(text) if "教育厅" not in name] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，落实教育督导委员会职责。", ["教育督导委员会"]),  # a clause's verb before the body
        ("，加强县教育工作领导小组办公室建设。", ["县教育工作领导小组办公室"]),
        ("，县人民政府督导室开展专项督导。", ["县人民政府督导室"]),  # a government's office
        ("，县委深改委、县委政法委统筹推进。", ["县委深改委", "县委政法委"]),
    ],
)
def test_bodies_after_a_clause_verb_and_a_governments_offices(
    text: str, expected: list[str]
) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        # the leadership's care with its adverbs (将一如既往地, 继续)
        "市委、市政府将一如既往地关心支持教育事业。",
        "县委、县政府将继续高度重视教育工作。",
        # types: a place's private schools, a grade of school, a counted type
        "加强对博白县民办学校、县公办幼儿园的年检,创建自治区示范特色学校。",
        "全区共有幼儿园146所、小学128所、初级中学18所。",
    ],
)
def test_adverbs_of_the_leaderships_care_and_types_of_school(text: str) -> None:
    assert institutions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新建玉州区城站路小学、玉州区名山幼儿园。", ["玉州区城站路小学", "玉州区名山幼儿园"]),
        ("支持县民办育英学校规范发展。", ["县民办育英学校"]),  # 民办 opens the school's name
        (  # normal colleges named by their stage and grade
            "依托齐齐哈尔高等师范专科学校、贵阳幼儿师范高等专科学校开展培训。",
            ["齐齐哈尔高等师范专科学校", "贵阳幼儿师范高等专科学校"],
        ),
    ],
)
def test_schools_named_by_road_or_as_normal_colleges(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a school's own attached school
            "，县实验中学附属小学、县一中附属初中、县实验学校附设幼儿园开展衔接。",
            ["县实验中学附属小学", "县一中附属初中", "县实验学校附设幼儿园"],
        ),
        (  # the county's school of practice for its pupils, not every school of a level
            "，县中小学生综合实践学校、县中小学生体育运动学校。",
            ["县中小学生综合实践学校", "县中小学生体育运动学校"],
        ),
        ("，办好县中小学校,县中小学生运动会。", []),
    ],
)
def test_attached_schools_and_the_schools_for_all_pupils(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("严格落实局党委会“第一议题”制度。", []),  # the committee's meeting
        ("，局党委会同局行政研究部署。", ["局党委"]),  # 会同: the verb after the committee
        ("由县一完小牵头,县三完小配合。", ["县一完小", "县三完小"]),  # numbered 完全小学
    ],
)
def test_a_committees_meeting_and_numbered_full_primary_schools(
    text: str, expected: list[str]
) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "依托华东革命烈士陵园、沂蒙红嫂纪念馆建设思政教育实践基地。",
            ["华东革命烈士陵园", "沂蒙红嫂纪念馆"],
        ),
        ("组织学生参观焦裕禄纪念馆,赴井冈山革命博物馆研学。", ["焦裕禄纪念馆", "井冈山革命博物馆"]),
        ("用好革命纪念馆、当地博物馆等资源,走进红色场馆。", []),  # kinds of venue
    ],
)
def test_venues_of_other_sectors_named_by_their_own_name(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，区教育局机关党委开展主题党日。", [("区教育局机关党委", "party_body")]),
        ("，县直学校、村级小学、教学点。", []),  # a grade of school
    ],
)
def test_a_bureaus_office_committee_and_a_grade_of_school(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(name, kind) for _, _, name, kind in named_institutions(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，第一学区、东直门学区、和平里学区联合教研。", ["第一学区", "东直门学区", "和平里学区"]),
        ("，以北新桥学区为试点,在城关学区推广。", ["北新桥学区", "城关学区"]),
        # kinds and counts of district, a district's system, its leading school
        ("，深化学区制管理,推进大学区建设,各学区要落实。", []),
        ("，全区划分17个学区,城区学区、农村学区,学校所在学区,学区长学校。", []),
    ],
)
def test_school_districts_named_by_their_street_or_place(text: str, expected: list[str]) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "，市教育局基础教育处、省教育厅职业教育与成人教育处、区教委人事科负责。",
            ["市教育局基础教育处", "省教育厅职业教育与成人教育处", "区教委人事科"],
        ),
        ("，县教育局安全股牵头,市教育局科学安排。", ["县教育局安全股", "市教育局"]),
    ],
)
def test_a_bureaus_division_written_after_it_is_the_division(
    text: str, expected: list[str]
) -> None:
    assert sorted(institutions(text)) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "各旗区教育局,市直属各学校(单位):",  # 内蒙古's banners among the addressees
        "各盟市教育局:",
        "高新区、经开区社会事业局:",  # 经开区: a zone, no district's bureau
    ],
)
def test_banners_addressees_and_a_zones_bureau_name_no_districts_body(text: str) -> None:
    assert institutions(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("，与西南大学、长江师范学院合作。", ["西南大学", "长江师范学院"]),
        (
            "，依托长江职业学院开展培训,长江师范学院附属中学。",
            ["长江职业学院", "长江师范学院附属中学"],
        ),
        ("，高职学院、各师范院校、地方师范学院、部属师范大学。", []),  # kinds of college
        ("，新街口学区、新建学区。", ["新街口学区"]),
    ],
)
def test_colleges_and_districts_named_by_a_word_that_is_no_place(
    text: str, expected: list[str]
) -> None:
    assert sorted(institutions(text)) == sorted(expected)
