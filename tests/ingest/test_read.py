"""Readers on real files made from the sample plans (tests/fixtures/make_fixtures.py): every
format and encoding, and a one-line cause naming the file for what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
import zhconv

from graph.settings import REPO_ROOT
from ingest.errors import ReadError
from ingest.read import DOCX, HTML, PDF, TEXT, read_document

DOCUMENTS = REPO_ROOT / "tests" / "fixtures" / "documents"
CORPUS = REPO_ROOT / "corpus"
SAMPLE = CORPUS / "000_71bcee0016bde92e.txt"
TITLE = "中共阳城县教育工委 阳城县教育局 2022年工作要点"


def plan_text() -> str:
    return (DOCUMENTS / "plan_utf8.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("plan_utf8.txt", "utf-8"),
        ("plan_utf8_bom.txt", "utf-8-sig"),
        ("plan_gbk.txt", "gb18030"),
        ("short_gbk.txt", "gb18030"),
    ],
)
def test_text_fixture_decodes_to_the_sample(name: str, encoding: str) -> None:
    raw = read_document(DOCUMENTS / name)
    assert (raw.media_type, raw.encoding) == (TEXT, encoding)
    assert raw.text.startswith(TITLE) and raw.text.strip() in plan_text()


@pytest.mark.parametrize("name", ["plan_big5.txt", "short_big5.txt"])
def test_big5_fixture_decodes_to_traditional_text(name: str) -> None:
    raw = read_document(DOCUMENTS / name)
    assert raw.encoding == "big5"
    assert "中小學校黨組織領導的校長負責制" in raw.text


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_pure_utf8_file_is_always_read_as_utf8(path: Path) -> None:
    raw = read_document(path)
    assert raw.encoding == "utf-8" and raw.text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "big5", "utf-16"])
@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda path: path.name[:3])
def test_whole_sample_in_each_chinese_encoding(tmp_path: Path, path: Path, encoding: str) -> None:
    text = path.read_text(encoding="utf-8")
    if encoding == "big5":
        text = zhconv.convert(text, "zh-tw")
    text = text.encode(encoding, errors="ignore").decode(encoding)  # what the encoding can hold
    (tmp_path / "plan.txt").write_bytes(text.encode(encoding))
    assert read_document(tmp_path / "plan.txt").text == text


def test_docx_keeps_paragraphs_and_table_cells_in_document_order() -> None:
    raw = read_document(DOCUMENTS / "plan.docx")
    lines = raw.text.splitlines()
    assert raw.media_type == DOCX and lines[0] == TITLE
    heading = lines.index("1. 加强党的创新理论学习和教育宣传工作")
    assert lines[heading + 1 : heading + 5] == ["责任单位", "基础教育股", "完成时限", "2022年12月"]
    assert lines[heading + 6].startswith("目标任务：")


def test_pdf_text_layer_is_read() -> None:
    raw = read_document(DOCUMENTS / "plan.pdf")
    assert raw.media_type == PDF and raw.text.startswith(TITLE)
    assert "网络意识形态工作\n\n的决策部署" in raw.text  # joined later, by the normaliser


def test_html_page_drops_scripts_styles_and_navigation() -> None:
    raw = read_document(DOCUMENTS / "page.html")
    assert raw.media_type == HTML
    for code in [
        "_hmt",
        "统计代码",
        "font-size",
        "办事服务",
        "教育新闻",
        "县人民政府",
        "ICP备",
        "微博",
    ]:
        assert code not in raw.text


def test_html_page_reads_meta_tags_and_keeps_metadata_cells_on_their_own_lines() -> None:
    raw = read_document(DOCUMENTS / "page.html")
    assert raw.metadata["published_on"] == "2023-03-27 09:30"
    assert raw.metadata["page_title"] == "高台县2023年教育工作要点_部门文件"
    assert "\n文号：\n成文日期：\n2023年03月24日\n" in raw.text


def test_html_source_line_breaks_inside_a_paragraph_are_not_text() -> None:
    raw = read_document(DOCUMENTS / "page.html")
    assert "\n一、实施“培源强基”计划,打造高质量党建融合提升平台\n" in raw.text


def test_html_saved_with_a_txt_name_is_read_as_html(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes((DOCUMENTS / "page.html").read_bytes())
    assert read_document(path).media_type == HTML


@pytest.mark.parametrize(
    ("name", "cause"),
    [
        ("empty.txt", "the file is empty"),
        ("binary.txt", "not a text file"),
        ("truncated.docx", "damaged or truncated"),
        ("scan.pdf", "no text layer.*OCR.*ocrmypdf"),
        ("encrypted.pdf", "encrypted"),
    ],
)
def test_unreadable_fixture_gets_a_one_line_cause_naming_the_file(name: str, cause: str) -> None:
    with pytest.raises(ReadError, match=cause) as error:
        read_document(DOCUMENTS / name)
    assert str(error.value).startswith(f"{name}: ") and "\n" not in str(error.value)


@pytest.mark.parametrize(
    ("name", "content", "cause"),
    [
        ("blank.txt", b" \n\r\n\t", "the file is empty"),
        ("plan.xyz", "教育工作要点".encode(), "unsupported file type .xyz"),
        ("renamed.docx", "教育工作要点".encode(), "not a .docx file"),
        ("fake.pdf", b"not a pdf at all", "not a PDF"),
        ("old.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "Word 97-2003"),
        ("archive.txt", b"PK\x03\x04" + b"\x00" * 64, "ZIP archive"),
        ("zeros.docx", b"PK\x03\x04" + b"\x00" * 64, "damaged or truncated"),
        ("noise.txt", bytes(range(128, 256)) * 8, "not a text file"),
    ],
)
def test_unreadable_bytes_get_a_one_line_cause(
    tmp_path: Path, name: str, content: bytes, cause: str
) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(ReadError, match=cause) as error:
        read_document(tmp_path / name)
    assert str(error.value).startswith(f"{name}: ") and "\n" not in str(error.value)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="cannot open"):
        read_document(tmp_path / "absent.txt")


def test_gb18030_html_page_reads_like_its_utf8_original(tmp_path: Path) -> None:
    page = (DOCUMENTS / "page.html").read_text(encoding="utf-8").replace("utf-8", "gb18030")
    (tmp_path / "page.html").write_bytes(page.encode("gb18030"))
    raw = read_document(tmp_path / "page.html")
    assert raw.encoding == "gb18030"
    assert raw.text == read_document(DOCUMENTS / "page.html").text


def test_html_wrapper_classed_as_chrome_keeps_the_body(tmp_path: Path) -> None:
    page = (
        '<html><body><form id="form1"><div class="search"><div class="content">'
        "<p>2022年教育工作要点</p><p>一、总体要求</p></div></div>"
        '<div class="footer">版权所有：某县教育局</div></form></body></html>'
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "page.html").text == "2022年教育工作要点\n一、总体要求"


@pytest.mark.parametrize("size", [1_000_001, 5_000_000])
def test_a_text_longer_than_any_plan_gets_one_clear_line(tmp_path: Path, size: int) -> None:
    path = tmp_path / "archive.txt"
    path.write_text("教" * size, encoding="utf-8")
    with pytest.raises(ReadError, match=r"archive\.txt: .*\(at most 1,000,000 characters\)"):
        read_document(path)
