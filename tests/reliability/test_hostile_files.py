"""Issue 16 items 5 and 13: a zip bomb and a deeply nested page are refused with one line, in
bounded time and memory. The inputs are made at test time (../shared/repro/make_bad_inputs.py
makes the same shapes)."""

from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest

from ingest.errors import ReadError
from ingest.read import MAX_HTML_DEPTH, read_document

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
PARAGRAPH = ("<w:p><w:r><w:t>" + "教" * 330 + "</w:t></w:r></w:p>").encode()


def make_docx(path: Path, document_bytes: int) -> Path:
    """A .docx whose word/document.xml unpacks to about ``document_bytes`` bytes."""
    template_buffer = io.BytesIO()
    template = docx.Document()
    template.add_paragraph("沁县教育局2023年教育工作要点")
    template.save(template_buffer)
    parts = zipfile.ZipFile(template_buffer)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in parts.infolist():
            if item.filename != "word/document.xml":
                archive.writestr(item.filename, parts.read(item.filename))
                continue
            info = zipfile.ZipInfo("word/document.xml")
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as out:
                out.write(
                    f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>'.encode()
                )
                chunk, written = PARAGRAPH * 1000, 0
                while written < document_bytes:
                    out.write(chunk)
                    written += len(chunk)
                out.write(b"</w:body></w:document>")
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The probe's bomb: a few MB packed, one 1.2 GB member."""
    return make_docx(tmp_path_factory.mktemp("bomb") / "bomb.docx", 1_200_000_000)


def test_the_zip_bomb_is_refused_quickly_with_one_line(bomb: Path) -> None:
    started = time.monotonic()
    with pytest.raises(ReadError, match="zip bomb") as caught:
        read_document(bomb)
    assert time.monotonic() - started < 5
    assert "\n" not in str(caught.value)


def test_the_zip_bomb_costs_little_memory(bomb: Path) -> None:
    probe = (
        "import sys\nfrom pathlib import Path\nfrom ingest.read import read_document\n"
        "try:\n    read_document(Path(sys.argv[1]))\nexcept Exception as e:\n    print(e)\n"
        # VmHWM: the peak of this process's own memory (ru_maxrss would count the forked parent)
        "peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0]\n"
        "print(int(peak.split()[1]) // 1024)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, str(bomb)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert "zip bomb" in out[0]
    assert int(out[-1]) < 400, f"peak {out[-1]} MB"


def test_a_member_packed_tighter_than_text_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="zip bomb"):
        read_document(make_docx(tmp_path / "tight.docx", 30_000_000))


def test_an_ordinary_docx_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.docx"
    document = docx.Document()
    for line in ["沁县教育局2023年教育工作要点", "一、加强学前教育", "1. 新建幼儿园2所。"]:
        document.add_paragraph(line)
    document.save(str(path))
    assert "新建幼儿园2所" in read_document(path).text


def test_html_nested_100000_deep_is_refused_quickly(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    text = (
        "<html><body>" + "<div>" * 100_000 + "教育工作要点" + "</div>" * 100_000 + "</body></html>"
    )
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ReadError, match="nested"):
        read_document(path)
    assert time.monotonic() - started < 30


def test_html_just_inside_the_depth_limit_is_read_in_linear_time(tmp_path: Path) -> None:
    depth = MAX_HTML_DEPTH - 10
    wide = "".join(f"<p>第{i}条措施。</p>" for i in range(20_000))
    path = tmp_path / "deep_ok.html"
    path.write_text(
        "<html><body>"
        + "<div>" * depth
        + "沁县教育局2023年教育工作要点"
        + "</div>" * depth
        + wide
        + "</body></html>",
        encoding="utf-8",
    )
    started = time.monotonic()
    raw = read_document(path)
    assert time.monotonic() - started < 30
    lines = raw.text.splitlines()
    assert lines[0] == "沁县教育局2023年教育工作要点" and lines[-1] == "第19999条措施。"
    assert len(lines) == 20_001
