"""Registered spaCy components that find quoted project names, 《》 policy titles and named
institutions with rules read from patterns/names.yml. Each adds spans to doc.spans[spans_key]
with the label PROJECT, POLICY or INSTITUTION; span.id_ carries the name without quotes and, for
institutions, span.kb_id_ the kind."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.tokens import Doc, Span

from ingest.extract.literals import alternation
from ingest.extract.regions import Region, load_gazetteer, stands_as_place, word_short_names

NAMES = Path(__file__).parent / "patterns" / "names.yml"
# A place and one of these names no particular school (县中学, 山东省学校).
GENERIC_SUFFIXES = ("学校", "中学", "小学", "幼儿园", "大学", "学院")
SCHOOL_TYPE = re.compile(
    r"(?:中心幼儿园|幼儿园|中心小学|小学|初中|中学|[一二三四五六七八九十]{1,2}[中小幼])$"
)
LOCAL_SCHOOL_WORD = re.compile(
    r"(?:中心幼儿园|幼儿园|中心小学|小学|初中|中学|学校|附中|附小|教育集团|[一二三四五六七八九十]{1,2}[中小])$"
)
# 县中小学, 市中小学校: every school of a level (but 县中小学生综合实践学校 is one school).
SCHOOLS_OF_ALL_STAGES = re.compile(r"中小学(?!生)")
# A university before a place's name (…大学高台学院, …大学附属番禺小学): its own college or school.
UNIVERSITY_BEFORE = re.compile(r"(?:大学|学院)(?:附属|附设)?$")
PERSON_NAMED_KINDS = (
    ("基金会", "association"),
    ("学校", "school"),
    ("学院", "university"),
    ("大学", "university"),
)
CLAUSE_MARKS = "，,。；;：:)）\n "  # a list of schools never runs across these


@dataclass(frozen=True, slots=True)
class NameRules:
    quoted: re.Pattern[str]
    head: re.Pattern[str]
    not_projects: frozenset[str]
    policy: re.Pattern[str]
    institution: re.Pattern[str]
    level_institution: re.Pattern[str]
    kinds: dict[str, str]
    middle_breakers: re.Pattern[str]
    not_a_body: re.Pattern[str]
    positioning_head: re.Pattern[str]
    short_label_built: re.Pattern[str]
    instrument_frame: re.Pattern[str]
    instrument_after: re.Pattern[str]
    document_word_alone: re.Pattern[str]
    town_school: re.Pattern[str]
    town_school_stop: re.Pattern[str]
    department: re.Pattern[str]
    requirement: re.Pattern[str]
    name_continuation: re.Pattern[str]
    max_punctuated_name: int
    min_bare_quoted: int
    construction_lead: re.Pattern[str]
    construction_verb: re.Pattern[str]
    construction: re.Pattern[str]
    local_school: re.Pattern[str]
    local_school_stop: re.Pattern[str]
    sentence_school_stop: re.Pattern[str]
    verb_lead: re.Pattern[str]
    school_stem_clause: re.Pattern[str]
    school_group: re.Pattern[str]
    joint_bodies: re.Pattern[str]
    own_party_body: re.Pattern[str]
    every_body_before: re.Pattern[str]
    motto_part_max: int
    motto_separators: re.Pattern[str]
    motto_followers: re.Pattern[str]
    not_project_followers: re.Pattern[str]
    numbered_grouping: re.Pattern[str]
    programme_after: re.Pattern[str]
    honour_before: re.Pattern[str]
    counted_after: re.Pattern[str]
    phenomenon: re.Pattern[str]
    place_field: re.Pattern[str]
    counted_before: re.Pattern[str]
    document_nickname: re.Pattern[str]
    head_at_end: re.Pattern[str]
    institution_at_end: re.Pattern[str]
    number_name: re.Pattern[str]
    number_head: re.Pattern[str]
    not_project_pattern: re.Pattern[str]
    school_name: re.Pattern[str]
    building_work_before: re.Pattern[str]
    building_work_after: re.Pattern[str]
    list_separator: re.Pattern[str]
    clause_lead: re.Pattern[str]
    round_opening: re.Pattern[str]
    law_name_continues: re.Pattern[str]
    own_title_before: re.Pattern[str]
    own_title_after: re.Pattern[str]
    publishing_notice: re.Pattern[str]
    period_label: re.Pattern[str]
    counted_label: re.Pattern[str]
    distributive: re.Pattern[str]
    goal_phrase: re.Pattern[str]
    goal_reached: re.Pattern[str]
    goal_reached_end: re.Pattern[str]
    media_account_before: re.Pattern[str]
    visited_before: re.Pattern[str]
    figure_before: re.Pattern[str]
    problem_before: re.Pattern[str]
    theme_before: re.Pattern[str]
    principle_before: re.Pattern[str]
    maxim: re.Pattern[str]
    keyword_before: re.Pattern[str]
    transition_before: re.Pattern[str]
    attribute_after: re.Pattern[str]
    topic_before: re.Pattern[str]
    served_before: re.Pattern[str]
    aim_after: re.Pattern[str]
    citation_before: re.Pattern[str]
    cared_before: re.Pattern[str]
    belief_at_end: re.Pattern[str]
    people_at_end: re.Pattern[str]
    school_kind: re.Pattern[str]
    priority_before: re.Pattern[str]
    priority_after: re.Pattern[str]
    owner_before: re.Pattern[str]
    livelihood_formula: re.Pattern[str]
    place_vision: re.Pattern[str]
    zone_vision: re.Pattern[str]
    zone_vision_before: re.Pattern[str]
    hazard_theme: re.Pattern[str]
    quality_pair: re.Pattern[str]
    award_name: re.Pattern[str]
    saying_comma: re.Pattern[str]
    blend: re.Pattern[str]
    manner_word: re.Pattern[str]
    joined_fields: re.Pattern[str]
    programme_in_clause: re.Pattern[str]
    manner_kind_after: re.Pattern[str]
    quote_chain: re.Pattern[str]
    formula_programme_after: re.Pattern[str]
    system_name: re.Pattern[str]
    short_label_activity: re.Pattern[str]
    short_label_not_activity: re.Pattern[str]
    short_label_max: int
    run_verb_before: re.Pattern[str]
    chain_programme_after: re.Pattern[str]
    programme_list: re.Pattern[str]
    unquoted_programme: re.Pattern[str]
    carried_programme: re.Pattern[str]
    enumerated_programme: re.Pattern[str]
    programme_colon_list: re.Pattern[str]
    programme_list_separator: re.Pattern[str]
    unquoted_programme_stop: re.Pattern[str]
    unquoted_programme_more: re.Pattern[str]
    heading_programme: re.Pattern[str]
    conjunction_words: re.Pattern[str]
    works_named_as_projects: frozenset[str]
    generic_places: frozenset[str]
    bare: re.Pattern[str]
    bare_kinds: dict[str, str]
    national: re.Pattern[str]
    national_kinds: dict[str, str]
    university: re.Pattern[str]
    university_stop: re.Pattern[str]
    level_word: re.Pattern[str]
    bureau_joint: re.Pattern[str]
    education_unit: re.Pattern[str]
    level_opening: re.Pattern[str]
    bureau_committee: re.Pattern[str]
    body_name: re.Pattern[str]
    body_before: re.Pattern[str]
    body_opening: re.Pattern[str]
    body_suffix: re.Pattern[str]
    body_stem_stop: re.Pattern[str]
    addressee_before: re.Pattern[str]
    place_read_as_verb: re.Pattern[str]
    venue: re.Pattern[str]
    venue_stop: re.Pattern[str]
    named_school_district: re.Pattern[str]
    school_district_stop: re.Pattern[str]
    college_name: re.Pattern[str]
    college_stop: re.Pattern[str]
    person_named_body: re.Pattern[str]
    branch_of: re.Pattern[str]
    placeholder_before: re.Pattern[str]
    placeholder_opening: re.Pattern[str]
    formulaic_bodies: re.Pattern[str]
    formula_after: re.Pattern[str]
    leader_bodies: re.Pattern[str]
    leader_post_after: re.Pattern[str]
    school_list_lead: re.Pattern[str]
    zone_committee: re.Pattern[str]
    word_place_school: re.Pattern[str]
    school_list_item: re.Pattern[str]
    school_list_item_needs: re.Pattern[str]
    school_type_words: re.Pattern[str]
    institution_abbreviations: dict[str, str]
    descriptor_heads: tuple[str, ...]


# Rules compiled from names.yml just as written; the others are assembled from several entries.
PATTERNS_AS_WRITTEN = (
    "middle_breakers",
    "not_a_body",
    "positioning_head",
    "short_label_built",
    "instrument_frame",
    "instrument_after",
    "document_word_alone",
    "town_school",
    "town_school_stop",
    "requirement",
    "construction_verb",
    "construction",
    "local_school",
    "local_school_stop",
    "person_named_body",
    "branch_of",
    "placeholder_before",
    "placeholder_opening",
    "sentence_school_stop",
    "verb_lead",
    "school_stem_clause",
    "school_group",
    "own_party_body",
    "every_body_before",
    "motto_separators",
    "motto_followers",
    "not_project_followers",
    "numbered_grouping",
    "programme_after",
    "honour_before",
    "counted_after",
    "phenomenon",
    "place_field",
    "counted_before",
    "document_nickname",
    "number_name",
    "number_head",
    "not_project_pattern",
    "school_name",
    "building_work_before",
    "building_work_after",
    "list_separator",
    "clause_lead",
    "round_opening",
    "law_name_continues",
    "own_title_before",
    "own_title_after",
    "publishing_notice",
    "period_label",
    "counted_label",
    "distributive",
    "short_label_not_activity",
    "short_label_activity",
    "goal_phrase",
    "goal_reached",
    "goal_reached_end",
    "media_account_before",
    "visited_before",
    "figure_before",
    "problem_before",
    "theme_before",
    "principle_before",
    "maxim",
    "keyword_before",
    "transition_before",
    "attribute_after",
    "topic_before",
    "served_before",
    "aim_after",
    "citation_before",
    "cared_before",
    "belief_at_end",
    "people_at_end",
    "school_kind",
    "priority_before",
    "priority_after",
    "owner_before",
    "livelihood_formula",
    "place_vision",
    "zone_vision",
    "zone_vision_before",
    "hazard_theme",
    "quality_pair",
    "award_name",
    "saying_comma",
    "blend",
    "manner_word",
    "joined_fields",
    "programme_in_clause",
    "manner_kind_after",
    "quote_chain",
    "formula_programme_after",
    "system_name",
    "run_verb_before",
    "chain_programme_after",
    "programme_list",
    "unquoted_programme",
    "carried_programme",
    "enumerated_programme",
    "programme_colon_list",
    "programme_list_separator",
    "unquoted_programme_stop",
    "unquoted_programme_more",
    "heading_programme",
    "conjunction_words",
    "bureau_committee",
    "body_name",
    "body_stem_stop",
    "formulaic_bodies",
    "formula_after",
    "leader_bodies",
    "leader_post_after",
    "school_list_lead",
    "school_list_item",
    "school_list_item_needs",
    "school_type_words",
    "zone_committee",
)


@cache
def name_rules() -> NameRules:
    data = yaml.safe_load(NAMES.read_text(encoding="utf-8"))
    kinds = {s: kind for kind, suffixes in data["institution_suffixes"].items() for s in suffixes}
    suffixes = alternation(kinds)
    places = alternation(load_gazetteer().by_name)
    heads = alternation(data["project_heads"])
    organisations = alternation(k for k in kinds if k not in GENERIC_SUFFIXES)
    bare_kinds = {n: kind for kind, names in data["bare_institutions"].items() for n in names}
    bare_kinds = dict(sorted(bare_kinds.items(), key=lambda item: -len(item[0])))
    joint = alternation(data["joint_body_names"])
    joint_item = rf"[省市县区州][一-鿿]{{1,6}}?局|[省市县区州]?(?:{joint})"
    national_kinds = {n: kind for kind, names in data["national_bodies"].items() for n in names}
    level_opening = rf"(?:{data['level_in_full']}|(?:{data['level_before']}){data['level_prefix']})"
    name_and_suffix = rf"({data['name_middle']})({suffixes})(?!{data['suffix_runs_on']})"
    return NameRules(
        quoted=re.compile(data["quoted"]),
        head=re.compile(rf"(?:党建|示范|专项|三年|实验|试点|创建)?(?:{heads})"),
        not_projects=frozenset(data["not_projects"]),
        **{key: re.compile(data[key]) for key in PATTERNS_AS_WRITTEN},
        policy=re.compile(data["policy_title"]),
        institution=re.compile(
            rf"(?:中共)?(?:(?<![新改扩迁续])(?:{places}){data['level_prefix']}?(?:县委|市委|区委)?"
            rf"|{level_opening}){name_and_suffix}"
        ),
        level_institution=re.compile(level_opening + name_and_suffix),
        education_unit=re.compile(rf"(?<={data['level_prefix']}){data['education_unit']}"),
        level_opening=re.compile(level_opening),
        kinds=kinds,
        max_punctuated_name=int(data["max_punctuated_name"]),
        min_bare_quoted=int(data["min_bare_quoted"]),
        short_label_max=int(data["short_label_max"]),
        motto_part_max=int(data["motto_part_max"]),
        head_at_end=re.compile(rf"(?:{heads})$"),
        institution_at_end=re.compile(rf"(?:{organisations})$"),
        works_named_as_projects=frozenset(data["works_named_as_projects"]),
        generic_places=frozenset(data["generic_places"]),
        bare=re.compile(
            rf"(?:{data['bare_before']})({'|'.join(map(re.escape, bare_kinds))})"
            rf"(?:{data['bare_after']})"
        ),
        bare_kinds=bare_kinds,
        joint_bodies=re.compile(
            rf"(?:{data['joint_work_before']})"
            rf"((?:{joint_item})(?:[、和及与](?:{joint_item}))*)(?![长主书])"
        ),
        national=re.compile(
            rf"(?:{data['national_before']})({alternation(national_kinds)}){data['national_after']}"
        ),
        university=re.compile(rf"(?:{data['national_before']})({data['university_name']})"),
        university_stop=re.compile(data["university_stop"]),
        word_place_school=re.compile(
            rf"(?:{data['word_place_before']})({alternation(word_short_names())})"
            rf"{data['word_place_school']}"
        ),
        name_continuation=re.compile(
            rf"{data['name_continuation']}|(?:(?<=局)|(?<=厅)|(?<=教委))"
            rf"(?:{alternation(data['department_stems'])})(?:{data['bureau_division_words']})"
            rf"(?:{data['department_after']})"
        ),
        construction_lead=re.compile(
            rf"^(?:{data['construction_verb']}|{data['construction_lead']})+"
        ),
        level_word=re.compile(data["level_prefix"]),
        bureau_joint=re.compile(data["bureau_joint"]),
        national_kinds=national_kinds,
        body_before=re.compile(data["body_before"]),
        body_opening=re.compile(rf".*(?:{data['body_verbs']}|{data['body_chair']})"),
        body_suffix=re.compile(
            r"(?:工作领导小组|领导小组|指导委员会|委员会|办公室|专班)(?:秘书组|办公室)?$"
        ),
        addressee_before=re.compile(data["addressee_before"]),
        place_read_as_verb=re.compile(data["place_read_as_verb"]),
        venue=re.compile(data["venue"]),
        venue_stop=re.compile(data["venue_stop"]),
        named_school_district=re.compile(data["named_school_district"]),
        school_district_stop=re.compile(data["school_district_stop"]),
        college_name=re.compile(data["college_name"]),
        college_stop=re.compile(data["college_stop"]),
        department=re.compile(
            rf"(?:{data['department_before']})"
            rf"((?:{alternation(data['department_stems'])})(?:{alternation(data['department_words'])})"
            rf"|{alternation(data['department_alone'])})(?:{data['department_after']})"
        ),
        descriptor_heads=tuple(sorted(data["descriptor_heads"], key=len, reverse=True)),
        institution_abbreviations=dict(
            sorted(data["institution_abbreviations"].items(), key=lambda kv: -len(kv[0]))
        ),
    )


def _span(doc: Doc, start: int, end: int, label: str, key: str, kind: str = "") -> Span | None:
    span = doc.char_span(start, end, label=label, kb_id=kind, span_id=key, alignment_mode="expand")
    return span


def quoted_projects(text: str) -> Iterator[tuple[int, int, str]]:
    rules = name_rules()
    for match in rules.quoted.finditer(text):
        inner = match[1].strip()
        punctuated = re.search(r"[,，、;；]", inner)
        if inner in rules.not_projects:
            if named := rules.formula_programme_after.match(text, match.end()):
                yield match.start(), named.end(), inner + named.group()
            continue
        if re.search(r"[。:：!?]", inner):
            continue
        if punctuated and len(inner) > rules.max_punctuated_name and not _has_head(text, match):
            continue
        if _saying(text, inner, match):
            continue  # 编者按: “开局关系全局，起步决定后程”
        if _priority(text, match):
            continue  # 把教育作为“一把手”工程来抓
        if rules.period_label.match(inner) or rules.requirement.search(inner):
            continue
        if _honour(text, inner, match.start()):
            continue  # 荣获“全省教育工作先进县”称号: an achievement, not a programme
        head = rules.head.match(text, match.end())
        if not head and (rules.hazard_theme.match(inner) or rules.quality_pair.match(inner)):
            continue  # “防溺水”宣传教育, “小而美”乡村学校: a theme, a quality
        activity = None if head else _activity_after(text, inner, match.end())
        if activity:
            yield match.start(), activity.end(), inner + activity[1]
            continue
        if not head and _unrun_count(text, inner, match.start(), match.end()):
            continue
        if not head and _goal_or_vision(text, inner, match.start(), match.end()):
            continue  # 办人民满意的教育, 教育高地, 建成“教育强区”: a goal or a vision
        if _place_brand(inner) and (not head or head.group().endswith(rules.descriptor_heads)):
            continue  # “东城教育”品牌, “学在青山”: the place's education itself, not a programme
        if not head and _said_of_something_else(text, inner, match.start(), match.end()):
            continue  # “择校热”, 实现“学有优教”。, 下好“先手棋”, 弘扬“红船精神”
        built = rules.short_label_built.match(text, match.end())
        if not head and len(inner) < rules.min_bare_quoted and not built:
            continue
        if not head and _is_motto(inner) and not _run(text, match.start(), match.end()):
            continue  # “生态强市、魅力承德”: a list of short clauses is a slogan unless run
        if rules.number_name.match(inner):
            head = rules.number_head.match(text, match.end())
            if not head:
                continue
        if rules.not_project_pattern.search(inner):
            continue  # days and festivals (…安全教育日, 端午节), with or without 活动 after them
        if _is_motto(inner) and rules.motto_followers.match(text, match.end()):
            continue
        if _only_known_slogans(inner):
            continue
        if not head and _not_a_project(inner, text, match.start(), match.end()):
            continue
        if head and head.group().endswith(rules.descriptor_heads):
            yield match.start(), head.end(), inner  # “双培养”机制: the word describes the label
        elif head and not re.search(r"[“”]", head.group()):
            yield match.start(), head.end(), inner + head.group()
        else:
            yield match.start(), match.end(), inner


ALIASES = Path(__file__).parent.parent / "data" / "aliases" / "aliases.csv"


@cache
def known_projects() -> frozenset[str]:
    """The names in the project gazetteer (patterns/projects.jsonl) and the alias table."""
    lines = (Path(__file__).parent / "patterns" / "projects.jsonl").read_text(encoding="utf-8")
    names = {json.loads(line)["pattern"] for line in lines.splitlines() if line.strip()}
    with ALIASES.open(encoding="utf-8") as handle:
        names |= {row["variant"] for row in csv.DictReader(handle) if row["kind"] == "project"}
    return frozenset(names)


def _said_of_something_else(text: str, inner: str, start: int, end: int) -> bool:
    """A quoted phrase that names a problem (“择校热”), a goal reached (实现“学有优教”。), a figure
    of speech (下好“先手棋”), what the plan fights (防止“层层加码”), a theme it carries on
    (弘扬“红船精神”), a principle, a state or an attribute (办“有温度”的教育), not a programme
    it runs."""
    rules = name_rules()
    if inner in known_projects() or rules.run_verb_before.search(text, max(0, start - 4), start):
        return False
    before = text[max(0, start - 2) : start]
    reached = rules.goal_reached.search(before) and rules.goal_reached_end.match(text, end)
    return bool(
        rules.phenomenon.search(inner)
        or reached
        or rules.figure_before.search(before)
        or rules.problem_before.search(before)
        or rules.theme_before.search(before)
        or rules.principle_before.search(before)
        or rules.transition_before.search(before)
        or rules.maxim.search(inner)
        or rules.keyword_before.search(text, max(0, start - 6), start)
        or (rules.attribute_after.match(text, end) and not rules.counted_label.match(inner))
        or rules.topic_before.search(before)
        or rules.served_before.search(before)
        or rules.citation_before.search(text, max(0, start - 4), start)
        or rules.owner_before.search(text, max(0, start - 3), start)
        or _aim(text, start, end)
    )


def _aim(text: str, start: int, end: int) -> bool:
    """以“教育强区”为目标: the plan's aim or theme, not its instrument."""
    rules = name_rules()
    framed = rules.instrument_frame.search(text, max(0, start - 1), start)
    return bool(framed and rules.aim_after.match(text, end))


