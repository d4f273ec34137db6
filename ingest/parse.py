"""Stage 3, parse: NormalizedDocument → ParsedDocument (metadata, sections, goals, measures,
responsibility annotations), all as spans into the text. Patterns live in data/structure.yml."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from ingest.models import (
    DocumentMeta,
    Goal,
    Measure,
    NormalizedDocument,
    ParsedDocument,
    ResponsibilityNote,
    Role,
    Section,
    Span,
)

RULES_FILE = Path(__file__).parent / "data" / "structure.yml"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
HEADER_SHARE = 0.4
GENRE_TITLE_LINES = 3  # the plan title is looked for in this leading share of the text


@dataclass(frozen=True, slots=True)
class Rules:
    section: re.Pattern[str]
    subsection: re.Pattern[str]
    item: re.Pattern[str]
    measure: re.Pattern[str]
    aim_label: re.Pattern[str]
    measure_label: re.Pattern[str]
    plan_title: re.Pattern[str]
    genre_title: re.Pattern[str]
    notice: re.Pattern[str]
    doc_number: re.Pattern[str]
    date: re.Pattern[str]
    boilerplate: re.Pattern[str]
    responsibility: re.Pattern[str]
    responsibility_inline: re.Pattern[str]
    note_label: re.Pattern[str]
    split_names: re.Pattern[str]
    sentence_end: re.Pattern[str]
    event_heading: re.Pattern[str]
    signature: re.Pattern[str]
    party_issuer: re.Pattern[str]
    notice_issuer: re.Pattern[str]
    issuer_not_name: re.Pattern[str]
    opening_year: re.Pattern[str]
    issuer_suffixes: tuple[str, ...]
    lead_words: tuple[str, ...]


@cache
def rules() -> Rules:
    data = yaml.safe_load(RULES_FILE.read_text(encoding="utf-8"))
    data["responsibility"] = _responsibility_pattern(
        data.pop("responsibility_label"), data.pop("responsibility_units"), data["note_label"]
    )
    lists = {"issuer_suffixes", "lead_words"}
    values: dict[str, Any] = {k: tuple(v) if k in lists else re.compile(v) for k, v in data.items()}
    return Rules(**values)


def _responsibility_pattern(label: str, units: str, note_label: str) -> str:
    """A label, its colon or closing bracket, and the units up to a closing bracket, a line's
    end, the next label or a label of people or time (完成时限：)."""
    return (
        rf"[(〔【\[]?\s*({label})\s*(?:[】\]]\s*:?|:)\s*({units})\s*"
        rf"(?=[)〕】\]。]|\n|$|[;；,，]?\s*[【\[]?(?:{label})\s*[:】\]]|[;；,，]?\s*{note_label})"
    )


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    text: str  # folded


def split_lines(folded: str) -> list[Line]:
    lines, start = [], 0
    for part in folded.split("\n"):
        if part.strip():
            lines.append(Line(start, start + len(part), part))
        start += len(part) + 1
    return lines


def document_id(text: str) -> str:
    return "d" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def parse(normalized: NormalizedDocument) -> ParsedDocument:
    lines = split_lines(normalized.folded)
    doc_id = document_id(normalized.text)
    title_index = _plan_title_index(lines)
    body = lines[title_index + 1 :] if title_index is not None else lines
    meta = _meta(normalized, lines, title_index)
    sections, goals, measures = _structure(doc_id, normalized, body)
    notes = _responsibility_notes(normalized.folded, goals, measures)
    measures = tuple(_without_notes(m, notes, normalized.text) for m in measures)
    return ParsedDocument(doc_id, normalized, meta, sections, goals, measures, notes)


# --- metadata -------------------------------------------------------------------------------


def _plan_title_index(lines: list[Line]) -> int | None:
    limit = max(3, int(len(lines) * HEADER_SHARE))
    found = None
    for index, line in enumerate(lines[:limit]):
        text = line.text.strip()
        if len(text) <= 60 and rules().plan_title.search(text) and not rules().notice.search(text):
            found = index
    return found if found is not None else _genre_title_index(lines)


def _genre_title_index(lines: list[Line]) -> int | None:
    """The kin of the work plan (十四五规划, 实施方案, 三年行动计划, a conference report) is titled
    on one of its first lines."""
    for index, line in enumerate(lines[:GENRE_TITLE_LINES]):
        text = line.text.strip()
        if len(text) <= 60 and rules().genre_title.search(text) and not rules().notice.search(text):
            return index
    return None


def _meta(
    normalized: NormalizedDocument, lines: list[Line], title_index: int | None
) -> DocumentMeta:
    header = lines[: title_index + 1] if title_index is not None else lines[:3]
    title_line = _title_line(lines, title_index)
    title = _clean_title(normalized.text[title_line.start : title_line.end]) if title_line else None
    doc_number = _doc_number(header, normalized.metadata)
    issued_on = _issued_on(header, normalized.metadata)
    return DocumentMeta(
        title=title,
        year=_year(title, doc_number, issued_on, normalized.folded[:300]),
        issuers=_issuers(header, title, normalized),
        doc_number=doc_number,
        issued_on=issued_on,
        title_span=Span(title_line.start, title_line.end) if title_line else None,
    )


def _title_line(lines: list[Line], title_index: int | None) -> Line | None:
    if title_index is None:
        return None
    line = lines[title_index]
    previous = lines[title_index - 1] if title_index > 0 else None
    # A title broken over two lines: "中共威海市委教育工作委员会 威海市教育局" / "2022年工作要点".
    if previous and re.match(r"^\d{4}年", line.text) and _ends_with_issuer(previous.text):
        return Line(previous.start, line.end, previous.text + " " + line.text)
    return line


def _clean_title(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _ends_with_issuer(text: str) -> bool:
    return text.rstrip().endswith(rules().issuer_suffixes)


def _doc_number(header: list[Line], metadata: dict[str, str]) -> str | None:
    candidates = [line.text for line in header] + [metadata.get("doc_number", "")]
    for text in candidates:
        match = rules().doc_number.search(text)
        if match:
            return f"{match[1]}〔{match[2]}〕{match[3]}号"
    return None


def _issued_on(header: list[Line], metadata: dict[str, str]) -> str | None:
    """The date signed on the document, else the page's 成文日期 (or, failing that, its
    publishing date, which the metadata reader falls back to)."""
    for line in reversed(header):
        match = rules().date.fullmatch(line.text.strip())
        if match:
            return f"{match[1]}-{int(match[2]):02d}-{int(match[3]):02d}"
    dated = metadata.get("issued_on") or metadata.get("published_on") or ""
    return dated if _ISO_DATE.fullmatch(dated) else None  # the reader wrote what it read as one


def _year(
    title: str | None, doc_number: str | None, issued_on: str | None, opening: str = ""
) -> int | None:
    for text in (title, doc_number, issued_on):
        match = re.search(r"(20\d{2}|19\d{2})", text or "")
        if match:
            return int(match[1])
    match = rules().opening_year.search(opening)
    return int(match[1]) if match else None


def _issuers(
    header: list[Line], title: str | None, normalized: NormalizedDocument
) -> tuple[str, ...]:
    names: list[str] = []
    for text in [title or "", *(line.text.strip() for line in header)]:
        notice = rules().notice_issuer.match(text)
        text = notice[1] if notice else text
        if re.search(r"现将|关于|《", text):
            continue
        parts = [name for part in text.split(" ") if (name := _issuer_name(part))]
        whole = _issuer_name(text.replace(" ", ""))
        for name in parts if len(parts) >= 2 or not whole else [whole]:
            if name and name not in names:
                names.append(name)
    publisher = normalized.metadata.get("publisher")
    if not names and publisher and _ends_with_issuer(publisher):
        names.append(publisher)
    expanded = [_expand_issuer(name, normalized.folded) for name in names]
    return tuple(dict.fromkeys(n for n in expanded if not _is_prefix_of_other(n, expanded)))


def _issuer_name(text: str) -> str | None:
    text = re.sub(r"(文件|\d{4}年.*)$", "", text.strip())
    if rules().party_issuer.fullmatch(text):
        return text
    suffix = next((s for s in rules().issuer_suffixes if text.endswith(s)), None)
    if suffix is None or len(text) - len(suffix) < 2 or len(text) > 30:
        return None  # a bare 教育局 names nobody
    return None if rules().issuer_not_name.search(text) else text


def _expand_issuer(name: str, folded: str) -> str:
    """中共阳城县教育工委 → 中共阳城县教育工作委员会 when the full form is in the text."""
    if name.endswith("教育工委"):
        full = name[: -len("教育工委")] + "教育工作委员会"
        if full in folded.replace(" ", ""):
            return full
    return name


def _is_prefix_of_other(name: str, names: list[str]) -> bool:
    return any(other != name and other.startswith(name) for other in names)


# --- structure ------------------------------------------------------------------------------


def _structure(
    doc_id: str, normalized: NormalizedDocument, body: list[Line]
) -> tuple[tuple[Section, ...], tuple[Goal, ...], tuple[Measure, ...]]:
    body = [line for line in body if not rules().boilerplate.search(line.text.strip())]
    body = _without_signature(_without_event_reports(body))
    end = body[-1].end if body else 0
    heads = _section_heads(body)
    sections: list[Section] = []
    goals: list[Goal] = []
    measures: list[Measure] = []
    for index, (position, number, title) in enumerate(heads):
        stop = heads[index + 1][0] if index + 1 < len(heads) else len(body)
        section_lines = body[position + 1 : stop]
        section_id = f"{doc_id}#s{index + 1}"
        section_end = section_lines[-1].end if section_lines else body[position].end
        sections.append(Section(section_id, number, title, body[position].start, section_end))
        found = _goals(doc_id, normalized, section_id, body[position], section_lines, len(goals))
        for goal, goal_measures in found:
            goals.append(goal)
            measures.extend(goal_measures)
    if not heads:  # no sections at all: the whole body is one unnamed section
        for goal, goal_measures in _goals(doc_id, normalized, None, None, body, 0):
            goals.append(goal)
            measures.extend(goal_measures)
    del end
    return tuple(sections), tuple(goals), _numbered_measures(doc_id, measures)


def _without_signature(body: list[Line]) -> list[Line]:
    """The issuer's name and the date under the last item sign the plan; they are no measures."""
    end = len(body)
    while end > 1 and rules().signature.match(body[end - 1].text.strip()):
        end -= 1
    return body[:end]


