"""Structure of a plain plan (ingest/parse.py): goals, a 工作措施 block, responsibility annotations
in every form the conventions list, and the signature under the last item."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import written_plan

from ingest.models import ParsedDocument
from ingest.normalize import normalize
from ingest.parse import parse
from ingest.read import read_document

PLAN = """青山县教育局2024年教育工作要点

一、目标任务
1.学前三年毛入园率达到92%。
2.新建幼儿园2所。

二、工作措施
1.推进学前教育普及普惠。扩大公办学前教育资源，新建城区幼儿园2所。
（责任单位：基础教育股、计财股）
2.加强教师队伍建设。实施县管校聘改革。〔责任股室：人事股；配合单位：教研室〕
3.深化课后服务。牵头单位：基础教育股 协同单位：各中小学

青山县教育局
2024年2月20日
"""


@pytest.fixture(scope="module")
def parsed(tmp_path_factory: pytest.TempPathFactory) -> ParsedDocument:
    path = tmp_path_factory.mktemp("plain") / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    return parse(normalize(read_document(Path(path))))


def test_goals_are_the_numbered_items_of_the_goal_block(parsed: ParsedDocument) -> None:
    goals = [(g.number, g.title) for g in parsed.goals]
    assert goals[:2] == [("1", "学前三年毛入园率达到92%"), ("2", "新建幼儿园2所")]


def test_items_under_a_measures_heading_are_measures_not_goals(parsed: ParsedDocument) -> None:
    block = parsed.goals[-1]
    assert (block.number, block.title) == (None, "工作措施")
    assert [m.text for m in parsed.measures if m.goal == block.id] == [
        "推进学前教育普及普惠。扩大公办学前教育资源，新建城区幼儿园2所。",
        "加强教师队伍建设。实施县管校聘改革。",
        "深化课后服务。",
    ]


def test_annotations_and_the_signature_are_not_measures(parsed: ParsedDocument) -> None:
    texts = " ".join(m.text for m in parsed.measures)
    for word in ("责任单位", "责任股室", "牵头单位", "〔", "青山县教育局", "2024年2月20日"):
        assert word not in texts


def units_by_measure(parsed: ParsedDocument) -> set[tuple[int, str, str]]:
    """(measure number, unit, role) for every unit the annotations name."""
    order = {m.id: n for n, m in enumerate(parsed.measures, start=1)}
    return {
        (order[note.item], name, note.role)
        for note in parsed.responsibility_notes
        for name in note.names
    }


def parse_plan(tmp_path: Path, text: str) -> ParsedDocument:
    return parse(normalize(read_document(written_plan(tmp_path, text))))


def test_every_annotation_form_gives_its_units_and_roles(parsed: ParsedDocument) -> None:
    assert units_by_measure(parsed) == {
        (1, "基础教育股", "lead"),
        (1, "计财股", "lead"),
        (2, "人事股", "lead"),
        (2, "教研室", "support"),
        (3, "基础教育股", "lead"),
        (3, "各中小学", "support"),
    }


RESPONSIBILITY_FORMS = """青山县教育局2024年教育工作要点

