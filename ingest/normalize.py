"""Stage 2, normalize: RawDocument → NormalizedDocument.

Web-page chrome is dropped (its metadata kept), line breaks that cut a sentence are joined, and a
``folded`` twin of the text is computed: same length, full-width ASCII forms made half-width and
traditional characters made simplified, one character at a time, so that rules match on
``folded`` while every span still points into ``text``.

Chrome patterns live in ``data/web_chrome.yml``, line-joining cues in ``data/line_breaks.yml``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
import zhconv

from ingest.errors import ConfigError, ParseError
from ingest.models import NormalizedDocument, RawDocument

DATA = Path(__file__).parent / "data"
CHROME_FILE = DATA / "web_chrome.yml"
LINE_BREAKS_FILE = DATA / "line_breaks.yml"
PDF = "application/pdf"

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2002\u2003\u2009\u3000\t"), " ")
_CLEANING = str.maketrans({**_INVISIBLE, **_SPACES})
_CJK = "\u3400-\u9fff\uf900-\ufaff"
_CJK_OR_DIGIT = re.compile(rf"[{_CJK}\d\u3000-\u303f\uff01-\uff5e“”‘’]")
_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


# --- fold -----------------------------------------------------------------------------------


class _FoldTable(dict[int, int]):
    """``str.translate`` table filled on first sight of each character."""

    def __missing__(self, code: int) -> int:
        folded = _fold_char(code)
        self[code] = folded
        return folded


# Look-alikes some copies write for ASCII punctuation: ∶ (ratio) and the small forms ﹕﹐﹔﹙﹚.
_LOOKALIKES = {0x2236: ":", 0xFE55: ":", 0xFE50: ",", 0xFE54: ";", 0xFE59: "(", 0xFE5A: ")"}


def _fold_char(code: int) -> int:
    if code in _LOOKALIKES:
        return ord(_LOOKALIKES[code])
    if 0xFF01 <= code <= 0xFF5E:
        return code - 0xFEE0
    if code == 0x3000:
        return 0x20
    if code < 0x2E80:
        return code
    simplified = zhconv.convert(chr(code), "zh-cn")
    # Only one-to-one mappings keep the length; a second pass must change nothing.
    if len(simplified) != 1 or len(zhconv.convert(simplified, "zh-cn")) != 1:
        return code
    return ord(zhconv.convert(simplified, "zh-cn"))


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Full-width → half-width, U+3000 → space, look-alike punctuation → ASCII, traditional →
    simplified, char by char."""
    return text.translate(_FOLD_TABLE)


def _fold_lines(lines: list[str]) -> list[str]:
    """fold() of each line, in one pass over the text."""
    return fold("\n".join(lines)).split("\n") if lines else []


# --- rules ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChromeRules:
    labels: dict[str, str]
    label_pattern: re.Pattern[str]
    value_patterns: dict[str, re.Pattern[str]]
    fallbacks: dict[str, list[str]]
    max_value_length: int
    header_lines: int
    chrome: re.Pattern[str]
    page_cues: re.Pattern[str]
    kept_in_text: frozenset[str]
    pdf_chrome: re.Pattern[str]
    html_meta: dict[str, str]
    html_chrome_classes: frozenset[str]


@dataclass(frozen=True, slots=True)
class JoinRules:
    terminal: tuple[str, ...]
    item_start: re.Pattern[str]
    bare_number: re.Pattern[str]
    heading_number: re.Pattern[str]
    heading_max_length: int
    title_end: re.Pattern[str]
    short_line: int
    title_max_length: int
    min_cut_length: int
    pdf_full_line_share: float
    pdf_kept_space_after: re.Pattern[str]