def _goal_or_vision(text: str, inner: str, start: int, end: int) -> bool:
    """A goal phrase, a positioning, the livelihood formula (“学有所教”) or a zone the place
    builds (打造“…示范区”), unless a programme word follows (实施“家门口好学校”建设行动)."""
    rules = name_rules()
    if rules.formula_programme_after.match(text, end):
        return False
    if rules.zone_vision.search(inner):  # 打造“…示范区”: the place's positioning
        return bool(rules.zone_vision_before.search(text, max(0, start - 4), start))
    return bool(
        rules.goal_phrase.match(inner)
        or rules.positioning_head.search(inner)
        or rules.livelihood_formula.match(inner)
    )


def _place_brand(inner: str) -> bool:
    """“东城教育”, “学在青山”, “康养**”: a place's education, brand or vision, named by the
    place (or its mask), not a programme unless the name ends in a programme word."""
    rules = name_rules()
    if rules.head_at_end.search(inner):
        return False
    field = rules.place_field.search(inner)
    if field is not None and inner[: field.start()] in load_gazetteer().by_name:
        return True
    return bool(rules.place_vision.search(inner))


def _honour(text: str, inner: str, start: int) -> bool:
    """荣获“A”“B”等称号, 被评为“C”: every quote of the chain after the verb names an honour."""
    if inner in known_projects():
        return False
    return bool(name_rules().honour_before.search(text, max(0, start - 120), start))


