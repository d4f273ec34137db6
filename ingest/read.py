"""Stage 1, read: a file → RawDocument (decoded text, media type, encoding, page metadata).

The format is decided by the file's content (magic bytes) before its extension, so a .txt that
is really a PDF, a Word 97 file or a binary is recognised. Text encodings are detected by
charset-normalizer; UTF-8 is tried strictly first because it validates itself.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ingest.errors import ReadError
from ingest.models import RawDocument
from ingest.normalize import chrome_rules

TEXT = "text/plain"
HTML = "text/html"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SUFFIXES = {".txt": TEXT, ".text": TEXT, ".html": HTML, ".htm": HTML, ".pdf": PDF, ".docx": DOCX}
# The encodings Chinese work plans come in without a BOM; the detector chooses between them.
CHINESE_ENCODINGS = ["gb18030", "big5"]
# charset-normalizer's default (0.2) turns down clean GBK lines with quotes and "1+X" in them.
MAX_MESS = 0.5
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 .doc, WPS .wps
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body)\b", re.I | re.S)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The longest text a plan may have. Work plans run to tens of thousands of characters; a text
# this long is a merged archive or the wrong file, and spaCy's own limit is a million.
MAX_CHARS = 1_000_000
# Real pages nest a few dozen elements deep; 100,000 nested <div>s made the reader run for minutes.
MAX_HTML_DEPTH = 1_000
# A .docx of a plan of MAX_CHARS characters unpacks to tens of MB; more, or XML packed more
# tightly than text ever is, is a zip bomb (a 3 MB file with a 1.2 GB member took 3.7 GB).
MAX_INFLATED_BYTES = 100 * 2**20
MAX_RATIO = 100
MAX_MEMBERS = 10_000


def read_document(path: Path) -> RawDocument:
    """Read one plan file; every failure is a ReadError naming the file and the cause."""
    source = path.name
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(f"cannot open the file ({error.strerror})", source=source) from error
    if not data.strip():
        raise ReadError("the file is empty", source=source)
    readers: dict[str, Callable[[bytes, str], RawDocument]] = {
        TEXT: _read_text,
        HTML: _read_html,
        PDF: _read_pdf,
        DOCX: _read_docx,
    }
    kind = sniff(data, path.suffix.lower(), source=source)
    if kind == TEXT and len(data) > 4 * MAX_CHARS:  # no encoding takes over 4 bytes a character
        raise _too_long(f"{len(data) / 2**20:.0f} MB of text", source)
    raw = readers[kind](data, source)
    if len(raw.text) > MAX_CHARS:
        raise _too_long(f"{len(raw.text):,} characters", source)
    return raw


def _too_long(size: str, source: str) -> ReadError:
    return ReadError(
        f"{size} is more than one work plan holds (at most {MAX_CHARS:,} characters): "
        "split the file into its plans",
        source=source,
    )


def sniff(data: bytes, suffix: str, *, source: str) -> str:
    """The media type, from the magic bytes first and the extension second."""
    if data.startswith(b"%PDF"):
        return PDF
    if data.startswith(_OLE2):
        raise ReadError("a Word 97-2003 (.doc/.wps) file: save it as .docx first", source=source)
    if data.startswith(b"PK\x03\x04"):
        if suffix not in ("", ".docx"):
            raise ReadError(f"a ZIP archive named {suffix}: not a work plan", source=source)
        return DOCX
    if suffix == ".docx":
        raise ReadError("not a .docx file (no ZIP signature): damaged or truncated", source=source)
    if suffix == ".pdf":
        raise ReadError("not a PDF file (no %PDF signature)", source=source)
    if suffix in SUFFIXES:
        return HTML if _HTML_START.match(data[:2048]) else SUFFIXES[suffix]
    raise ReadError(
        f"unsupported file type {suffix or '(none)'}; use .txt, .docx, .pdf or .html", source=source
    )


# --- text -----------------------------------------------------------------------------------


def decode(data: bytes, *, source: str) -> tuple[str, str]:
    """(text, encoding) of a plain-text or HTML file."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data, "utf-8-sig", source=source), "utf-8-sig"
    if data.startswith(_UTF16_BOMS):
        return _strict(data, "utf-16", source=source), "utf-16"
    if b"\x00" in data[:4096]:
        raise ReadError("not a text file: binary content (NUL bytes)", source=source)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    match = from_bytes(data, cp_isolation=CHINESE_ENCODINGS, threshold=MAX_MESS).best()
    if match is None or _looks_binary(str(match)):
        raise ReadError("not a text file: no Chinese text encoding fits its bytes", source=source)
    return str(match), match.encoding