def _section_heads(body: list[Line]) -> list[tuple[int, str | None, str]]:
    numbered = []
    for index, line in enumerate(body):
        match = rules().section.match(line.text.strip())
        if match:
            numbered.append((index, match[1] or match[2], match[3].strip()))
    if numbered:
        return numbered
    return [
        (index, None, line.text.strip())
        for index, line in enumerate(body)
        if _is_unnumbered_heading(body, index)
    ]


def _without_event_reports(body: list[Line]) -> list[Line]:
    """A news report's tasks end at the first headline of an event (…召开…述职会)."""
    if any(rules().section.match(line.text.strip()) for line in body):
        return body
    for index, line in enumerate(body):
        if _is_unnumbered_heading(body, index) and rules().event_heading.search(line.text):
            return body[:index]
    return body


def _is_unnumbered_heading(body: list[Line], index: int) -> bool:
    text = body[index].text.strip()
    following = body[index + 1].text if index + 1 < len(body) else ""
    return (
        4 <= len(text) <= 25
        and not re.search(r"[,，。;；:!?、]", text)
        and not re.match(r"^\d", text)
        and len(following) > len(text)
    )


def _goals(
    doc_id: str,
    normalized: NormalizedDocument,
    section_id: str | None,
    head: Line | None,
    lines: list[Line],
    offset: int,
) -> list[tuple[Goal, list[Measure]]]:
    starts = [i for i, line in enumerate(lines) if rules().item.match(line.text.strip())]
    if not starts:
        starts = [i for i, line in enumerate(lines) if rules().subsection.match(line.text.strip())]
    if head is not None and starts and _is_measure_block(head):
        return [_measure_section(doc_id, normalized, section_id, head, lines, starts, offset)]
    if not starts:
        if head is None or not lines:
            return []
        return [_heading_goal(doc_id, normalized, section_id, head, lines, offset)]
    found = []
    for n, first in enumerate(starts):
        stop = starts[n + 1] if n + 1 < len(starts) else len(lines)
        found.append(_numbered_goal(doc_id, normalized, section_id, lines[first:stop], offset + n))
    return found