def _activity_after(text: str, inner: str, end: int) -> re.Match[str] | None:
    """“中高本”衔接和…: the activity written right after a short label belongs to its name."""
    rules = name_rules()
    if len(inner) > rules.short_label_max or inner in rules.not_projects:
        return None
    if rules.award_name.search(inner):
        return None  # “县长杯”足球赛: a contest is named by its cup, no programme
    if inner in known_projects():
        return None  # “双减”攻坚成果: a known programme's name stands alone
    if rules.number_name.match(inner) or rules.system_name.search(inner):
        return None  # “321”发展愿景, “学区制”综合改革: a code or a named system stands alone
    if _manner(inner, text, end):
        return None  # “订单式”培养: a manner of the activity, no name
    activity = rules.short_label_activity.match(text, end)
    if activity is None or rules.short_label_not_activity.match(activity[1]):
        return None
    if rules.not_project_followers.fullmatch(activity[1]):
        return None  # “强省会”战略, “五唯”顽瘴痼疾: what follows says the label is no programme
    return activity


def _run(text: str, start: int, end: int | None = None) -> bool:
    """A verb that runs things (实施, 开展, 推进 …) right before a quoted name, or the name taken
    as the plan's instrument (以“…”为抓手)."""
    rules = name_rules()
    if rules.run_verb_before.search(text, max(0, start - 4), start):
        return True
    if end is not None and rules.chain_programme_after.match(text, end):
        return True  # “A”“B”等志愿服务活动
    return end is not None and bool(
        rules.instrument_frame.search(text, max(0, start - 1), start)
        and rules.instrument_after.match(text, end)
    )