一、重点工作
1.推进学前教育。新建幼儿园2所。（牵头单位：县教育局；责任单位：各乡镇人民政府）
2.加强教师队伍。实施县管校聘。责任单位：县教育局（牵头），县财政局、县人社局
3.深化课后服务。推进课后服务提质。（责任单位：县教育局 县财政局）
4.改善办学条件。推进薄弱学校改造。【责任单位】县教育局、县发改局
5.加强安全管理。开展隐患排查。（县教育局牵头，县公安局、县应急局配合）
6.推进教育督导。开展督导评估。（县政府教育督导室负责）
7.强化学校体育。开展阳光体育运动。牵头领导：张三 责任单位：体卫艺股
8.推进集团化办学。组建教育集团。【牵头单位】基教股【配合单位】人事股
9.推进信息化建设。建设智慧校园。（牵头股室：电教馆，责任人：李四）
10.抓好艺术教育。开展艺术展演。（主办：体卫艺股；协办：基教股）
"""


def test_labelled_inline_and_marked_annotations_name_lead_and_support(tmp_path: Path) -> None:
    parsed = parse_plan(tmp_path, RESPONSIBILITY_FORMS)
    assert units_by_measure(parsed) == {
        (1, "县教育局", "lead"),
        (1, "各乡镇人民政府", "lead"),
        (2, "县教育局", "lead"),
        (2, "县财政局", "support"),
        (2, "县人社局", "support"),
        (3, "县教育局", "lead"),
        (3, "县财政局", "lead"),
        (4, "县教育局", "lead"),
        (4, "县发改局", "lead"),
        (5, "县教育局", "lead"),
        (5, "县公安局", "support"),
        (5, "县应急局", "support"),
        (6, "县政府教育督导室", "lead"),
        (7, "体卫艺股", "lead"),
        (8, "基教股", "lead"),
        (8, "人事股", "support"),
        (9, "电教馆", "lead"),
        (10, "体卫艺股", "lead"),
        (10, "基教股", "support"),
    }
    measures = [m.text for m in parsed.measures]
    assert measures[6] == "开展阳光体育运动。"  # the person named is no part of it
    assert measures[8] == "建设智慧校园。"
    assert not any("单位" in m or "牵头" in m or "负责" in m for m in measures)


def test_a_bureau_named_with_two_remits_is_one_unit(tmp_path: Path) -> None:
    parsed = parse_plan(
        tmp_path,
        "二、重点任务\n1.保障用地。落实学校建设用地。"
        "（责任单位：州自然资源和规划局、州住房和城乡建设局、县教育局和县财政局）\n",
    )
    units = {unit for _, unit, _ in units_by_measure(parsed)}
    assert units == {"州自然资源和规划局", "州住房和城乡建设局", "县教育局", "县财政局"}


def test_the_levels_in_a_units_own_brackets_stay_in_the_unit(tmp_path: Path) -> None:
    parsed = parse_plan(
        tmp_path,
        "二、重点任务\n1.扩大资源。新建公办幼儿园30所。"
        "（责任单位：州教育体育局、州财政局，各县（市、区）人民政府）\n"
        "2.推进普通话。开展学前学会普通话行动。（牵头单位：各乡（镇）人民政府；配合单位：州妇联）\n"
        "3.深化课后服务。推进提质扩面。责任单位：县教育局、各中小学校（幼儿园）\n",
    )
    assert units_by_measure(parsed) == {
        (1, "州教育体育局", "lead"),
        (1, "州财政局", "lead"),
        (1, "各县(市、区)人民政府", "lead"),
        (2, "各乡(镇)人民政府", "lead"),
        (2, "州妇联", "support"),
        (3, "县教育局", "lead"),
        (3, "各中小学校(幼儿园)", "lead"),
    }


def test_deadlines_people_and_slashes_in_notes_are_no_units(tmp_path: Path) -> None:
    parsed = parse_plan(
        tmp_path,
        "一、重点工作\n"
        "1.加强队伍。实施县管校聘。（牵头股室：人事股 配合股室：计财股、教研室 "
        "时间节点：6月底前）\n"
        "2.推进信息化。建设智慧校园10所。\n责任单位：电教站\n完成时间：2024年10月\n"
        "3.办好特殊教育。提升残疾儿童入学率。（责任单位：特教股/县特殊教育学校）\n"
        "4.深化课后服务。推进提质扩面。（责任单位：县教育局，完成时限：2024年12月）\n",
    )
    assert units_by_measure(parsed) == {
        (1, "人事股", "lead"),
        (1, "计财股", "support"),
        (1, "教研室", "support"),
        (2, "电教站", "lead"),
        (3, "特教股", "lead"),
        (3, "县特殊教育学校", "lead"),
        (4, "县教育局", "lead"),
    }
    assert [m.text for m in parsed.measures] == [
        "实施县管校聘。",
        "建设智慧校园10所。",  # the deadline on its own line is no measure
        "提升残疾儿童入学率。",
        "推进提质扩面。",
    ]


def test_bare_labels_and_notes_on_lines_of_their_own_belong_to_the_measure(
    tmp_path: Path,
) -> None:
    parsed = parse_plan(
        tmp_path,
        "一、重点工作\n"
        "1.加强队伍。实施县管校聘。（牵头：人事股；配合：计财股、教研室）\n"
        "2.深化课后服务。推进提质扩面。责任主体：各中小学校\n"
        "3.强化安全管理。开展隐患排查。\n牵头单位：安全股\n配合单位：办公室、后勤服务中心\n",
    )
    assert units_by_measure(parsed) == {
        (1, "人事股", "lead"),
        (1, "计财股", "support"),
        (1, "教研室", "support"),
        (2, "各中小学校", "lead"),
        (3, "安全股", "lead"),
        (3, "办公室", "support"),
        (3, "后勤服务中心", "support"),
    }
    assert [m.text for m in parsed.measures] == [
        "实施县管校聘。",
        "推进提质扩面。",
        "开展隐患排查。",
    ]


def test_a_ratio_colon_and_a_full_stop_after_the_units_are_read_as_punctuation(
    tmp_path: Path,
) -> None:
    parsed = parse_plan(
        tmp_path,
        "一、重点工作\n1.推进学前教育。新建幼儿园2所。（责任单位∶基础教育股）\n"
        "2.深化课后服务。推进提质扩面。责任单位：县教育局。\n",
    )
    assert units_by_measure(parsed) == {
        (1, "基础教育股", "lead"),
        (2, "县教育局", "lead"),
    }


@pytest.mark.parametrize(
    ("opening", "year"),
    [
        ("某某市教育事业发展规划\n到2025年，全市学前教育毛入园率达到95%。2022年是开局之年。", 2022),
        ("某某市教育事业发展规划\n展望2035年远景目标，至2027年建成教育强市。", None),
    ],
)
def test_a_deadline_or_a_horizon_is_not_the_plans_year(
    tmp_path: Path, opening: str, year: int | None
) -> None:
    assert parse_plan(tmp_path, opening).meta.year == year