def _is_measure_block(head: Line) -> bool:
    """二、工作措施: a section that lists the plan's measures, not its goals."""
    title = rules().section.match(head.text.strip())
    text = title[3] if title else head.text.strip()
    label = rules().measure_label.match(text)
    return label is not None and not text[label.end() :].strip()


def _measure_section(
    doc_id: str,
    normalized: NormalizedDocument,
    section_id: str | None,
    head: Line,
    lines: list[Line],
    starts: list[int],
    index: int,
) -> tuple[Goal, list[Measure]]:
    """Under 二、工作措施 each numbered item is one measure of the section, which stands as a
    goal of its own (its heading is its title)."""
    goal_id = f"{doc_id}#g{index + 1}"
    numbered = rules().section.match(head.text.strip())
    title = numbered[3].strip() if numbered else head.text.strip()
    goal = Goal(goal_id, section_id, None, title, title, head.start, lines[-1].end)
    measures = []
    for n, first in enumerate(starts):
        block = lines[first : starts[n + 1] if n + 1 < len(starts) else len(lines)]
        match = rules().item.match(block[0].text.strip()) or rules().subsection.match(
            block[0].text.strip()
        )
        start = block[0].start + (block[0].text.index(match[2]) if match else 0)
        acting = [line for line in block if not _is_note_line(line.text.strip())]
        end = max((_before_note(line) for line in acting), default=block[-1].end)
        start, end = _trim(normalized.text, start, end)
        if end - start >= 4:
            measures.append(Measure("", goal_id, normalized.text[start:end], start, end))
    return goal, measures