def _saying(text: str, inner: str, match: re.Match[str]) -> bool:
    """Clauses in quotes with a comma between them, neither named a programme nor run."""
    if not name_rules().saying_comma.search(inner) or _has_head(text, match):
        return False
    return not _run(text, match.start(), match.end())


def _priority(text: str, match: re.Match[str]) -> bool:
    rules = name_rules()
    taken_as = rules.priority_before.search(text, max(0, match.start() - 2), match.start())
    return bool(taken_as and rules.priority_after.match(text, match.end()))


def _has_head(text: str, match: re.Match[str]) -> bool:
    return bool(name_rules().head.match(text, match.end()))


def _unrun_count(text: str, inner: str, start: int, end: int) -> bool:
    """“四区”, “三件大事”: a label built on a count that the plan does not run."""
    rules = name_rules()
    run = _run(text, start, end)
    named = rules.head_at_end.search(inner)  # “三个100行动” names its programme itself
    named = named or rules.programme_after.match(text, end)  # “四个定向”专项工作
    counted = rules.counted_label.match(inner) and not rules.distributive.match(inner)
    return bool(counted) and not run and not named


def programme_lists(text: str) -> Iterator[tuple[int, int, str]]:
    """Each item of a quoted list of named programmes (“A工程、B工程”等八项工程)."""
    for match in name_rules().programme_list.finditer(text):
        position = match.start(1)
        for item in match[1].split("、"):
            nested = re.search(r"[‘'“]", item)  # 义务教育‘双减’改革 → 双减改革
            start = position + (nested.start() if nested else 0)
            name = re.sub(r"[‘’'“”]", "", item[nested.start() :] if nested else item)
            yield start, position + len(item), name
            position += len(item) + 1


