"""Registered spaCy components that find quoted project names, 《》 policy titles and named
institutions with rules read from patterns/names.yml. Each adds spans to doc.spans[spans_key]
with the label PROJECT, POLICY or INSTITUTION; span.id_ carries the name without quotes and, for
institutions, span.kb_id_ the kind."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.regions import load_gazetteer

NAMES = Path(__file__).parent / "patterns" / "names.yml"


@dataclass(frozen=True, slots=True)
class NameRules:
    quoted: re.Pattern[str]
    head: re.Pattern[str]
    not_projects: frozenset[str]
    policy: re.Pattern[str]
    policy_suffix: re.Pattern[str]
    not_policies: frozenset[str]
    institution: re.Pattern[str]
    kinds: dict[str, str]
    middle_breakers: re.Pattern[str]
    max_punctuated_name: int
    construction_lead: re.Pattern[str]
    construction: re.Pattern[str]
    local_school: re.Pattern[str]
    local_school_stop: re.Pattern[str]
    verb_lead: re.Pattern[str]


@cache
def name_rules() -> NameRules:
    data = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    kinds = {s: kind for kind, suffixes in data["institution_suffixes"].items() for s in suffixes}
    suffixes = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    places = "|".join(sorted(map(re.escape, load_gazetteer().by_name), key=len, reverse=True))
    heads = "|".join(sorted(map(re.escape, data["project_heads"]), key=len, reverse=True))
    return NameRules(
        quoted=re.compile(data["quoted"]),
        head=re.compile(rf"(?:党建|示范|专项|三年|实验|试点|创建)?(?:{heads})"),
        not_projects=frozenset(data["not_projects"]),
        policy=re.compile(data["policy_title"]),
        policy_suffix=re.compile(data["policy_suffixes"]),
        not_policies=frozenset(data["not_policies"]),
        institution=re.compile(
            rf"(?:中共)?(?:(?<![新改扩迁续])(?:{places})(?:县委|市委|区委)?"
            rf"|(?<![\u4e00-\u9fff])[县市区])"
            rf"({data['name_middle']})({suffixes})"
        ),
        kinds=kinds,
        middle_breakers=re.compile(data["middle_breakers"]),
        max_punctuated_name=int(data["max_punctuated_name"]),
        construction_lead=re.compile(data["construction_lead"]),
        construction=re.compile(data["construction"]),
        local_school=re.compile(data["local_school"]),
        local_school_stop=re.compile(data["local_school_stop"]),
        verb_lead=re.compile(data["verb_lead"]),
    )


def _span(doc: Doc, start: int, end: int, label: str, key: str, kind: str = "") -> Span | None:
    span = doc.char_span(start, end, label=label, kb_id=kind, span_id=key, alignment_mode="expand")
    return span


def quoted_projects(text: str) -> Iterator[tuple[int, int, str]]:
    rules = name_rules()
    for match in rules.quoted.finditer(text):
        inner = match[1].strip()
        punctuated = re.search(r"[,，、;；]", inner)
        if inner in rules.not_projects or re.search(r"[。:：!?]", inner):
            continue
        if punctuated and len(inner) > rules.max_punctuated_name:
            continue
        head = rules.head.match(text, match.end())
        if head and not re.search(r"[“”]", head.group()):
            yield match.start(), head.end(), inner + head.group()
        else:
            yield match.start(), match.end(), inner


def construction_projects(text: str) -> Iterator[tuple[int, int, str]]:
    rules = name_rules()
    for match in rules.construction.finditer(text):
        lead = rules.construction_lead.match(match.group())
        start = match.start() + (lead.end() if lead else 0)
        name = text[start : match.end()]
        if "的" not in name and not rules.middle_breakers.search(match[1]) and len(name) > 5:
            yield start, match.end(), name


def cited_policies(text: str) -> Iterator[tuple[int, int, str]]:
    rules = name_rules()
    for match in rules.policy.finditer(text):
        title = re.sub(r"\s+", "", match[1])
        if title not in rules.not_policies and rules.policy_suffix.search(title):
            yield match.start(), match.end(), title


def named_institutions(text: str) -> Iterator[tuple[int, int, str, str]]:
    rules = name_rules()
    taken: list[tuple[int, int]] = []
    for match in rules.institution.finditer(text):
        generic = match[1] == "" and match[2] in ("学校", "中学", "小学", "幼儿园", "大学", "学院")
        if generic or rules.middle_breakers.search(match[1]) or "中小学" in match.group():
            continue
        taken.append((match.start(), match.end()))
        yield match.start(), match.end(), match.group(), rules.kinds[match[2]]
    for match in rules.local_school.finditer(text):
        lead = rules.verb_lead.match(match[1])
        start = match.start(1) + (lead.end() if lead else 0)
        name = text[start : match.end(1)]
        stem = re.sub(r"(中心幼儿园|幼儿园|中心小学|小学|中学|学校)$", "", name)
        if len(stem) < 2 or rules.local_school_stop.search(stem) or _overlaps(match.span(1), taken):
            continue
        kind = "kindergarten" if name.endswith("幼儿园") else "school"
        yield start, match.end(1), name, kind


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)


@Language.factory("plangraph_quoted_names_v1", default_config={"spans_key": "mentions"})
def make_quoted_names(nlp: Language, name: str, spans_key: str) -> QuotedNames:
    return QuotedNames(spans_key)


class QuotedNames:
    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found = [_span(doc, s, e, "PROJECT", name) for s, e, name in quoted_projects(doc.text)]
        found += [
            _span(doc, s, e, "PROJECT", name) for s, e, name in construction_projects(doc.text)
        ]
        found += [_span(doc, s, e, "POLICY", title) for s, e, title in cited_policies(doc.text)]
        doc.spans[self.spans_key] = list(doc.spans.get(self.spans_key, [])) + [
            s for s in found if s is not None
        ]
        return doc


@Language.factory("plangraph_institutions_v1", default_config={"spans_key": "mentions"})
def make_institutions(nlp: Language, name: str, spans_key: str) -> Institutions:
    return Institutions(spans_key)


class Institutions:
    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found = [
            _span(doc, s, e, "INSTITUTION", name, kind)
            for s, e, name, kind in named_institutions(doc.text)
        ]
        doc.spans[self.spans_key] = list(doc.spans.get(self.spans_key, [])) + [
            s for s in found if s is not None
        ]
        return doc