def _strict(data: bytes, encoding: str, *, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise ReadError(f"invalid {encoding} text at byte {error.start}", source=source) from error


def _looks_binary(text: str) -> bool:
    head = text[:4000]
    controls = sum(1 for ch in head if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls > max(3, len(head) // 100)


def _read_text(data: bytes, source: str) -> RawDocument:
    text, encoding = decode(data, source=source)
    return RawDocument(source=source, text=text, media_type=TEXT, encoding=encoding)


# --- HTML -----------------------------------------------------------------------------------

# Not <form>: ASP.NET sites wrap the whole page in one.
_DROPPED_TAGS = ["script", "style", "noscript", "iframe", "svg", "button", "select", "nav"]
_BLOCK_TAGS = [
    *("p", "div", "br", "li", "tr", "td", "th", "table", "section", "article", "header"),
    *("footer", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "blockquote", "pre"),
]
_CJK_BREAK = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u9fff\uff00-\uffef])"
)


def _read_html(data: bytes, source: str) -> RawDocument:
    from bs4 import BeautifulSoup
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    text, encoding = decode(data, source=source)
    soup = BeautifulSoup(text, "lxml")
    depth = _nesting_depth(soup)
    if depth > MAX_HTML_DEPTH:
        raise ReadError(
            f"the HTML is nested {depth:,} elements deep (a work-plan page has at most "
            f"{MAX_HTML_DEPTH:,}): damaged or hostile, not read",
            source=source,
        )
    metadata = _html_meta(soup)
    if soup.title and soup.title.get_text(strip=True):
        metadata.setdefault("page_title", soup.title.get_text(strip=True))
    for tag in [*soup([*_DROPPED_TAGS, "title"]), *_chrome_elements(soup)]:
        if not tag.decomposed:
            tag.decompose()
    for node in soup.find_all(string=True):
        if isinstance(node, Comment | Declaration | Doctype | ProcessingInstruction):
            node.extract()
        elif node.parent is not None and node.parent.name != "pre":
            # Source line breaks inside a paragraph are layout, not text.
            node.replace_with(re.sub(r"\s+", " ", _CJK_BREAK.sub("", str(node))))
    lines = (line.strip() for line in _text_with_breaks(soup).split("\n"))
    body = "\n".join(line for line in lines if line)
    return RawDocument(
        source=source, text=body, media_type=HTML, encoding=encoding, metadata=metadata
    )


def _nesting_depth(soup: Any) -> int:
    """How deep elements nest, walked without recursion."""
    deepest = 0
    stack = [(soup, 0)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in getattr(node, "contents", ()) if child.name)
    return deepest