def unquoted_programmes(text: str) -> Iterator[tuple[int, int, str]]:
    """实施职业院校达标工程, 开展送课到校活动: a programme run by name without quote marks."""
    rules = name_rules()
    matches = [
        *rules.unquoted_programme.finditer(text),
        *rules.carried_programme.finditer(text),
        *rules.enumerated_programme.finditer(text),
        *rules.heading_programme.finditer(text),
    ]
    found: set[int] = set()
    for match in sorted(matches, key=lambda m: m.start()):
        lead = rules.clause_lead.match(match[1])  # 启动实施X计划: the verbs open no name
        name = rules.round_opening.sub("", match[1][lead.end() :] if lead else match[1])
        if _programme_name(name) and match.end(1) not in found:
            found.add(match.end(1))  # a heading's verb and its number find one name twice
            yield match.end(1) - len(name), match.end(1), name
            yield from _joined_programmes(text, match.end(1))
    yield from _colon_listed_programmes(text)


def _colon_listed_programmes(text: str) -> Iterator[tuple[int, int, str]]:
    """“五大行动”：A行动、B行动、C行动: each part spelt out after the colon is a programme."""
    rules = name_rules()
    for listing in rules.programme_colon_list.finditer(text):
        position = listing.start(1)
        for item in rules.programme_list_separator.split(listing[1]):
            if _programme_name(item):
                yield position, position + len(item), item
            position += len(item) + 1


def _joined_programmes(text: str, end: int) -> Iterator[tuple[int, int, str]]:
    """实施A工程和B行动: the programmes joined to the one the verb runs."""
    rules = name_rules()
    while (more := rules.unquoted_programme_more.match(text, end)) and _programme_name(more[1]):
        yield more.start(1), more.end(1), more[1]
        end = more.end(1)


def _programme_name(name: str) -> bool:
    rules = name_rules()
    words = rules.conjunction_words.sub("", name)  # 普及 joins nothing
    return len(name) > 4 and not rules.unquoted_programme_stop.search(words)


def _not_a_project(inner: str, text: str, start: int, end: int) -> bool:
    """A quoted phrase without a programme noun after it that reads as a description, a
    grouping, a counted thing or an organisation."""
    rules = name_rules()
    chain = rules.quote_chain.match(text, end)
    return bool(
        rules.not_project_followers.match(text, chain.end() if chain else end)
        or (
            rules.numbered_grouping.match(inner)
            and not rules.head_at_end.search(inner)
            and not rules.programme_after.match(text, end)
        )
        or rules.counted_before.search(text, max(0, start - 2), start)
        or rules.cared_before.search(text, max(0, start - 2), start)
        or (rules.people_at_end.search(inner) and not rules.programme_after.match(text, end))
        or (rules.belief_at_end.search(inner) and not rules.programme_after.match(text, end))
        or rules.school_kind.search(inner)
        or rules.media_account_before.search(text, max(0, start - 2), start)
        or rules.visited_before.search(text, max(0, start - 2), start)
        or rules.counted_after.match(text, end)
        or (rules.institution_at_end.search(inner) and not rules.distributive.match(inner))
        or rules.document_nickname.search(inner)
        or rules.award_name.search(inner)
        or rules.blend.match(inner.replace("＋", "+"))
        or _manner(inner, text, end)
        or (rules.joined_fields.match(inner) and not rules.programme_in_clause.match(text, end))
    )


def _manner(inner: str, text: str, end: int) -> bool:
    rules = name_rules()
    return bool(rules.manner_word.search(inner) and not rules.manner_kind_after.match(text, end))


def _only_known_slogans(name: str) -> bool:
    """走出去,请进来 / 请进来+走出去: every part is itself a known non-project."""
    parts = re.split(r"[、,，+·]", name)
    return len(parts) > 1 and all(part in name_rules().not_projects for part in parts)


def _is_motto(name: str) -> bool:
    rules = name_rules()
    parts = rules.motto_separators.split(name)
    return len(parts) > 1 and all(len(part) <= rules.motto_part_max for part in parts)


def construction_projects(text: str) -> Iterator[tuple[int, int, str]]:
    """Named schools with building work: every school of a list (新建A、B; A、B的改扩建工作),
    then single phrases (瓮安二小改扩建项目) where no list already covers the text."""
    rules = name_rules()
    taken: list[tuple[int, int]] = []
    for start, end, school, work in school_building_lists(text):
        taken.append((start, end))
        suffix = "工程" if work in rules.works_named_as_projects else ""
        yield start, end, f"{school}{work}{suffix}"
    for match in rules.construction.finditer(text):
        lead = rules.construction_lead.match(match.group())
        start = match.start() + (lead.end() if lead else 0)
        verbs = list(rules.construction_verb.finditer(text, start, match.end(1)))
        start = verbs[-1].end() if verbs else start
        name = re.sub(r"(?<=[项工][目程])建设$", "", text[start : match.end()])
        end = start + len(name)
        if "的" in name or rules.middle_breakers.search(text[start : match.end(1)]):
            continue
        if match[2] != "建设" and not re.search(r"[新扩续迁改]建|改造|工程|项目", match[2]):
            continue  # 高台一中深化骨干团队建设: building up a team, not a building
        if len(name) > 5 and not _overlaps((start, end), taken):
            yield start, end, name


