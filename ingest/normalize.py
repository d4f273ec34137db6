"""Stage 2, normalize: RawDocument → NormalizedDocument.

Web-page chrome is dropped (its metadata kept), line breaks that cut a sentence are joined, and a
``folded`` twin of the text is computed: same length, full-width ASCII forms made half-width and
traditional characters made simplified, one character at a time, so that rules match on
``folded`` while every span still points into ``text``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
import zhconv

from ingest.errors import ParseError
from ingest.models import NormalizedDocument, RawDocument

CHROME_FILE = Path(__file__).parent / "data" / "web_chrome.yml"
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
_SPACES = {0xA0: " ", 0x3000: " "}
_TERMINAL = tuple("。；！？：;!?:…")
_ITEM_START = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．]|[①-⑳⑴-⒇]"
    r"|第[一二三四五六七八九十]+[部分章条项]|目标任务|工作措施|工作举措|主要措施|具体措施|附件)"
)
_TITLE_END = re.compile(r"(要点|通知|意见|方案|计划|报告|纪要|文件|公告)$")
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff\d])[ \t]+(?=[\u4e00-\u9fff\d])")
MIN_JOIN_LENGTH = 16


@dataclass(frozen=True, slots=True)
class ChromeRules:
    labels: dict[str, str]
    header_lines: int
    chrome: re.Pattern[str]
    label_pattern: re.Pattern[str]


@cache
def chrome_rules() -> ChromeRules:
    data = yaml.safe_load(CHROME_FILE.read_text(encoding="utf-8"))
    labels = data["metadata_labels"]
    names = "|".join(sorted(map(re.escape, labels), key=len, reverse=True))
    return ChromeRules(
        labels=labels,
        header_lines=int(data["header_lines"]),
        chrome=re.compile("|".join(f"(?:{p})" for p in data["chrome_lines"])),
        label_pattern=re.compile(rf"(?<![\u4e00-\u9fff])({names})\s*[:]?\s*"),
    )


@cache
def _simplified(char: str) -> str:
    converted = zhconv.convert(char, "zh-cn")
    return converted if len(converted) == 1 else char


def fold(text: str) -> str:
    """Full-width → half-width and traditional → simplified, character by character."""
    text = text.translate(_FULL_WIDTH).replace("\u3000", " ")
    if text.isascii():
        return text
    return "".join(_simplified(ch) if ord(ch) > 0x2E7F else ch for ch in text)


def normalize(raw: RawDocument) -> NormalizedDocument:
    lines = _clean_lines(raw.text, pdf=raw.media_type == "application/pdf")
    metadata = dict(raw.metadata)
    lines = _strip_chrome(lines, metadata)
    text = "\n".join(_join_broken_lines(lines, pdf=raw.media_type == "application/pdf"))
    folded = fold(text)
    if len(folded) != len(text):
        raise ParseError("folding changed the text's length", source=raw.source)
    return NormalizedDocument(source=raw.source, text=text, folded=folded, metadata=metadata)


def _clean_lines(text: str, *, pdf: bool) -> list[str]:
    text = text.translate(_INVISIBLE).translate(_SPACES)
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    if pdf:  # PDF extraction puts spaces around digits and between characters
        lines = [_CJK_GAP.sub("", line) for line in lines]
    return [re.sub(r"[ \t]{2,}", " ", line) for line in lines if line]


def _strip_chrome(lines: list[str], metadata: dict[str, str]) -> list[str]:
    rules = chrome_rules()
    kept: list[str] = []
    skip_next = False
    for index, line in enumerate(lines):
        folded = fold(line)
        in_header = index < rules.header_lines
        if skip_next:
            skip_next = False
            continue
        if rules.chrome.search(folded):
            continue
        if in_header and _is_metadata(folded, rules):
            skip_next = _read_metadata(folded, lines, index, rules, metadata)
            continue
        kept.append(line)
    return kept


def _is_metadata(folded: str, rules: ChromeRules) -> bool:
    """A line that is only labels and their values, e.g. '索引号: … 发布单位: 威海市教育局'."""
    first = rules.label_pattern.match(folded)
    return first is not None and (
        folded.strip() in rules.labels or ":" in folded[first.start() : first.end()]
    )


def _read_metadata(
    folded: str, lines: list[str], index: int, rules: ChromeRules, metadata: dict[str, str]
) -> bool:
    """Store the label/value pairs of a metadata line; True when the value is the next line."""
    if folded.strip() in rules.labels:
        following = fold(lines[index + 1]).strip() if index + 1 < len(lines) else ""
        plausible = len(following) <= 40 and not following.endswith(":")
        if following and plausible and not rules.label_pattern.match(following):
            _store(metadata, rules.labels[folded.strip()], following)
            return True
        return False
    found = list(rules.label_pattern.finditer(folded))
    for here, following in zip(found, [*found[1:], None], strict=True):
        value = folded[here.end() : following.start() if following else len(folded)].strip()
        _store(metadata, rules.labels[here.group(1)], value)
    return False


def _store(metadata: dict[str, str], key: str, value: str) -> None:
    if value and key not in metadata:
        dates = re.match(r"(\d{4})[-年/.](\d{1,2})[-月/.](\d{1,2})", value)
        metadata[key] = (
            f"{dates[1]}-{int(dates[2]):02d}-{int(dates[3]):02d}"
            if dates and key.endswith("_on")
            else value
        )


def _join_broken_lines(lines: list[str], *, pdf: bool = False) -> list[str]:
    joined: list[str] = []
    for line in lines:
        if joined and _continues(joined[-1], line, pdf=pdf):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _looks_like_heading(line: str) -> bool:
    """Short, without clause punctuation, and not a numbered measure: a heading, not a sentence."""
    folded = fold(line)
    return len(line) < 26 and not re.search(r"[，、,；;]", folded) and not folded.startswith("(")


def _continues(previous: str, line: str, *, pdf: bool = False) -> bool:
    """True when ``previous`` was cut in the middle of a sentence and ``line`` goes on with it.
    In a PDF every line is cut by the layout, so only punctuation and numbering stop a join."""
    if previous.endswith(_TERMINAL):
        return False
    if not pdf and (len(previous) < MIN_JOIN_LENGTH or _looks_like_heading(previous)):
        return False
    if _ITEM_START.match(fold(line)) or _TITLE_END.search(previous):
        return False
    return not fold(previous).rstrip().endswith((")", "】", "”"))
