"""The normaliser on the sample plans and the fixture documents: chrome out and its metadata kept,
cut sentences joined, headings left alone, and the folded twin of the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ingest.normalize
from graph.settings import REPO_ROOT
from ingest.errors import ParseError
from ingest.models import NormalizedDocument, RawDocument
from ingest.normalize import fold, normalize
from ingest.read import PDF, TEXT, read_document

CORPUS = REPO_ROOT / "corpus"
DOCUMENTS = REPO_ROOT / "tests" / "fixtures" / "documents"
SAMPLES = sorted(CORPUS.glob("*.txt"))


def sample(prefix: str) -> NormalizedDocument:
    return normalize(read_document(next(CORPUS.glob(f"{prefix}_*.txt"))))


def fixture(name: str) -> NormalizedDocument:
    return normalize(read_document(DOCUMENTS / name))


def text_of(lines: str, *, media_type: str = TEXT) -> str:
    return normalize(RawDocument(source="t", text=lines, media_type=media_type)).text


# --- joining --------------------------------------------------------------------------------


@pytest.mark.parametrize("document", [sample("000"), fixture("plan.pdf")], ids=["txt", "pdf"])
def test_sentence_cut_by_a_line_break_is_joined(document: NormalizedDocument) -> None:
    assert "(2) 认真贯彻县委关于意识形态领域和网络意识形态工作的决策部署，牢牢把握" in document.text


def test_sentence_cut_in_a_news_report_is_joined() -> None:
    assert "确保全市儿童青少年总体近视率下降1个百分点" in sample("003").text


@pytest.mark.parametrize(
    ("prefix", "line"),
    [
        ("000", "中共阳城县教育工委 阳城县教育局 2022年工作要点"),
        ("000", "一、加强党的全面领导，坚守初心铸魂育人"),
        ("000", "1. 加强党的创新理论学习和教育宣传工作"),
        ("000", "工作措施："),
        ("001", "瓮安县2022年教育工作要点"),
        ("002", "高台县2023年教育工作要点"),
        ("003", "加强党对教育事业的全面领导"),
        ("003", "全面加强教师队伍建设"),
        ("004", "2022年工作要点"),
        ("004", "一、坚持和加强党对教育工作的全面领导"),
    ],
)
def test_titles_and_headings_stay_lines_of_their_own(prefix: str, line: str) -> None:
    assert line in sample(prefix).text.split("\n")


def test_news_headline_is_not_glued_onto_the_report_below_it() -> None:
    lines = sample("003").text.split("\n")
    report = next(line for line in lines if line.startswith("4月19日,市教育局召开2022年全市"))
    assert lines[lines.index(report) - 1].endswith("会议召开")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            "总体要求\n坚持立德树人，办好人民满意的教育。",
            "总体要求\n坚持立德树人，办好人民满意的教育。",
        ),
        (
            "（1）完善控辍保学工作机制，落实“一生一案”\n（2）推进课后服务",
            "（1）完善控辍保学工作机制，落实“一生一案”\n（2）推进课后服务",
        ),
        (
            "深化“县管校聘”改革，启动校长职级制改革，\n提升教师专业素养。",
            "深化“县管校聘”改革，启动校长职级制改革，提升教师专业素养。",
        ),
        (
            "各校要认真贯彻县委关于意识形态工作，严格落实\n的决策部署。",
            "各校要认真贯彻县委关于意识形态工作，严格落实的决策部署。",
        ),
        (
            "各校要深化“县管校聘”改革启动校长职级制改革\n1.提升教师专业素养。",
            "各校要深化“县管校聘”改革启动校长职级制改革\n1.提升教师专业素养。",
        ),
        ("(1)\n开展迎接党的二十大专项行动。", "(1)开展迎接党的二十大专项行动。"),
    ],
    ids=[
        "short-heading",
        "next-is-item",
        "cut-after-comma",
        "cut-mid-phrase",
        "next-is-numbered",
        "bare-number",
    ],
)
def test_join_decision(lines: str, expected: str) -> None:
    assert text_of(lines) == expected


def test_pdf_line_running_to_the_margin_is_joined_even_without_punctuation() -> None:
    page = (
        "一、总体要求\n深入学习贯彻习近平新时代中国特色社会主义思想全面贯彻党的教育方针落实\n"
        "立德树人根本任务，办好人民满意的教育。\n（一）加强党的建设\n"
    )
    assert text_of(page, media_type=PDF).split("\n") == [
        "一、总体要求",
        "深入学习贯彻习近平新时代中国特色社会主义思想全面贯彻党的教育方针落实立德树人根本任务，"
        "办好人民满意的教育。",
        "（一）加强党的建设",
    ]


# --- spaces ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2024 年 教育 工作 要点", "2024年教育工作要点"),
        ("入学率达到 95 % 以上 ，", "入学率达到95 % 以上，"),
        ("中共某某县教育工作委员会 某某县教育局", "中共某某县教育工作委员会 某某县教育局"),
    ],
)
def test_pdf_spaces_between_cjk_characters_and_digits_go(line: str, expected: str) -> None:
    assert text_of(line, media_type=PDF) == expected


def test_spaces_between_cjk_runs_stay_outside_pdfs() -> None:
    assert text_of("2024 年 教育 工作 要点") == "2024 年 教育 工作 要点"


def test_edge_spaces_blank_lines_and_invisible_characters_go() -> None:
    assert (
        text_of("  一、总体要求 \u3000\n\n\n\n\u200b二、主要任务\t \n")
        == "一、总体要求\n二、主要任务"
    )


def test_page_numbers_are_dropped_from_pdfs_only() -> None:
    page = "一、总体要求\n- 2 -\n第 3 页 共 9 页\n二、主要任务"
    assert text_of(page, media_type=PDF) == "一、总体要求\n二、主要任务"
    assert "- 2 -" in text_of(page)


# --- chrome and metadata --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "key", "value"),
    [
        ("002", "doc_number", "高教发〔2023〕1号"),
        ("002", "publisher", "高台县教育局"),
        ("002", "index_no", "620724017/2023-00050"),
        ("002", "generated_on", "2023-03-24"),
        ("004", "issued_on", "2022-04-08"),
        ("004", "publisher", "威海市教育局"),
        ("004", "index_no", "113710000043592137/2022-02286"),
        ("004", "scope", "面向社会"),
    ],
)
def test_web_page_metadata_is_kept(prefix: str, key: str, value: str) -> None:
    assert sample(prefix).metadata[key] == value


def test_empty_doc_number_swallows_nothing() -> None:
    document = sample("004")
    assert "doc_number" not in document.metadata
    assert document.text.startswith("中共威海市委教育工作委员会 威海市教育局2022年工作要点\n")


@pytest.mark.parametrize(
    ("prefix", "chrome"),
    [
        ("002", "您的位置"),
        ("002", "字体"),
        ("002", "索引号"),
        ("002", "620724017/2023-00050"),
        ("002", "生成日期"),
        ("002", "扫一扫"),
        ("004", "当前位置"),
        ("004", "> 政府信息公开"),
        ("004", "成文日期"),
        ("004", "时间: 10:44"),
        ("004", "点击次数"),
    ],
)
def test_web_page_chrome_is_removed(prefix: str, chrome: str) -> None:
    assert chrome not in sample(prefix).text


@pytest.mark.parametrize("prefix", ["002", "004"])
def test_chrome_removal_keeps_the_body(prefix: str) -> None:
    raw = read_document(next(CORPUS.glob(f"{prefix}_*.txt")))
    items = [line for line in raw.text.splitlines() if re.match(r"\d{1,2}\.", line)]
    assert len(items) >= 25
    assert all(item.strip() in sample(prefix).text for item in items)


def test_html_page_chrome_goes_and_its_metadata_stays() -> None:
    document = fixture("page.html")
    # the publisher line stays: the plan's text never names 县教育局, the line is its evidence
    assert document.text.startswith(
        "发布机构：\n县教育局\n高台县2023年教育工作要点\n2023年是深入贯彻落实党的二十大精神"
    )
    for chrome in ["您的位置", "打印本页", "扫一扫", "上一篇", "网站标识码", "索引号"]:
        assert chrome not in document.text
    assert document.metadata["publisher"] == "县教育局"
    assert document.metadata["issued_on"] == "2023-03-24"
    assert "doc_number" not in document.metadata


SPACED_OUT_PAGE = """首页 > 政务公开 > 政府信息公开 > 部门文件
索 引 号：11370000/2022-00012\u3000\u3000主题分类：教育
发文机关：某某市教育局\u3000\u3000成文日期：2022年02月15日
标\u3000\u3000题：某某市教育局关于印发2022年全市教育工作要点的通知
发文字号：某教发〔2022〕5号\u3000\u3000发布日期：2022年02月18日
【字体：大 中 小】  【打印】  【关闭】
某某市教育局关于印发2022年全市教育工作要点的通知
各区县教育局：
分享到：
浏览次数：1234
上一篇：关于做好寒假工作的通知
"""


def test_metadata_table_with_spaced_out_labels_is_read() -> None:
    document = normalize(RawDocument(source="t", text=SPACED_OUT_PAGE, media_type=TEXT))
    assert document.metadata == {
        "index_no": "11370000/2022-00012",
        "category": "教育",
        "publisher": "某某市教育局",
        "issued_on": "2022-02-15",
        "title": "某某市教育局关于印发2022年全市教育工作要点的通知",
        "doc_number": "某教发〔2022〕5号",
        "published_on": "2022-02-18",
        "page": "首页 > 政务公开 > 政府信息公开 > 部门文件",  # the breadcrumb, a cue to the region
    }
    assert document.text == "某某市教育局关于印发2022年全市教育工作要点的通知\n各区县教育局："


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("文号: 某教发〔2022〕3号\n正文", {"doc_number": "某教发〔2022〕3号"}),
        ("文号\n某教发〔2022〕3号\n正文", {"doc_number": "某教发〔2022〕3号"}),
        ("文号:\n关于印发2022年教育工作要点的通知", {}),
        ("发布日期: 2022年4月8日", {"published_on": "2022-04-08", "issued_on": "2022-04-08"}),
        (
            "成文日期: 2022-03-01 发布日期: 2022-04-08",
            {"issued_on": "2022-03-01", "published_on": "2022-04-08"},
        ),
        ("来源: 市教育局 浏览次数: 120", {"origin": "市教育局", "views": "120"}),
    ],
    ids=["same-line", "next-line", "empty-before-title", "published", "issued-first", "pairs"],
)
def test_metadata_label_forms(header: str, expected: dict[str, str]) -> None:
    assert normalize(RawDocument(source="t", text=header, media_type=TEXT)).metadata == expected


@pytest.mark.parametrize(
    "line",
    [
        "分享优质教育资源，扩大优质资源覆盖面。",
        "规范中小学作业、考试试卷的印刷打印",
        "当前位置偏远的学校要配齐校车。",
        "字体规范书写比赛在全县中小学开展。",
    ],
)
def test_body_lines_that_look_like_chrome_stay(line: str) -> None:
    assert text_of(line) == line


# --- fold -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（1）", "(1)"),
        ("中小學", "中小学"),
        ("责任单位：教育股；", "责任单位:教育股;"),
        ("ＡＢ１２\u3000！", "AB12 !"),
        ("。、《》“”‘’〔〕【】", "。、《》“”‘’〔〕【】"),
    ],
)
def test_fold_maps_forms_char_by_char(text: str, expected: str) -> None:
    assert fold(text) == expected


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0xFFEF)))
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    assert len(fold(text)) == len(text) and fold(fold(text)) == fold(text)


def test_fold_is_idempotent_on_every_cjk_character() -> None:
    every = "".join(map(chr, range(0x3400, 0xA000)))
    assert fold(fold(every)) == fold(every)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda path: path.name[:3])
def test_folded_text_has_the_length_of_the_text(path: Path) -> None:
    document = normalize(read_document(path))
    assert len(document.folded) == len(document.text) and document.folded == fold(document.text)


def test_broken_fold_invariant_is_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest.normalize, "fold", lambda text: text[1:])
    with pytest.raises(ParseError, match="length"):
        normalize(RawDocument(source="t.txt", text="教育工作要点", media_type=TEXT))


# --- idempotence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [*SAMPLES, DOCUMENTS / "plan.pdf", DOCUMENTS / "page.html", DOCUMENTS / "plan.docx"],
    ids=lambda path: path.name[:8],
)
def test_normalizing_twice_changes_nothing(path: Path) -> None:
    once = normalize(read_document(path))
    raw = RawDocument(source=once.source, text=once.text, media_type=read_document(path).media_type)
    assert normalize(raw).text == once.text


def _normalized(lines: str) -> NormalizedDocument:
    return normalize(RawDocument(source="t", text=lines, media_type=TEXT))


@pytest.mark.parametrize(
    ("page", "kept"),
    [
        ("信息来源：党工委办\n某县2024年教育工作要点\n一、加强党建", True),
        ("发布机构：某县教育局\n某县教育局2024年工作要点\n一、加强党建", False),
        ("索引号：1137/2022-01\n某县2024年教育工作要点\n一、加强党建", False),
    ],
)
def test_a_page_line_stays_when_it_alone_names_a_body(page: str, kept: bool) -> None:
    document = _normalized(page)
    assert document.text.startswith(page.splitlines()[0]) is kept


def test_a_page_table_saved_as_text_gives_clean_values() -> None:
    document = _normalized(
        "发布机构: | 某区教委 | 发布日期: | 2022-04-29 |\n某区2022年教育工作要点"
    )
    assert document.metadata["publisher"] == "某区教委"
    assert document.metadata["published_on"] == "2022-04-29"


def test_a_site_footer_is_chrome_and_names_no_unit() -> None:
    page = "2024年教育工作要点\n一、加强党建\n主办单位：房县教育局  技术支持：某某科技有限公司\n"
    document = normalize(RawDocument(source="t", text=page, media_type=TEXT))
    assert "技术支持" not in document.text and "主办单位" not in document.text