def school_building_lists(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, school, work) for every school named in a list with its building work."""
    rules = name_rules()
    for work in rules.building_work_before.finditer(text):
        for start, end in _schools_after(text, work.end()):
            yield start, end, text[start:end], work[1]
    for work in rules.building_work_after.finditer(text):
        for start, end in _schools_before(text, work.start()):
            yield start, end, text[start:end], work[1]


def _schools_after(text: str, position: int) -> Iterator[tuple[int, int]]:
    rules = name_rules()
    while school := rules.school_name.match(text, position):
        if not _is_named_school(school.group()):
            return
        yield school.span()
        separator = rules.list_separator.match(text, school.end())
        if not separator:
            return
        position = separator.end()


def _schools_before(text: str, position: int) -> Iterator[tuple[int, int]]:
    """The schools of the list that ends at ``position``, back to the clause start."""
    rules = name_rules()
    clause_start = max(text.rfind(mark, 0, position) for mark in CLAUSE_MARKS) + 1
    found = []
    end = position
    for part in reversed(rules.list_separator.split(text[clause_start:position])):
        lead = rules.clause_lead.match(part)
        name = part[lead.end() :] if lead else part
        if not rules.school_name.fullmatch(name) or not _is_named_school(name):
            break
        found.append((end - len(name), end))
        end -= len(part) + 1
    yield from reversed(found)


def _is_named_school(name: str) -> bool:
    stem = SCHOOL_TYPE.sub("", name)
    return len(stem) >= 2 and not name_rules().local_school_stop.search(stem)


def policy_title_spans(text: str) -> list[tuple[int, int]]:
    """Where 《》 titles stand: what is named or counted inside one belongs to the title."""
    return [match.span() for match in name_rules().policy.finditer(text)]


def cited_policies(text: str) -> Iterator[tuple[int, int, str]]:
    rules = name_rules()
    titles = [(m, re.sub(r"\s+", "", m["title"])) for m in rules.policy.finditer(text)]
    own = {title for match, title in titles if _publishes(text, match)}
    for match, title in titles:
        if title not in own:
            yield match.start(), match.end(), title


def _publishes(text: str, match: re.Match[str]) -> bool:
    """关于印发《X》的通知: the notice publishing the plan names the plan itself."""
    rules = name_rules()
    before = text[max(0, match.start() - 6) : match.start()]
    after = rules.own_title_after.match(text, match.end())
    return bool(rules.own_title_before.search(before) or after)


def named_institutions(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Named organisations, longest forms first; none inside a 《》 title (a title names its
    issuer, not an actor of the plan), in an addressee list (各县区教育局) or in a formula of
    obedience (按照市委、市政府决策部署)."""
    rules = name_rules()
    taken = [m.span() for m in rules.policy.finditer(text)]
    for start, end, name, kind in _candidates(text):
        if _overlaps((start, end), taken) or rules.addressee_before.search(text, 0, start):
            continue
        if rules.placeholder_before.search(text, 0, start) or rules.placeholder_opening.match(name):
            continue  # XX县教育局: an anonymised place
        if _in_formula(text, end, name) or _in_leaders_title(text, end, name):
            continue
        taken.append((start, end))
        yield start, end, name, kind


def _in_formula(text: str, end: int, name: str) -> bool:
    """按照市委、市政府决策部署; 县委、县政府将一如既往…: a level's leadership in a formula."""
    rules = name_rules()
    if not rules.formulaic_bodies.match(_without_place(name)):
        return False
    return bool(rules.formula_after.match(text, end))


def _in_leaders_title(text: str, end: int, name: str) -> bool:
    """县人大常委会副主任钟丽华: the body names a leader's post."""
    rules = name_rules()
    return bool(
        rules.leader_bodies.match(_without_place(name)) and rules.leader_post_after.match(text, end)
    )


def _candidates(text: str) -> Iterator[tuple[int, int, str, str]]:
    """Every rule's names, the longest-reaching rules first (a whole school name before the
    university inside it)."""
    yield from _school_lists(text)
    for start, end, school, _ in school_building_lists(text):
        yield start, end, school, _school_kind(school)
    for match in name_rules().bureau_committee.finditer(text):
        yield match.start(), match.end(), match.group(), "party_body"
    for match in name_rules().zone_committee.finditer(text):
        yield match.start(1), match.end(1), match[1], "government"
    yield from _place_named(text)
    yield from _joint_bodies(text)
    yield from _education_units(text)
    yield from _national_bodies(text)
    yield from _word_place_schools(text)
    yield from _colleges(text)
    yield from _person_named(text)
    yield from _bodies(text)
    yield from _venues(text)
    yield from _school_districts(text)
    yield from _town_schools(text)
    yield from _school_groups(text)
    yield from _local_schools(text)
    yield from _departments(text)
    rules = name_rules()
    for match in rules.bare.finditer(text):
        yield match.start(1), match.end(1), match[1], rules.bare_kinds[match[1]]


def _joint_bodies(text: str) -> Iterator[tuple[int, int, str, str]]:
    """会同人社局、财政局; 局党委: other sectors' and the bureau's own bodies written bare."""
    rules = name_rules()
    for match in rules.joint_bodies.finditer(text):
        position = match.start(1)
        for item in re.split(r"([、和及与])", match[1]):
            if item and item not in "、和及与" and not _no_body(item):
                yield position, position + len(item), item, _bare_body_kind(item)
            position += len(item)
    for match in rules.own_party_body.finditer(text):
        yield match.start(1), match.end(1), match[1], "party_body"


def _no_body(name: str) -> bool:
    """区域布局, 省级当局, 县城格局: a level's word and a word ending in 局."""
    rules = name_rules()
    middle = name[1:-1] if rules.level_word.match(name) else ""  # the list's names are bodies
    return bool(rules.not_a_body.search(name) or rules.middle_breakers.search(middle))


def _bare_body_kind(name: str) -> str:
    """人社局 and 卫健委 are bureaus, 编办 and 团县委 party bodies: the kind of the name written
    in full (县人社局), by its last words."""
    if name.startswith("团"):
        return "party_body"  # the Youth League's committee
    return kind_by_last_words(name) or ("bureau" if name.endswith("委") else "other")


def kind_by_last_words(name: str) -> str | None:
    """The kind of body a name's last words make it (…教育局 a bureau, …幼儿园 a kindergarten),
    the longest such words deciding; None when no kind's words end it."""
    kinds = name_rules().kinds
    return next((kinds[s] for s in _suffixes_longest_first() if name.endswith(s)), None)


@cache
def _suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(name_rules().kinds, key=len, reverse=True))


def _place_named(text: str) -> Iterator[tuple[int, int, str, str]]:
    rules = name_rules()
    for match in _institution_matches(text):
        generic = match[1] == "" and _generic_school(match.group(), match[2])
        bureau = match[2].endswith(("局", "厅"))
        middle = rules.bureau_joint.sub("", match[1]) if bureau else match[1]
        if (
            generic
            or rules.middle_breakers.search(middle)
            or SCHOOLS_OF_ALL_STAGES.search(match.group())
        ):
            continue
        if rules.not_a_body.search(match.group()) or (match[2] in ("局", "厅") and not match[1]):
            continue  # 新格局; 县局 names no bureau
        if UNIVERSITY_BEFORE.search(text, max(0, match.start() - 4), match.start()):
            continue  # 张掖开放大学高台学院, …大学附属番禺小学: the university's own college
        yield _continued(
            text, _branch_opening(text, match.start()), match.end(), rules.kinds[match[2]]
        )


def _branch_opening(text: str, start: int) -> int:
    branch_of = name_rules().branch_of.search(text, max(0, start - 8), start)
    return branch_of.start() if branch_of else start