def _load(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(f"cannot load normaliser rules: {error}", source=path.name) from error
    if not isinstance(data, dict):
        raise ConfigError("normaliser rules must be a mapping", source=path.name)
    return data


def _any_of(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


@cache
def chrome_rules() -> ChromeRules:
    data = _load(CHROME_FILE)
    labels = {fold(label): key for label, key in data["metadata_labels"].items()}
    spaced = (" *".join(map(re.escape, label)) for label in sorted(labels, key=len, reverse=True))
    names = "|".join(spaced)
    return ChromeRules(
        labels=labels,
        label_pattern=re.compile(rf"(?<![{_CJK}])({names})[ ]*(:?)[ ]*"),
        value_patterns={key: re.compile(p) for key, p in data["value_patterns"].items()},
        fallbacks=data["fallbacks"],
        max_value_length=int(data["max_value_length"]),
        header_lines=int(data["header_lines"]),
        chrome=_any_of(data["chrome_lines"]),
        page_cues=_any_of(data["page_cue_lines"]),
        kept_in_text=frozenset(data["kept_in_text"]),
        pdf_chrome=_any_of(data["pdf_chrome_lines"]),
        html_meta=data["html_meta"],
        html_chrome_classes=frozenset(data["html_chrome_classes"]),
    )


@cache
def join_rules() -> JoinRules:
    data = _load(LINE_BREAKS_FILE)
    return JoinRules(
        terminal=tuple(data["terminal_chars"] + data["closing_chars"]),
        item_start=re.compile(rf"^\s*{_any_of(data['item_start']).pattern}"),
        bare_number=re.compile(data["bare_number"]),
        heading_number=re.compile(data["heading_number"]),
        heading_max_length=int(data["heading_max_length"]),
        title_end=re.compile(data["title_end"]),
        short_line=int(data["short_line"]),
        title_max_length=int(data["title_max_length"]),
        min_cut_length=int(data["min_cut_length"]),
        pdf_full_line_share=float(data["pdf_full_line_share"]),
        pdf_kept_space_after=re.compile(data["pdf_kept_space_after"]),
    )


# --- normalize ------------------------------------------------------------------------------


def normalize(raw: RawDocument) -> NormalizedDocument:
    pdf = raw.media_type == PDF
    lines = _clean_lines(raw.text, pdf=pdf)
    metadata = dict(raw.metadata)
    lines = _strip_chrome(lines, metadata, pdf=pdf)
    _apply_fallbacks(metadata)
    text = "\n".join(_join_broken_lines(lines, pdf=pdf))
    folded = fold(text)
    if len(folded) != len(text):
        raise ParseError("folding changed the text's length", source=raw.source)
    return NormalizedDocument(source=raw.source, text=text, folded=folded, metadata=metadata)


def _clean_lines(text: str, *, pdf: bool) -> list[str]:
    """Lines without edge spaces; blank lines stay as "" because a PDF's blank line is a cue."""
    text = unicodedata.normalize("NFC", text).translate(_CLEANING)
    lines = [line.strip() for line in re.split(r"\r\n|\r|\n|\u2028|\u2029|\f", text)]
    if pdf:
        lines = [_close_pdf_gaps(line) for line in lines]
    return [re.sub(r" {2,}", " ", line) for line in lines]


def _close_pdf_gaps(line: str) -> str:
    """'2024 年' → '2024年': PDF extraction puts spaces between CJK characters and digits."""
    parts = re.split(r"( +)", line)
    for index in range(1, len(parts) - 1, 2):
        before, after = parts[index - 1], parts[index + 1]
        if _gap_is_spurious(before, after, line):
            parts[index] = ""
    return "".join(parts)


def _gap_is_spurious(before: str, after: str, line: str) -> bool:
    if not (before and after and _CJK_OR_DIGIT.match(before[-1]) and _CJK_OR_DIGIT.match(after[0])):
        return False
    issuers_side_by_side = len(line) <= join_rules().heading_max_length and bool(
        join_rules().pdf_kept_space_after.search(before)
    )
    return not (issuers_side_by_side and len(after) > 1 and not after[0].isdigit())


# --- chrome ---------------------------------------------------------------------------------


def _strip_chrome(lines: list[str], metadata: dict[str, str], *, pdf: bool) -> list[str]:
    rules = chrome_rules()
    kept: list[str] = []
    skip = 0
    folded_lines = _fold_lines(lines)
    for index, (line, folded) in enumerate(zip(lines, folded_lines, strict=True)):
        if skip or _is_chrome(folded, rules, pdf=pdf):
            skip = max(0, skip - 1)
            _keep_page_cue(folded, rules, metadata)
            continue
        if index < rules.header_lines and _is_metadata(folded, rules):
            skip = _read_metadata(line, lines[index + 1 : index + 2], rules, metadata)
            own = lines[index : index + 1 + skip]
            if _names_a_body_only_here(own, lines, metadata, rules):
                kept.extend(own)
            continue
        kept.append(line)
    return kept


def _names_a_body_only_here(
    own: list[str], lines: list[str], metadata: dict[str, str], rules: ChromeRules
) -> bool:
    """发布机构：党工委办 where the plan never names 党工委办: the line is its only evidence."""
    labels = rules.label_pattern.finditer(fold(" ".join(own)))
    bodies = {metadata.get(_key(label, rules), "") for label in labels} & {
        metadata.get(key, "") for key in rules.kept_in_text
    }
    rest = "\n".join(line for line in lines if line not in own)
    return any(body and body not in rest for body in bodies)


def _keep_page_cue(folded: str, rules: ChromeRules, metadata: dict[str, str]) -> None:
    """A breadcrumb or a site's footer names the body that publishes the page (当前位置：首页 >
    雁江区教育和体育局 > …, 主办单位：XX县教育局): dropped from the text, kept as a cue."""
    if rules.page_cues.search(folded):
        metadata["page"] = " ".join(filter(None, [metadata.get("page", ""), folded.strip()]))[:300]


def _is_chrome(folded: str, rules: ChromeRules, *, pdf: bool) -> bool:
    return bool(rules.chrome.search(folded) or (pdf and rules.pdf_chrome.search(folded)))


def _is_metadata(folded: str, rules: ChromeRules) -> bool:
    """A line that is a label alone ('文号') or opens with 'label: value' ('索引号: …')."""
    first = rules.label_pattern.match(folded)
    return first is not None and (first.end() == len(folded) or bool(first.group(2)))


def _read_metadata(
    line: str, following: list[str], rules: ChromeRules, metadata: dict[str, str]
) -> int:
    """Store the label/value pairs of a metadata line; 1 when the value was the next line.

    Labels are found in the folded line; values are cut from the line as written."""
    found = list(rules.label_pattern.finditer(fold(line)))
    ends = [match.start() for match in found[1:]] + [len(line)]
    for match, end in zip(found, ends, strict=True):
        _store(metadata, _key(match, rules), line[match.end() : end].strip())
    last = found[-1]
    if last.end() < len(line) or not following:
        return 0
    key = _key(last, rules)
    if _plausible_value(key, fold(following[0]).strip(), rules):
        _store(metadata, key, following[0].strip())
        return 1
    return 0


def _key(label: re.Match[str], rules: ChromeRules) -> str:
    return rules.labels[label.group(1).replace(" ", "")]


def _plausible_value(key: str, value: str, rules: ChromeRules) -> bool:
    """A next line is a value only when it is short, not a label, and fits the key's form."""
    if not value or len(value) > rules.max_value_length or value.endswith(":"):
        return False
    if rules.label_pattern.match(value) or rules.chrome.search(value):
        return False
    pattern = rules.value_patterns.get(key)
    return pattern is None or bool(pattern.search(value))


def _store(metadata: dict[str, str], key: str, value: str) -> None:
    value = value.strip(" |")  # a page's table saved as text: 发布日期: | 2022-04-29 |
    if not value or key in metadata:
        return
    date = _DATE.match(value)
    if key.endswith("_on") and date:
        value = f"{date[1]}-{int(date[2]):02d}-{int(date[3]):02d}"
    metadata[key] = value


def _apply_fallbacks(metadata: dict[str, str]) -> None:
    for key, stand_ins in chrome_rules().fallbacks.items():
        present = [metadata[name] for name in stand_ins if metadata.get(name)]
        if not metadata.get(key) and present:
            metadata[key] = present[0]


# --- line joining ---------------------------------------------------------------------------


def _join_broken_lines(lines: list[str], *, pdf: bool) -> list[str]:
    """Join cut sentences; blank lines go. A PDF line as wide as the page was cut by the layout."""
    lines = [line for line in lines if line]
    folded_lines = _fold_lines(lines)
    full_width = _full_line_width(lines) if pdf else 0.0
    joined: list[str] = []
    folded: list[str] = []  # fold(joined[i]), grown alongside
    for index, (line, after) in enumerate(zip(lines, folded_lines, strict=True)):
        full_line = pdf and index > 0 and _width(lines[index - 1]) >= full_width
        if joined and _continues(folded[-1], after, full_pdf_line=full_line):
            joined[-1] += line
            folded[-1] += after
        else:
            joined.append(line)
            folded.append(after)
    return joined


def _full_line_width(lines: list[str]) -> float:
    """The width a line needs to be taken as running to the right margin."""
    widths = sorted(_width(line) for line in lines if line)
    if not widths:
        return float("inf")
    return join_rules().pdf_full_line_share * widths[int(len(widths) * 0.9)]


def _continues(before: str, after: str, *, full_pdf_line: bool = False) -> bool:
    """True when the folded line ``before`` was cut in mid-sentence and ``after`` goes on with it.

    A PDF line that runs to the right margin was cut by the layout, so it goes on unless the
    next line opens an item; elsewhere the cut must be evident from the text."""
    rules = join_rules()
    if rules.bare_number.match(before):
        return not rules.item_start.match(after)
    if before.endswith(rules.terminal) or rules.item_start.match(after):
        return False
    if rules.title_end.search(before):
        return False
    if full_pdf_line:
        return True
    return not (_is_heading(before) or _is_heading(after)) and len(before) >= rules.min_cut_length


def _is_heading(folded: str) -> bool:
    """A section heading, a title or a signature: a line that is not cut but complete."""
    rules = join_rules()
    if rules.heading_number.match(folded) and len(folded) <= rules.heading_max_length:
        return "。" not in folded
    if re.search(r"[,、;。]", folded):
        return False
    if len(folded) < rules.short_line and not folded.startswith("("):
        return True
    return len(folded) <= rules.title_max_length and not rules.item_start.match(folded)


def _width(line: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.5 for ch in line)