def _note_patterns() -> tuple[re.Pattern[str], ...]:
    """What annotates an item rather than acting: responsibility notes, the people and the
    deadline named."""
    return (rules().responsibility, rules().responsibility_inline, rules().note_label)


def _is_note_line(text: str) -> bool:
    return any(pattern.match(text) for pattern in _note_patterns())


def _before_note(line: Line) -> int:
    """Where a line's text ends before a responsibility annotation or the people named for it
    (the line's start if it is nothing but one)."""
    starts = [found.start() for p in _note_patterns() if (found := p.search(line.text))]
    return line.start + min(starts) if starts else line.end


def _heading_goal(
    doc_id: str,
    normalized: NormalizedDocument,
    section_id: str | None,
    head: Line,
    lines: list[Line],
    index: int,
) -> tuple[Goal, list[Measure]]:
    """A news-style section: the heading is the goal, its paragraphs' sentences the measures."""
    goal_id = f"{doc_id}#g{index + 1}"
    title = normalized.text[head.start : head.end].strip()
    first = _sentences(normalized, lines[0].start, lines[0].end)
    aim = normalized.text[first[0][0] : first[0][1]] if first else title
    goal = Goal(goal_id, section_id, None, title, aim, head.start, lines[-1].end)
    measures = [
        Measure("", goal_id, normalized.text[s:e], s, e)
        for line in lines
        for s, e in _sentences(normalized, line.start, line.end)
    ]
    return goal, measures


def _numbered_goal(
    doc_id: str,
    normalized: NormalizedDocument,
    section_id: str | None,
    lines: list[Line],
    index: int,
) -> tuple[Goal, list[Measure]]:
    goal_id = f"{doc_id}#g{index + 1}"
    first = lines[0]
    match = rules().item.match(first.text.strip()) or rules().subsection.match(first.text.strip())
    number = match[1] if match else None
    content_start = first.start + (first.text.index(match[2]) if match else 0)
    heading_only = len(lines) > 1 and _is_heading_line(normalized, content_start, first.end)
    if heading_only:
        title = normalized.text[content_start : first.end].strip()
        title_end = first.end
    else:
        sentences = _sentences(normalized, content_start, first.end)
        title_end = sentences[0][1] if sentences else first.end
        title = normalized.text[content_start:title_end].rstrip("。;；").strip()
    aim, measures = _goal_body(normalized, goal_id, lines, title_end)
    goal = Goal(goal_id, section_id, number, title, aim or title, first.start, lines[-1].end)
    return goal, measures


def _is_heading_line(normalized: NormalizedDocument, start: int, end: int) -> bool:
    text = normalized.folded[start:end].strip()
    return not rules().sentence_end.search(text[:-1]) and len(text) <= 40


def _goal_body(
    normalized: NormalizedDocument, goal_id: str, lines: list[Line], title_end: int
) -> tuple[str, list[Measure]]:
    aim = ""
    numbered = [line for line in lines if rules().measure.match(line.text.strip())]
    measures: list[Measure] = []
    for line in lines:
        text = line.text.strip()
        if _is_note_line(text):
            continue  # （责任单位：…） on a line of its own annotates, it does not act
        line = Line(line.start, _before_note(line), line.text[: _before_note(line) - line.start])
        label = rules().aim_label.match(text)
        if label:
            aim = normalized.text[line.start + label.end() : line.end].strip()
            continue
        if rules().measure_label.match(text) and len(text) <= 8:
            continue
        if numbered:
            match = rules().measure.match(text)
            if match:
                start = line.start + text.index(match[4])
                measures.append(
                    Measure("", goal_id, normalized.text[start : line.end], start, line.end)
                )
            continue
        start = max(line.start, title_end)
        if rules().measure_label.match(text):
            start = line.start + rules().measure_label.match(text).end()  # type: ignore[union-attr]
        measures += [
            Measure("", goal_id, normalized.text[s:e], s, e)
            for s, e in _sentences(normalized, start, line.end)
        ]
    return aim, measures