def _education_units(text: str) -> Iterator[tuple[int, int, str, str]]:
    for match in name_rules().education_unit.finditer(text):
        start = _opening(text, match.start() - 1)
        if start is not None:
            yield start, match.end(), text[start : match.end()], "department"


def _opening(text: str, level: int) -> int | None:
    """Where the place before a level's word starts (文成县, 大庆市), or the level's word itself
    where it opens a name (发挥县…, not 全县)."""
    by_name = load_gazetteer().by_name
    for start in range(max(0, level - 8), level - 1):
        place = text[start:level]
        if (place in by_name or text[start : level + 1] in by_name) and _place_stands(text, start):
            return start
    return level if name_rules().level_opening.match(text, level) else None


def _institution_matches(text: str) -> Iterator[re.Match[str]]:
    """Names opened by a place, or by a level's word where the place is no place (市教育局会同
    市财政局: the search goes on inside the word that looked like a place)."""
    pattern, position = name_rules().institution, 0
    while found := pattern.search(text, position):
        match: re.Match[str] | None = found
        if not _place_stands(text, found.start()):  # 市中医院: 市中 is no place, 市 a level
            match = name_rules().level_institution.match(text, found.start())
        if match:
            yield match
            position = match.end()
        else:
            position = found.start() + 1


def _continued(text: str, start: int, end: int, kind: str) -> tuple[int, int, str, str]:
    """A name that runs on into a body of its own (县纪委监委驻县教育局纪检监察组: the group, not
    the commission; 华中师范大学附属中学: the school, not the university) is that body's, and
    so on (贵州大学附属中学兴义校区: the university's school's campus)."""
    reached = end
    while continued := name_rules().name_continuation.match(text, reached):
        reached = continued.end()
    if reached == end:
        return start, end, text[start:end], kind
    name = text[start:reached]
    if SCHOOL_TYPE.search(name) or re.search(r"(?:学校|分校|分园)$", name):
        kind = _school_kind(name)
    elif re.search(r"纪检(?:监察)?组$|(?:局|教委|机关)党[委组]$|监委$", name):
        kind = "party_body"
    elif re.search(r"[局委厅]办公室$|[局委厅][一-鿿]{2,10}[处科股]$", name):
        kind = "department"
    return start, reached, name, kind


def _national_bodies(text: str) -> Iterator[tuple[int, int, str, str]]:
    rules = name_rules()
    for match in rules.national.finditer(text):
        yield _continued(text, match.start(1), match.end(1), rules.national_kinds[match[1]])
    for match in rules.university.finditer(text):
        if not rules.university_stop.search(match[1]):
            kind = "other" if match[1].endswith("研究院") else "university"
            yield _continued(text, match.start(1), match.end(1), kind)


def _word_place_schools(text: str) -> Iterator[tuple[int, int, str, str]]:
    """大同大学, 长治二中: a city's colleges and numbered schools opened by its short name where
    that name is also a word."""
    for match in name_rules().word_place_school.finditer(text):
        kind = "university" if match[3] else "school"
        yield _continued(text, match.start(1), match.end(), kind)


def _colleges(text: str) -> Iterator[tuple[int, int, str, str]]:
    """长江师范学院: a college named by a word that is no place, not a kind of college."""
    rules = name_rules()
    for match in rules.college_name.finditer(text):
        if not rules.college_stop.match(match[1]):
            yield _continued(text, match.start(1), match.end(1), "university")


def _person_named(text: str) -> Iterator[tuple[int, int, str, str]]:
    """汉斯•赛德尔基金会: a foreign person's given and family name, joined by a dot."""
    for match in name_rules().person_named_body.finditer(text):
        name = match[1]
        kind = next(kind for suffix, kind in PERSON_NAMED_KINDS if name.endswith(suffix))
        yield match.start(1), match.end(1), name, kind


def _bodies(text: str) -> Iterator[tuple[int, int, str, str]]:
    """综合改革领导小组, 学区学术指导委员会: bodies named without a place, after a verb that
    acts on a body (发挥…作用, 成立) or a list separator."""
    rules = name_rules()
    for match in rules.body_name.finditer(text):
        lead = rules.body_before.search(text, max(0, match.start() - 4), match.start())
        inner = rules.body_opening.match(match[1])  # 完善领导小组: the verb opens the name
        if lead is None and inner is None:
            continue
        name = match[1][inner.end() :] if inner else match[1]
        name = name[_clause_verb_end(name) :]  # 落实教育督导委员会职责: the verb opens the clause
        start = match.end(1) - len(name)
        stem = rules.body_suffix.sub("", name)
        if rules.every_body_before.search(text, max(0, start - 12), start):
            continue  # 各校要成立…领导小组: a kind of body each school has
        if len(stem) >= 2 and not rules.body_stem_stop.search(stem):
            yield start, match.end(1), name, _body_kind(name)


def _clause_verb_end(name: str) -> int:
    verb = name_rules().verb_lead.match(name)
    return verb.end() if verb else 0


def _venues(text: str) -> Iterator[tuple[int, int, str, str]]:
    """依托华东革命烈士陵园、沂蒙红嫂纪念馆: venues named by their own name, not a kind of venue."""
    rules = name_rules()
    for match in rules.venue.finditer(text):
        if not rules.venue_stop.match(match["stem"]):
            yield match.start(1), match.end(1), match[1], "other"


def _school_districts(text: str) -> Iterator[tuple[int, int, str, str]]:
    """东直门学区: a school district named by its street or place, not a kind of district."""
    rules = name_rules()
    for match in rules.named_school_district.finditer(text):
        if not rules.school_district_stop.match(match[1]):
            yield match.start(1), match.end(1), match[1], "association"


def _body_kind(name: str) -> str:
    return "party_body" if re.search(r"[县市区省]委|党", name) else "department"


def _school_lists(text: str) -> Iterator[tuple[int, int, str, str]]:
    """建立A附属实验学校、B大学附属…学校: each item of the list is one school's whole name."""
    rules = name_rules()
    for lead in rules.school_list_lead.finditer(text):
        position = lead.end()
        while item := rules.school_list_item.match(text, position):
            if not rules.school_list_item_needs.search(item.group()):
                break
            school = _continued(text, item.start(), item.end(), _school_kind(item.group()))
            yield school
            separator = rules.list_separator.match(text, school[1])
            if not separator:
                break
            position = separator.end()


def _departments(text: str) -> Iterator[tuple[int, int, str, str]]:
    for match in name_rules().department.finditer(text):
        yield match.start(1), match.end(1), match[1], "department"


