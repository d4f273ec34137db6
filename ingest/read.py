"""Stage 1, read: a file → RawDocument (decoded text, media type, encoding).

The format is decided by the file's content (magic bytes) before its extension, so a .txt that is
really a PDF or a binary is recognised. Text encodings are detected by charset-normalizer.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from charset_normalizer import from_bytes

from ingest.errors import ReadError
from ingest.models import RawDocument

TEXT = "text/plain"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUFFIXES = {".txt": TEXT, ".text": TEXT, ".html": HTML, ".htm": HTML, ".pdf": PDF, ".docx": DOCX}
# Encodings that Chinese work plans come in; the detector chooses among them.
CHINESE_ENCODINGS = ["gb18030", "big5", "utf_16", "utf_32"]


def read_document(path: Path) -> RawDocument:
    source = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot open the file ({error.strerror})", source=source) from error
    if not data.strip():
        raise ReadError("the file is empty", source=source)
    media_type = sniff(data, path.suffix.lower(), source=source)
    readers = {TEXT: _read_text, HTML: _read_html, PDF: _read_pdf, DOCX: _read_docx}
    return readers[media_type](data, source)


def sniff(data: bytes, suffix: str, *, source: str) -> str:
    if data.startswith(b"%PDF"):
        return PDF
    if data.startswith(b"PK\x03\x04"):
        if suffix not in ("", ".docx"):
            raise ReadError(f"a ZIP archive named {suffix}: not a work plan", source=source)
        return DOCX
    if suffix == ".docx":
        raise ReadError("not a .docx file (no ZIP signature): truncated or renamed", source=source)
    if suffix == ".pdf":
        raise ReadError("not a PDF file (no %PDF signature)", source=source)
    if suffix in SUFFIXES:
        return SUFFIXES[suffix]
    raise ReadError(
        f"unsupported file type {suffix or '(none)'}; use .txt, .docx, .pdf or .html", source=source
    )


def decode(data: bytes, *, source: str) -> tuple[str, str]:
    """(text, encoding). UTF-8 is self-validating, so it is tried strictly first."""
    try:
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        pass
    match = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if match is None or _looks_binary(str(match)):
        raise ReadError("not a text file: no Chinese text encoding fits its bytes", source=source)
    return str(match), match.encoding


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text[:4000] if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls > max(3, len(text[:4000]) // 100)


def _read_text(data: bytes, source: str) -> RawDocument:
    if b"\x00" in data[:4000] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("binary content in a text file", source=source)
    text, encoding = decode(data, source=source)
    if text.lstrip()[:200].lower().startswith(("<!doctype html", "<html")):
        return _read_html(data, source)
    return RawDocument(source=source, text=text, media_type=TEXT, encoding=encoding)


def _read_html(data: bytes, source: str) -> RawDocument:
    from bs4 import BeautifulSoup

    text, encoding = decode(data, source=source)
    soup = BeautifulSoup(text, "lxml")
    for tag in soup(["script", "style", "noscript", "iframe", "svg", "button", "select"]):
        tag.decompose()
    for cell in soup(["td", "th", "li", "br", "p", "div", "tr", "h1", "h2", "h3", "h4", "title"]):
        cell.insert_after("\n")
    body = soup.get_text()
    return RawDocument(source=source, text=body, media_type=HTML, encoding=encoding)


def _read_docx(data: bytes, source: str) -> RawDocument:
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(
            f"the .docx file is damaged or truncated ({error})", source=source
        ) from error
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(
                "".join(node.text or "" for node in block.iter() if node.tag.endswith("}t"))
            )
        elif tag == "tbl":
            lines += _table_cells(block)
    return RawDocument(source=source, text="\n".join(lines), media_type=DOCX)


def _table_cells(table: object) -> list[str]:
    cells = []
    for cell in table.iter():  # type: ignore[attr-defined]
        if cell.tag.endswith("}tc"):
            cells.append("".join(n.text or "" for n in cell.iter() if n.tag.endswith("}t")))
    return cells


def _read_pdf(data: bytes, source: str) -> RawDocument:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        text = extract_text(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ReadError("the PDF is encrypted: remove the password first", source=source) from error
    except PDFSyntaxError as error:
        raise ReadError(f"the PDF is damaged ({error})", source=source) from error
    if len("".join(text.split())) < 20:
        raise ReadError(
            "the PDF has no text layer (a scan?): run OCR first, e.g. "
            "`ocrmypdf -l chi_sim in.pdf out.pdf`",
            source=source,
        )
    return RawDocument(source=source, text=text, media_type=PDF)