def _sentences(normalized: NormalizedDocument, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans in [start, end), split after 。；!?; spans keep their final punctuation."""
    spans, begin = [], start
    for match in rules().sentence_end.finditer(normalized.folded, start, end):
        spans.append((begin, match.end()))
        begin = match.end()
    spans.append((begin, end))
    return [(s, e) for s, e in (_trim(normalized.text, s, e) for s, e in spans) if e - s >= 4]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t,，":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    return start, end


def _numbered_measures(doc_id: str, measures: list[Measure]) -> tuple[Measure, ...]:
    return tuple(
        Measure(f"{doc_id}#m{n}", m.goal, m.text, m.start, m.end)
        for n, m in enumerate(measures, start=1)
    )


# --- responsibility annotations ---------------------------------------------------------------


def _responsibility_notes(
    folded: str, goals: tuple[Goal, ...], measures: tuple[Measure, ...]
) -> tuple[ResponsibilityNote, ...]:
    notes = []
    for match in rules().responsibility.finditer(folded):
        item = _owner(folded, match.start(), goals, measures)
        if item is not None:
            role: Role = "lead" if match[1].startswith(rules().lead_words) else "support"
            notes += _labelled_notes(item, match[2], role, match.start(), _note_end(folded, match))
    for match in rules().responsibility_inline.finditer(folded):
        item = _owner(folded, match.start(), goals, measures)
        if item is None:
            continue
        notes.append(ResponsibilityNote(item, _names(match[1]), "lead", match.start(), match.end()))
        if match[3]:
            notes.append(
                ResponsibilityNote(item, _names(match[3]), "support", match.start(), match.end())
            )
    return tuple(sorted(notes, key=lambda n: n.start))


_MARKED_LEAD = re.compile(r"\((?:牵头|主责)\)")
_MARKER = re.compile(r"\((?:牵头|主责|配合|协办)\)")


def _labelled_notes(
    item: str, listed: str, role: Role, start: int, end: int
) -> list[ResponsibilityNote]:
    """责任单位：A（牵头），B、C: a unit marked 牵头 leads and the others support; unmarked, all
    take the label's role."""
    names = [n for n in rules().split_names.split(listed) if n.strip()]
    if not any(_MARKED_LEAD.search(n) for n in names):
        return [ResponsibilityNote(item, _names(listed), role, start, end)]
    leads = tuple(_MARKER.sub("", n).strip() for n in names if _MARKED_LEAD.search(n))
    others = tuple(_MARKER.sub("", n).strip() for n in names if not _MARKED_LEAD.search(n))
    found = [ResponsibilityNote(item, leads, "lead", start, end)]
    return found + ([ResponsibilityNote(item, others, "support", start, end)] if others else [])


def _names(listed: str) -> tuple[str, ...]:
    return tuple(
        name for n in rules().split_names.split(listed) if (name := _MARKER.sub("", n).strip())
    )


def _note_end(folded: str, match: re.Match[str]) -> int:
    end = match.end()
    return end + 1 if end < len(folded) and folded[end] == ")" else end


def _owner(
    folded: str, position: int, goals: tuple[Goal, ...], measures: tuple[Measure, ...]
) -> str | None:
    """The measure the annotation follows (or is inside), else the goal it belongs to. A note
    follows a measure when only other notes, brackets and a line break stand between them
    (〔责任股室：A；配合单位：B〕 under or after the measure; 牵头单位 and 配合单位 on lines of
    their own)."""
    before = [m for m in measures if m.start <= position]
    if before:
        last = max(before, key=lambda m: m.start)
        gap = rules().responsibility.sub("", folded[last.end : position])
        only_notes = len(gap) <= 60 and not re.search(r"[。!?！？]|\n.*\n", gap)
        if position <= last.end + 2 or only_notes:
            return last.id
    for goal in goals:
        if goal.start <= position <= goal.end:
            return goal.id
    return None


def _without_notes(measure: Measure, notes: tuple[ResponsibilityNote, ...], text: str) -> Measure:
    cut = min((n.start for n in notes if measure.start < n.start < measure.end), default=None)
    if cut is None:
        return measure
    end = cut
    while end > measure.start and text[end - 1] in " (（":
        end -= 1
    return Measure(measure.id, measure.goal, text[measure.start : end], measure.start, end)
