"""Property tests: arbitrary bytes and text (CJK, full-width punctuation, item numbering, 《》 and
“” quotes, traditional characters, control characters) never crash the readers, the normaliser,
the parser or the whole extraction; the only error they may raise is the project's own, every span
lies inside the text and cuts out its evidence, and extracting twice gives the same result."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from graph.settings import REPO_ROOT
from ingest.contract import to_contract
from ingest.errors import ParseError, PlanGraphError, ReadError
from ingest.models import Extraction, NormalizedDocument, ParsedDocument, RawDocument
from ingest.normalize import fold, normalize
from ingest.parse import parse
from ingest.pipeline import extract_raw
from ingest.read import DOCX, HTML, PDF, TEXT, read_document

PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MEDIA_TYPES = [TEXT, HTML, PDF, DOCX]

# --- strategies -----------------------------------------------------------------------------

FRAGMENTS = [
    *("一、", "二、", "十二、", "（一）", "（十）", "(二)", "1.", "2．", "12、", "３、", "19"),
    *("(1)", "（2）", "①", "②", "第一，", "目标任务：", "工作措施：", "主要措施："),
    *("（责任单位：基础教育股）", "牵头单位：县教育局", "配合单位：财政局、人社局", "；", "。"),
    *("《中华人民共和国家庭教育促进法》", "《", "》", "“双减”", "“", "”", "‘国培计划’"),
    *("中共阳城县教育工委 阳城县教育局", "2023年教育工作要点", "2022年工作要点", "瓮安县"),
    *("阳教工字〔2022〕5号", "2022年3月4日", "入学率达90%", "新建幼儿园2所", "不少于10个"),
    *(
        "巩固率达到９５％以上",
        "到2025年",
        "\r\n",
        "學校",
        "教師隊伍",
        "國家",
        "索引号：",
        "文号：",
        "【大 中 小】",
    ),
]
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
FULL_WIDTH = st.sampled_from(list("，。；：！？（）【】〔〕、“”‘’《》０１２３４５６７８９％　"))
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
BREAKS = st.sampled_from(["\n", "\n", "\r", "\t", " ", "\u3000", "\u200b", "\x0c"])
piece = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(alphabet=st.one_of(CJK, FULL_WIDTH, ASCII, BREAKS), min_size=1, max_size=25),
    st.text(max_size=4),  # anything, control characters included
)
line = st.lists(piece, max_size=6).map("".join)
plan_text = st.lists(line, max_size=25).map("\n".join)
# Text that XML (and so .docx) can hold on one paragraph.
paragraph = st.text(
    alphabet=st.one_of(
        CJK, FULL_WIDTH, ASCII, st.characters(blacklist_categories=("Cc", "Cs", "Co", "Cn"))
    ),
    max_size=40,
).filter(lambda text: "\ufffe" not in text and "\uffff" not in text)
MAGIC = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"]
MAGIC += [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"<html><body>", b"<!DOCTYPE html>"]


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.sampled_from(MAGIC)) + draw(st.binary(max_size=600))
    encoding = draw(st.sampled_from(["utf-8", "gb18030", "gbk", "big5", "utf-16"]))
    return draw(plan_text).encode(encoding, errors="ignore")


# --- helpers --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties")


def raw(text: str, media_type: str = TEXT) -> RawDocument:
    return RawDocument(source="plan.txt", text=text, media_type=media_type)


def normalized_or_skip(text: str, media_type: str = TEXT) -> NormalizedDocument:
    try:
        return normalize(raw(text, media_type))
    except ParseError:
        assume(False)
        raise


def assert_one_line_read_error(error: ReadError, name: str) -> None:
    assert str(error).startswith(f"{name}: ") and "\n" not in str(error)


def assert_structure_spans(parsed: ParsedDocument) -> None:
    text, folded = parsed.normalized.text, parsed.normalized.folded
    items = {g.id for g in parsed.goals} | {m.id for m in parsed.measures}
    assert len(items) == len(parsed.goals) + len(parsed.measures)
    for section in parsed.sections:
        assert 0 <= section.start <= section.end <= len(text)
        assert section.title.strip() in folded[section.start : section.end]
    for goal in parsed.goals:
        assert 0 <= goal.start <= goal.end <= len(text)
        assert goal.title in text[goal.start : goal.end]
        assert goal.text in text[goal.start : goal.end]
        assert goal.section is None or goal.section in {s.id for s in parsed.sections}
    for measure in parsed.measures:
        assert 0 <= measure.start <= measure.end <= len(text)
        assert text[measure.start : measure.end] == measure.text
        assert measure.goal is None or measure.goal in {g.id for g in parsed.goals}
    for note in parsed.responsibility_notes:
        assert 0 <= note.start < note.end <= len(text) and note.item in items
    span = parsed.meta.title_span
    if span is not None:
        assert 0 <= span.start <= span.end <= len(text)
        assert parsed.meta.title == " ".join(text[span.start : span.end].split())


def assert_extraction_spans(extraction: Extraction) -> None:
    parsed = extraction.parsed
    text = parsed.normalized.text
    assert_structure_spans(parsed)
    spans = {i.id: (i.start, i.end) for i in (*parsed.goals, *parsed.measures)}
    entities = [*extraction.projects, *extraction.policies, *extraction.institutions]
    mentions = [m for e in entities for m in e.mentions]
    mentions += [m for place in extraction.other_regions for m in place.mentions]
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        if mention.in_item is not None:
            start, end = spans[mention.in_item]
            assert start <= mention.start and mention.end <= end
    for target in extraction.targets:
        assert 0 <= target.start < target.end <= len(text)
        assert text[target.start : target.end] == target.text
        assert target.in_item is None or target.in_item in spans
    for duty in extraction.responsibilities:
        assert duty.item in spans
        if duty.start is not None and duty.end is not None:
            assert 0 <= duty.start < duty.end <= len(text)


# --- readers --------------------------------------------------------------------------------


@PROPERTY
@given(data=file_bytes(), suffix=st.sampled_from([".txt", ".html", ".htm", ".docx", ".pdf", ""]))
def test_reader_returns_text_or_a_one_line_read_error(
    folder: Path, data: bytes, suffix: str
) -> None:
    path = folder / f"input{suffix}"
    path.write_bytes(data)
    try:
        document = read_document(path)
    except ReadError as error:
        assert_one_line_read_error(error, path.name)
    else:
        assert isinstance(document.text, str)


@PROPERTY
@given(text=plan_text)
def test_utf8_text_file_reads_back_unchanged(folder: Path, text: str) -> None:
    data = text.encode("utf-8")
    assume(data.strip() and b"\x00" not in data[:4096] and not text.startswith("\ufeff"))
    assume(not text.lstrip().startswith("<"))  # an HTML page, read as such
    path = folder / "plan.txt"
    path.write_bytes(data)
    assert read_document(path).text == text


@PROPERTY
@given(lines=st.lists(line, max_size=15))
def test_html_page_never_crashes_the_reader(folder: Path, lines: list[str]) -> None:
    body = "".join(f"<p>{text}</p>" for text in lines)
    path = folder / "page.html"
    path.write_text(f"<html><head><title>t</title></head><body>{body}</body></html>", "utf-8")
    try:
        document = read_document(path)
    except ReadError as error:
        assert_one_line_read_error(error, path.name)
    else:
        assert document.media_type == HTML


@settings(PROPERTY, max_examples=40)
@given(paragraphs=st.lists(paragraph, min_size=1, max_size=8))
def test_docx_paragraphs_read_back_in_order(folder: Path, paragraphs: list[str]) -> None:
    document = DocxDocument()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path = folder / "plan.docx"
    path.write_bytes(buffer.getvalue())
    assert read_document(path).text == "\n".join(paragraphs)


# --- normaliser and parser ------------------------------------------------------------------


@PROPERTY
@given(text=plan_text, media_type=st.sampled_from(MEDIA_TYPES))
def test_normaliser_keeps_a_folded_twin_of_the_same_length(text: str, media_type: str) -> None:
    try:
        document = normalize(raw(text, media_type))
    except PlanGraphError:
        return
    assert len(document.folded) == len(document.text)
    assert document.folded == fold(document.text)
    assert normalize(raw(text, media_type)) == document


@PROPERTY
@given(text=plan_text, media_type=st.sampled_from(MEDIA_TYPES))
def test_parser_spans_lie_inside_the_text_and_cut_out_their_evidence(
    text: str, media_type: str
) -> None:
    document = normalized_or_skip(text, media_type)
    try:
        parsed = parse(document)
    except PlanGraphError:
        return
    assert_structure_spans(parsed)
    assert parse(document) == parsed


# --- the whole extraction -------------------------------------------------------------------


@PROPERTY
@given(text=plan_text, media_type=st.sampled_from(MEDIA_TYPES))
def test_extraction_spans_hold_and_it_is_deterministic(text: str, media_type: str) -> None:
    try:
        first = extract_raw(raw(text, media_type))
    except PlanGraphError:
        return
    assert_extraction_spans(first)
    assert to_contract(extract_raw(raw(text, media_type))) == to_contract(first)


@pytest.mark.parametrize("seeds", [("0", "1")])
def test_extraction_is_the_same_in_another_process(tmp_path: Path, seeds: tuple[str, str]) -> None:
    """Set iteration order changes with the hash seed; the output must not."""
    made = tmp_path / "made.txt"
    made.write_text(
        "中共某某县教育局\n2023年教育工作要点\n一、党建\n1.落实“双减”。（1）新建幼儿园2所。"
        "（责任单位：基础教育股、计财股）\n2.依据《家庭教育促进法》《教师法》，实施“国培计划”"
        "“县管校聘”“童语同音”计划。\n",
        encoding="utf-8",
    )
    paths = [*sorted((REPO_ROOT / "corpus").glob("*.txt")), made]
    outputs = []
    for seed in seeds:
        result = subprocess.run(
            [sys.executable, "-m", "ingest", "extract", *map(str, paths)],
            capture_output=True,
            text=True,
            cwd=REPO_ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            check=True,
        )
        outputs.append(result.stdout)
    assert outputs[0] == outputs[1] and outputs[0].count("\n") == len(paths)
