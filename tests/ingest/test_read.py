"""Readers on real files made from the sample plans: every format, every encoding, and clear
errors for what cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest
import zhconv

from graph.settings import REPO_ROOT
from ingest.errors import ReadError
from ingest.normalize import normalize
from ingest.read import read_document

SAMPLE = REPO_ROOT / "corpus" / "000_71bcee0016bde92e.txt"
WEB_PAGE = REPO_ROOT / "corpus" / "002_b9302f5c53e92b8b.txt"
CJK_FONT = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
PASSAGE = (
    "1. 加强党的创新理论学习和教育宣传工作\n"
    "目标任务：深入学习贯彻习近平新时代中国特色社会主义思想。"
)


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["gb18030", "gbk", "utf-8-sig", "utf-16"])
def test_text_in_any_chinese_encoding(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(sample_text().encode(encoding))
    raw = read_document(path)
    assert "阳城县教育局" in raw.text and raw.text.strip() == sample_text().strip()


def test_big5_text_reads_and_folds_to_simplified(tmp_path: Path) -> None:
    traditional = zhconv.convert(PASSAGE * 3, "zh-tw")
    path = tmp_path / "plan.txt"
    path.write_bytes(traditional.encode("big5", errors="ignore"))
    normalized = normalize(read_document(path))
    assert "學習" in normalized.text and "学习" in normalized.folded


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    for line in sample_text().splitlines()[:40]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "责任单位", "基础教育股"
    path = tmp_path / "plan.docx"
    document.save(path)
    raw = read_document(path)
    assert raw.text.index("阳教工字") < raw.text.index("基础教育股")


def test_html_page_keeps_metadata_and_drops_chrome(tmp_path: Path) -> None:
    rows = "".join(f"<p>{line}</p>" for line in sample_text().splitlines() if line.strip())
    page = (
        "<html><head><title>x</title><script>var a=1;</script></head><body>"
        "<div>您的位置: 首页>>政府信息公开</div>"
        "<table><tr><td>文号</td><td>阳教工字〔2022〕5号</td>"
        "<td>成文日期</td><td>2022-03-04</td></tr></table><div>字体:【 大 中 小】 打印</div>"
        f"{rows}<div>扫一扫在手机打开当前页</div></body></html>"
    )
    path = tmp_path / "plan.html"
    path.write_text(page, encoding="utf-8")
    normalized = normalize(read_document(path))
    assert normalized.metadata["doc_number"] == "阳教工字〔2022〕5号"
    assert normalized.metadata["issued_on"] == "2022-03-04"
    assert "扫一扫" not in normalized.text and "var a" not in normalized.text
    assert "加强党的创新理论学习和教育宣传工作" in normalized.text


def test_web_page_copy_as_text_keeps_its_metadata() -> None:
    normalized = normalize(read_document(WEB_PAGE))
    assert normalized.metadata["doc_number"] == "高教发〔2023〕1号"
    assert normalized.metadata["publisher"] == "高台县教育局"
    assert "字体" not in normalized.text and "您的位置" not in normalized.text


@pytest.mark.skipif(not CJK_FONT.exists(), reason="needs fonts-wqy-microhei to make the PDF")
def test_pdf_text_layer_is_read_and_lines_joined(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("wqy", fname=str(CJK_FONT))
    pdf.set_font("wqy", size=11)
    pdf.multi_cell(
        60,
        8,
        "（2）认真贯彻县委关于意识形态领域和网络意识形态工作的决策部署，牢牢把握意识形态工作领导权。",
    )
    path = tmp_path / "plan.pdf"
    pdf.output(str(path))
    normalized = normalize(read_document(path))
    assert "网络意识形态工作的决策部署" in normalized.text


def test_pdf_without_text_layer_names_ocr(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 100, 100, style="F")
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError, match="OCR"):
        read_document(path)


@pytest.mark.parametrize(
    ("name", "content", "cause"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", bytes(range(256)) * 20, "binary|not a text file"),
        ("plan.xyz", "教育工作要点".encode(), "unsupported file type"),
        ("broken.docx", b"PK\x03\x04" + b"\x00" * 50, "damaged or truncated"),
        ("fake.pdf", b"not a pdf at all", "not a PDF"),
    ],
)
def test_unreadable_files_get_a_one_line_cause(
    tmp_path: Path, name: str, content: bytes, cause: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ReadError, match=cause) as error:
        read_document(path)
    assert str(error.value).startswith(f"{name}: ") and "\n" not in str(error.value)


def test_fold_keeps_length_and_maps_forms() -> None:
    from ingest.normalize import fold

    text = "（1）中小學：ＡＢ１２　！"
    assert len(fold(text)) == len(text)
    assert fold(text) == "(1)中小学:AB12 !"