def _town_schools(text: str) -> Iterator[tuple[int, int, str, str]]:
    rules = name_rules()
    for match in rules.town_school.finditer(text):
        town = match[1]  # 各乡镇中心学校: every town's; 加快城镇学校: no town at all
        if not (rules.town_school_stop.search(town) or rules.verb_lead.match(town)):
            yield match.start(1), match.end(), match.group(0), _school_kind(match.group(0))


def _school_groups(text: str) -> Iterator[tuple[int, int, str, str]]:
    """推进人和街小学教育集团建设: a group named by its leading school, after its verb."""
    for match in name_rules().school_group.finditer(text):
        if _is_local_stem(LOCAL_SCHOOL_WORD.sub("", match[1])):
            yield match.start(1), match.end(), match.group(), "association"


def _is_local_stem(stem: str) -> bool:
    rules = name_rules()
    return not (
        len(stem) < 2
        or rules.local_school_stop.search(stem)
        or rules.school_type_words.search(stem)
    )


def _local_schools(text: str) -> Iterator[tuple[int, int, str, str]]:
    rules = name_rules()
    for match in rules.local_school.finditer(text):
        leads = (rules.verb_lead.match(match[1]), rules.school_stem_clause.match(match[1]))
        start = match.start(1) + max((lead.end() for lead in leads if lead), default=0)
        name = text[start : match.end(1)].lstrip("到入至")  # 并入到X小学
        start = match.end(1) - len(name)
        if not _is_local_stem(LOCAL_SCHOOL_WORD.sub("", name)):
            continue  # 普惠性幼儿园, 优质学校: a type of school, not a school
        opening = text[match.start(1) - 1 : match.start(1)]
        if opening and opening in "。;；.．" and rules.sentence_school_stop.search(name):
            continue
        yield _continued(text, start, match.end(1), _school_kind(name))


def _school_kind(name: str) -> str:
    return "kindergarten" if name.endswith(("幼儿园", "分园")) else "school"


def _without_place(name: str) -> str:
    """市政府 → 政府, 中共阳城县委 → 委: what is left of a name after its place."""
    rest = name.removeprefix("中共")
    place = load_gazetteer().pattern.match(rest)
    return rest[place.end() :] if place else rest


def _place_stands(text: str, start: int) -> bool:
    """岚县 in 青岚县教育局 is no place: the name's own boundary rules hold inside names too."""
    gazetteer = load_gazetteer()
    place = gazetteer.pattern.match(text, start + 2 if text.startswith("中共", start) else start)
    if place is None:
        return True
    if _verb_not_place(text, place.start()):
        return False
    regions = gazetteer.by_name[place.group()]
    if regions[0].name != place.group():
        if name_rules().level_word.match(place.group()):
            return False  # 市中 of 市中区 in 全市中职学校: a level's word and a word after it
        glued = place.start() > 0 and "\u4e00" <= text[place.start() - 1] <= "\u9fff"
        return not glued or _level_fits(text[place.end() : place.end() + 1], regions)
    return stands_as_place(text, place.start(), place.end(), "region.full")


def _verb_not_place(text: str, start: int) -> bool:
    """会同县公安局 after a comma: the verb 会同 and the county's bureau, not 会同县's bureau."""
    line_start = start == 0 or text[start - 1] == "\n"
    return not line_start and bool(name_rules().place_read_as_verb.match(text, start))


def _level_fits(after: str, regions: list[Region]) -> bool:
    """会同 in 市教育局会同市财政局 is the verb (会同县 is no 市): a short name glued to the word
    before it stands before a level's word only if one of its regions has that level. (After a
    boundary it stands even so: a county since renamed a district, 兖州市教育局.)"""
    if not name_rules().level_word.fullmatch(after):
        return True
    return any(region.name.endswith(after) for region in regions)


def _generic_school(name: str, suffix: str) -> bool:
    """县中学, 州中学, 山东省学校, 城区小学: a place and a school type, no particular school; a
    city's own university takes its name bare (济宁学院, 成都大学)."""
    if suffix not in GENERIC_SUFFIXES:
        return False
    place = name.removeprefix("中共")[: -len(suffix)]
    return (
        name_rules().level_word.fullmatch(place) is not None
        or suffix == "学校"
        or (suffix in ("大学", "学院") and place.endswith(("省", "市", "县", "区")))
        or (place in name_rules().generic_places)
    )


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)


TEXT_KEY = "plangraph_text"


def text_of(doc: Doc) -> str:
    """The doc's text, kept after the first call: ``Doc.text`` joins every token anew."""
    if TEXT_KEY not in doc.user_data:
        doc.user_data[TEXT_KEY] = doc.text
    return str(doc.user_data[TEXT_KEY])


@Language.factory("plangraph_quoted_names_v1", default_config={"spans_key": "mentions"})
def make_quoted_names(nlp: Language, name: str, spans_key: str) -> QuotedNames:
    return QuotedNames(spans_key)


class QuotedNames:
    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        titles = policy_title_spans(text)
        kept = [s for s in doc.spans.get(self.spans_key, []) if not _runs_on(s, text)]
        projects = [
            *quoted_projects(text),
            *construction_projects(text),
            *programme_lists(text),
            *unquoted_programmes(text),
        ]
        found = [_span(doc, s, e, "PROJECT", name) for s, e, name in projects]
        found += [_span(doc, s, e, "POLICY", title) for s, e, title in cited_policies(text)]
        spans = [s for s in kept + found if s is not None and not _inside_title(s, titles)]
        doc.spans[self.spans_key] = spans
        return doc


def _inside_title(span: Span, titles: list[tuple[int, int]]) -> bool:
    """A programme named only in a 《》 title is the title's subject, not one the plan runs."""
    return span.label_ == "PROJECT" and any(
        start < span.start_char and span.end_char <= end for start, end in titles
    )


def _runs_on(span: Span, text: str) -> bool:
    """A gazetteer law name that is only the start of a longer word (教育法 in 教育法治)."""
    return span.label_ == "POLICY" and bool(
        name_rules().law_name_continues.match(text, span.end_char)
    )


@Language.factory("plangraph_institutions_v1", default_config={"spans_key": "mentions"})
def make_institutions(nlp: Language, name: str, spans_key: str) -> Institutions:
    return Institutions(spans_key)


class Institutions:
    def __init__(self, spans_key: str) -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        found = [
            _span(doc, s, e, "INSTITUTION", name, kind)
            for s, e, name, kind in named_institutions(text_of(doc))
        ]
        doc.spans[self.spans_key] = list(doc.spans.get(self.spans_key, [])) + [
            s for s in found if s is not None
        ]
        return doc