def _text_with_breaks(soup: Any) -> str:
    """The page's text with a line break after every block element, in one walk (inserting
    the breaks into the tree costs time quadratic in the nesting)."""
    from bs4.element import CData, NavigableString, Tag

    parts: list[str] = []
    stack: list[tuple[Any, bool]] = [(soup, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            parts.append("\n")
        elif isinstance(node, Tag):
            if node.name in _BLOCK_TAGS:
                stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) in (NavigableString, CData):
            parts.append(str(node))
    return "".join(parts)


def _chrome_elements(soup: Any) -> list[Any]:
    """Site header/footer outside the article, and blocks classed as navigation or sharing;
    never a block that holds most of the page's text (a mislabelled wrapper)."""
    words = chrome_rules().html_chrome_classes
    found = [tag for tag in soup(["header", "footer"]) if not tag.find_parent(["article", "main"])]
    for tag in soup.find_all(True):
        names = [*(tag.get("class") or []), tag.get("id") or ""]
        if any(name.lower() in words for name in names):
            found.append(tag)
    page_length = len(soup.get_text())
    return [tag for tag in found if len(tag.get_text()) < page_length / 2]


def _html_meta(soup: Any) -> dict[str, str]:
    names = chrome_rules().html_meta
    found: dict[str, str] = {}
    for tag in soup.find_all("meta", attrs={"name": True, "content": True}):
        key = names.get(tag["name"])
        if key and tag["content"].strip() and key not in found:
            found[key] = tag["content"].strip()
    return found


# --- DOCX -----------------------------------------------------------------------------------


def check_archive(data: bytes, *, source: str) -> None:
    """Refuse a ZIP whose members inflate to more than a work plan needs (a zip bomb): by the
    sizes the archive declares, then by the bytes actually inflated, which stop at the cap."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
        _check_declared(members, source)
        total = 0
        for member in members:
            total += _inflated_size(archive, member, MAX_INFLATED_BYTES - total, source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError) as error:
        raise ReadError(
            f"the .docx file is damaged or truncated ({error})", source=source
        ) from error
    except (ValueError, EOFError) as error:  # zlib errors on corrupt data
        raise ReadError(f"the .docx file is damaged ({error})", source=source) from error


def _check_declared(members: list[zipfile.ZipInfo], source: str) -> None:
    total = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or total > MAX_INFLATED_BYTES:
        raise _bomb(f"{len(members):,} parts, {total / 2**20:,.0f} MB unpacked", source)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 2**20 and ratio > MAX_RATIO:
            raise _bomb(f"{member.filename} unpacks {ratio:,.0f}× its packed size", source)


def _inflated_size(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, room: int, source: str
) -> int:
    inflated = 0
    with archive.open(member) as stream:
        while chunk := stream.read(2**20):
            inflated += len(chunk)
            if inflated > room or inflated > member.file_size:
                raise _bomb(f"{member.filename} unpacks to more than it declares", source)
    return inflated


def _bomb(detail: str, source: str) -> ReadError:
    return ReadError(
        f"refused as a zip bomb: {detail} (a work plan needs at most "
        f"{MAX_INFLATED_BYTES // 2**20} MB, packed at most {MAX_RATIO}:1)",
        source=source,
    )


def _read_docx(data: bytes, source: str) -> RawDocument:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    check_archive(data, source=source)
    try:
        document = Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as error:
        raise ReadError(
            f"the .docx file is damaged or truncated ({error})", source=source
        ) from error
    lines = list(_docx_lines(document.element.body))
    return RawDocument(source=source, text="\n".join(lines), media_type=DOCX)


def _docx_lines(body: Any) -> Iterator[str]:
    """Paragraphs and table cells in document order; one line per cell."""
    for block in body.iterchildren():
        if block.tag == f"{_W}p":
            yield _paragraph_text(block)
        elif block.tag == f"{_W}tbl":
            for cell in block.iter(f"{_W}tc"):
                yield " ".join(_paragraph_text(p) for p in cell.iterchildren(f"{_W}p"))
            yield ""


def _paragraph_text(paragraph: Any) -> str:
    parts = []
    for node in paragraph.iter(f"{_W}t", f"{_W}tab", f"{_W}br"):
        parts.append((node.text or "") if node.tag == f"{_W}t" else " ")
    return "".join(parts)


# --- PDF ------------------------------------------------------------------------------------


def _read_pdf(data: bytes, source: str) -> RawDocument:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        text = extract_text(io.BytesIO(data))
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ReadError(
            "the PDF is encrypted with a password: save an unprotected copy first", source=source
        ) from error
    except (PDFSyntaxError, PSException, ValueError, KeyError) as error:
        raise ReadError(f"the PDF is damaged ({error})", source=source) from error
    if len(re.sub(r"\s", "", text)) < 20:
        raise ReadError(
            "the PDF has no text layer (a scan?): run OCR on it first, e.g. "
            "`ocrmypdf -l chi_sim in.pdf out.pdf`",
            source=source,
        )
    return RawDocument(source=source, text=text, media_type=PDF)
