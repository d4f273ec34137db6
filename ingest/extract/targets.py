"""Quantitative targets: a number with its unit tied to the thing to achieve (入学率达90%,
新建幼儿园2所, 不少于10个), with comparator and deadline. Rules in patterns/targets.yml."""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import yaml

from ingest.extract.components import policy_title_spans
from ingest.extract.literals import alternation
from ingest.models import Comparator, Goal, Measure, Target
from ingest.spans import innermost_item

RULES = Path(__file__).parent / "patterns" / "targets.yml"
CHINESE_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
MAX_METRIC = 30
MAX_MODIFIER = (
    4  # 小学、初中入学率; 城镇、农村学校覆盖率: the modifiers listed before a shared head
)
LONG_RANGE = 5  # years between a plan's horizon (2025) and its long-range vision (2035)
# 一支队伍, 一批学校 are measure words; 一次, 一小时, 一天 are quantities.
ONE_IS_A_QUANTITY = frozenset({"次", "小时", "个小时", "天", "学时", "课时"})
# A bare 百 or 千 (百名校长, 千名教师) names a campaign; a count is written 100名, 一百名.
NAMING_NUMERALS = frozenset({"百", "千"})
PERCENT_IN_WORDS = "百分之"  # 百分之九十五: the unit written before the number
# rates: the metric is the rate before
SHARE_UNITS = frozenset({"%", "个百分点", "百分点", "个千分点", "千分点", "‰", PERCENT_IN_WORDS})


@dataclass(frozen=True, slots=True)
class TargetRules:
    number: re.Pattern[str]
    percent_in_words: re.Pattern[str]
    comparator_of: dict[str, Comparator]
    metric_lead: re.Pattern[str]
    clause_break: re.Pattern[str]
    deadlines: tuple[tuple[re.Pattern[str], str], ...]
    unit_aliases: dict[str, str]
    not_metrics: re.Pattern[str]
    meeting_after: re.Pattern[str]
    rank_before: re.Pattern[str]
    metric_joint: re.Pattern[str]
    rate_head: re.Pattern[str]
    counted_parts: re.Pattern[str]
    past_markers: re.Pattern[str]
    existing_before: re.Pattern[str]
    report_clause: re.Pattern[str]
    after_ends: re.Pattern[str]
    qualifier_units: frozenset[str]
    listed_value: re.Pattern[str]
    qualified_after: re.Pattern[str]
    score_unit: re.Pattern[str]
    past_year: re.Pattern[str]
    baseline_after: re.Pattern[str]
    baseline_in_metric: re.Pattern[str]
    share_of_base: re.Pattern[str]
    metric_trail: re.Pattern[str]
    years_metric: re.Pattern[str]
    inner_aside: re.Pattern[str]
    past_paragraph: re.Pattern[str]
    heading: re.Pattern[str]
    past_heading: re.Pattern[str]
    ahead_heading: re.Pattern[str]
    ahead_sentence: re.Pattern[str]
    respectively: re.Pattern[str]
    list_joint: re.Pattern[str]
    per_before: re.Pattern[str]
    cumulative_ahead: re.Pattern[str]
    time_limit_after: re.Pattern[str]
    whole_stock_before: re.Pattern[str]
    one_built_before: re.Pattern[str]
    counted_in_heading: re.Pattern[str]
    generic_after: re.Pattern[str]
    horizon_year: re.Pattern[str]
    past_unless_ahead: re.Pattern[str]
    level_only: re.Pattern[str]
    level: re.Pattern[str]
    listed_times: re.Pattern[str]
    past_aspect: re.Pattern[str]
    base_ends: re.Pattern[str]
    paragraph_horizon: re.Pattern[str]


@cache
def rules() -> TargetRules:
    data = yaml.safe_load(RULES.read_text(encoding="utf-8"))
    comparator_of = {w: c for c, words in data["comparators"].items() for w in words}
    before = "|".join(
        sorted(
            (w for w in comparator_of if w not in ("以上", "以内", "以下", "左右", "余")),
            key=len,
            reverse=True,
        )
    )
    after = "以上|以下|以内|左右|余"
    units = alternation(data["units"])
    words = "[一二两三四五六七八九十百千]+"
    number = re.compile(
        rf"(?P<pre>{before})?\s*(?P<value>\d+(?:\.\d+)?|{words})"
        rf"(?:\s*(?:%(?=\s*[-~—–至到]\s*\d+(?:\.\d+)?\s*%))?\s*[-~—–至到]\s*"
        rf"(?P<upper>\d+(?:\.\d+)?|(?<=[至到]){words}))?\s*(?P<more>余|多)?"
        rf"(?P<wan>{re.escape(data['ten_thousand'])}(?!元|平方米))?(?P<more_wan>余|多)?"
        rf"(?P<unit>{units})(?P<post>{after})?"
    )
    # the groups of ``number`` that 百分之九十 does not use match nothing ((?!))
    percent_in_words = re.compile(
        rf"(?P<pre>{before})?\s*(?P<unit>{PERCENT_IN_WORDS})(?P<value>[零一二两三四五六七八九十百]+)"
        rf"(?P<upper>(?!))?(?P<more>(?!))?(?P<wan>(?!))?(?P<more_wan>(?!))?(?P<post>{after})?"
    )
    deadlines = tuple((re.compile(p), fmt) for p, fmt in data["deadlines"])
    return TargetRules(
        number,
        percent_in_words,
        comparator_of,
        re.compile(data["metric_lead"]),
        re.compile(data["clause_break"]),
        deadlines,
        data["unit_aliases"],
        re.compile(data["not_metrics"]),
        re.compile(data["meeting_after"]),
        re.compile(data["rank_before"]),
        re.compile(data["metric_joint"]),
        re.compile(data["rate_head"]),
        re.compile(data["counted_parts"] + data["counted_parts_end"]),
        re.compile(data["past_markers"]),
        re.compile(data["existing_before"]),
        re.compile(data["report_clause"]),
        re.compile(data["after_ends"]),
        frozenset(data["qualifier_units"]),
        re.compile(rf"(?P<value>\d+(?:\.\d+)?)(?P<wan>万)?(?P<unit>{units})?(?P<post>{after})?"),
        *(re.compile(data[key]) for key in _PATTERN_KEYS),
    )


_PATTERN_KEYS = (
    "qualified_after",
    "score_unit",
    "past_year",
    "baseline_after",
    "baseline_in_metric",
    "share_of_base",
    "metric_trail",
    "years_metric",
    "inner_aside",
    "past_paragraph",
    "heading",
    "past_heading",
    "ahead_heading",
    "ahead_sentence",
    "respectively",
    "list_joint",
    "per_before",
    "cumulative_ahead",
    "time_limit_after",
    "whole_stock_before",
    "one_built_before",
    "counted_parts",
    "generic_after",
    "horizon_year",
    "past_unless_ahead",
    "level_only",
    "level",
    "listed_times",
    "past_aspect",
    "base_ends",
    "paragraph_horizon",
)


def chinese_number(text: str) -> float | None:
    """一 → 1, 十二 → 12, 二十 → 20, 三百 → 300; None for anything else."""
    if text.isdigit() or re.fullmatch(r"\d+\.\d+", text):
        return float(text)
    total, current = 0, 0
    for char in text:
        if char in CHINESE_DIGITS:
            current = CHINESE_DIGITS[char]
        elif char in "十百千":
            total += (current or 1) * {"十": 10, "百": 100, "千": 1000}[char]
            current = 0
        else:
            return None
    return float(total + current)


def extract_targets(
    text: str, folded: str, *, items: Sequence[Goal | Measure], year: int | None
) -> tuple[Target, ...]:
    year = _plans_own_year(folded, year)
    past = _past_stretches(folded, year)
    found: list[Target] = []
    respective = _respective_targets(text, folded, items, year)
    titles = policy_title_spans(folded)  # 《…十项准则》 names a document
    covered = past + titles + [(t.start, t.end) for t in respective]
    numbers = rules().number.finditer(folded)
    percents = rules().percent_in_words.finditer(folded) if PERCENT_IN_WORDS in folded else ()
    for match in heapq.merge(numbers, percents, key=lambda m: m.start()):
        if any(start <= match.start() < end for start, end in covered):
            continue
        target = _target(text, folded, match, items, year, found[-1] if found else None)
        if target is not None:
            metrics = _shared_value_metrics(target.metric)
            found += [replace(target, metric=m) for part in metrics for m in _group_metrics(part)]
    in_past = [t for t in respective if any(s <= t.start < e for s, e in past)]
    found = sorted(found + [t for t in respective if t not in in_past], key=lambda t: t.start)
    return tuple(_with_borrowed_heads(found))


def _with_borrowed_heads(found: list[Target]) -> list[Target]:
    """2所省级、2所州级安全文明校园; 省级示范园2所、市级5所: a level alone takes the head its
    neighbour in the list names."""
    done = list(found)
    for i, target in enumerate(found):
        if not rules().level_only.match(target.metric):
            continue
        neighbours = found[i + 1 : i + 2] + found[max(0, i - 1) : i]
        for other in neighbours:
            level = rules().level.search(other.metric)
            close = abs(other.start - target.start) < 24 and other.unit == target.unit
            if close and level and level.end() < len(other.metric):
                done[i] = replace(target, metric=target.metric + other.metric[level.end() :])
                break
    return done


def _respective_targets(
    text: str, folded: str, items: Sequence[Goal | Measure], year: int | None
) -> list[Target]:
    """毛入园率、巩固率、毛入学率分别达到95%、97%和94%以上: the metrics listed before 分别 take
    the values listed after it, in order."""
    found = []
    for said in rules().respectively.finditer(folded):
        values = _value_list(folded, said.end())
        start, metrics = _metric_list(folded, said.start())
        if len(values) < 2 or len(metrics) != len(values):
            continue
        end = values[-1].end()
        if _said_of_the_past(folded, start, year):
            continue
        unit = rules().unit_aliases.get(values[-1]["unit"], values[-1]["unit"])
        word = values[-1]["post"] or said["cmp"]
        comparator = rules().comparator_of.get(word, "=") if word else "="
        for metric, value in zip(metrics, values, strict=True):
            number = float(value["value"]) * (10_000 if value["wan"] else 1)
            found.append(
                Target(
                    text=text[start:end],
                    metric=metric,
                    value=round(number, 4),
                    unit=unit,
                    comparator=comparator,
                    deadline=_deadline(folded, said.start(), end, year),
                    in_item=innermost_item(items, start, end),
                    start=start,
                    end=end,
                )
            )
    return found


def _value_list(folded: str, at: int) -> list[re.Match[str]]:
    """95%、97%和94%以上 (or 95、97和94%): the values in order; the last one carries the unit."""
    values = []
    while value := rules().listed_value.match(folded, at):
        values.append(value)
        joint = rules().list_joint.match(folded, value.end())
        if not joint or value["post"]:
            break
        at = joint.end()
    if not values or not values[-1]["unit"]:
        return []
    return values


def _metric_list(folded: str, at: int) -> tuple[int, list[str]]:
    """(start, metrics): the names listed in the clause before 分别."""
    start = at
    while start > 0 and not rules().clause_break.match(folded[start - 1]) and at - start < 80:
        start -= 1
    prefix = folded[start:at]
    lead = rules().metric_lead.match(prefix)
    start += lead.end() if lead else 0
    over_time = rules().listed_times.match(folded[start:at])
    if over_time:  # 覆盖率到2022年底、2023年底、2024年底分别达到…: one metric, year by year
        times = rules().metric_joint.split(over_time["times"])
        return start, [over_time["subject"]] * len(times)
    names = [n for n in rules().metric_joint.split(folded[start:at]) if len(n) >= 2]
    return start, _with_shared_head(names)


def _with_shared_head(names: list[str]) -> list[str]:
    """小学、初中入学率: short modifiers listed before the last name share its head (入学率)."""
    *modifiers, last = names or [""]
    if not modifiers or not rules().rate_head.search(last):
        return names
    if any(rules().rate_head.search(m) or len(m) > MAX_MODIFIER for m in modifiers):
        return names
    head = last[len(modifiers[0]) :]
    return [m + head for m in modifiers] + [last]


def _said_of_the_past(folded: str, at: int, year: int | None) -> bool:
    sentence_start = max(folded.rfind(ch, 0, at) for ch in "。;；\n") + 1
    before = rules().base_ends.split(folded[sentence_start:at])[-1]
    clause = rules().clause_break.split(before)[-1]
    if rules().past_markers.search(before) or rules().past_aspect.search(clause):
        return True
    if rules().past_unless_ahead.search(before) and not rules().cumulative_ahead.search(before):
        return True
    years = [int(y) for y in rules().past_year.findall(before)]
    return year is not None and any(y < year for y in years)


def _plans_own_year(folded: str, year: int | None) -> int | None:
    """A long-range year the plan looks ahead to (…规划和2035年远景目标) is no year of its own: the
    plan then runs from its nearest horizon (到2025年), and 2025年 in it is no past."""
    horizons = {int(m[m.lastindex or 0]) for m in rules().horizon_year.finditer(folded)}
    if year is None or year not in horizons or year - min(horizons) < LONG_RANGE:
        return year
    return min(horizons)


def _past_stretches(folded: str, year: int | None) -> list[tuple[int, int]]:
    """Where the text reports what was done: the sections headed as a review (一、发展基础) and
    the paragraphs that open on a past period (“十三五”期间…, 2022年… in a 2023 plan)."""
    stretches: list[tuple[int, int]] = []
    in_review, offset = False, 0
    for line in folded.splitlines(keepends=True):
        title = _heading_title(line)
        if title is not None and rules().past_heading.search(title):
            in_review = True
        elif title is not None and rules().ahead_heading.search(title):
            in_review = False
        if in_review:
            stretches.append((offset, offset + len(line)))
        elif _opens_on_the_past(line, year):
            stretches.append((offset, offset + _past_reach(line, year)))
        offset += len(line)
    return stretches


def _heading_title(line: str) -> str | None:
    numbered = rules().heading.match(line)
    if not numbered:
        return None
    title = re.split(r"[。:：;；]", line[numbered.end() :], maxsplit=1)[0].strip()
    return title if len(title) <= 25 else None


def _opens_on_the_past(line: str, year: int | None) -> bool:
    if rules().past_paragraph.match(line):
        return True
    opening_year = re.match(r"\s*(20\d{2})年(?![底末前])", line)
    return bool(opening_year and year is not None and int(opening_year[1]) < year)


def _past_reach(line: str, year: int | None) -> int:
    """The paragraph up to the first sentence that turns to the plan's own time."""
    at = 0
    for sentence in re.findall(r"[^。;；]+[。;；]?", line):
        if at and _looks_ahead(sentence, year):
            return at
        at += len(sentence)
    return len(line)


def _looks_ahead(sentence: str, year: int | None) -> bool:
    if rules().ahead_sentence.search(sentence):
        return True
    return year is not None and any(int(y) >= year for y in re.findall(r"(20\d{2})年", sentence))


def _group_metrics(metric: str) -> list[str]:
    """校长、园长各100名: one target per group named."""
    if not metric.endswith("各"):
        return [metric]
    groups = metric[:-1].split("、")
    return groups if all(len(g) >= 2 for g in groups) else [metric[:-1]]


def _shared_value_metrics(metric: str) -> list[str]:
    """入园率和覆盖率达95%, 小学和初中入学率达100%: two rates that share one value are two
    targets."""
    parts = _with_shared_head(rules().metric_joint.split(metric))
    if len(parts) > 1 and all(rules().rate_head.search(p) and len(p) >= 3 for p in parts):
        return parts
    return [metric]


def _target(
    text: str,
    folded: str,
    match: re.Match[str],
    items: Sequence[Goal | Measure],
    year: int | None,
    previous: Target | None,
) -> Target | None:
    if match["unit"] == "年" and not _years_of_schooling(folded, match):
        return None
    if _inside_quotes_or_numbering(folded, match) or _is_date_or_label(folded, match):
        return None
    if match["unit"] == "分" and not rules().score_unit.match(folded, match.start("unit")):
        return None
    if rules().baseline_after.match(folded, match.end()):
        return None  # 由91.2%提高到93%: the figure the change starts from
    value = chinese_number(match["value"])
    if match["value"] in NAMING_NUMERALS and match["unit"] != PERCENT_IN_WORDS:
        return None  # 百名大中小学生讲党史故事, 千名教师进万家: a numeral that names a campaign
    if value is None or (value == 0 and match["unit"] != "%"):
        return None
    if match["wan"]:
        value = round(value * 10_000, 4)
    if value == 1 and not match["value"].isdigit() and not _one_is_a_quantity(folded, match):
        return None  # 一支队伍, 一批学校: a measure word, not a quantity
    if _reports_the_past(folded, match, year):
        return None
    if rules().counted_parts.match(folded, match.end()) or _counts_a_sections_parts(folded, match):
        return None
    if rules().time_limit_after.match(folded, match.end()):
        return None  # 5个工作日内办结: how fast a procedure runs, no goal
    if match["unit"] not in SHARE_UNITS and rules().whole_stock_before.search(
        folded, max(0, match.start() - 4), match.start()
    ):
        return None  # 全县38所中小学: all there are
    start, end, metric = _metric(folded, match)
    if not re.search(r"[\u4e00-\u9fff]", metric) and match["pre"]:
        metric = _continued_metric(folded, match, previous)
    if not re.search(r"[\u4e00-\u9fff]", metric) or rules().not_metrics.match(metric):
        return None
    base = rules().share_of_base.match(folded[start : match.start()])
    word = match["post"] or match["pre"] or (base["cmp"] if base else None)
    comparator = rules().comparator_of.get(word, "=") if word else "="
    if match["upper"] or match["more"] or match["more_wan"]:  # 15-20个, 300余人, 1.5万余人
        comparator = ">="
    unit = rules().unit_aliases.get(match["unit"], match["unit"])
    return Target(
        text=text[start:end],
        metric=metric,
        value=value,
        unit=unit,
        comparator=comparator,
        deadline=_deadline(folded, match.start(), match.end(), year),
        in_item=innermost_item(items, start, end),
        start=start,
        end=end,
    )


def _counts_a_sections_parts(folded: str, match: re.Match[str]) -> bool:
    """七、落实3个精准行动狠抓…举措: in a heading the count names the plan's own parts."""
    line_start = folded.rfind("\n", 0, match.start()) + 1
    line_end = folded.find("\n", match.end())
    title = _heading_title(folded[line_start : line_end if line_end != -1 else len(folded)])
    return title is not None and bool(rules().counted_in_heading.match(folded, match.end()))


def _one_is_a_quantity(folded: str, match: re.Match[str]) -> bool:
    """一小时, 一次; 新建一所小学: one school built is a count, 打造一所品牌学校 is not."""
    if match["unit"] in ONE_IS_A_QUANTITY:
        return True
    built = rules().one_built_before.search(folded, max(0, match.start() - 3), match.start())
    return match["unit"] == "所" and bool(built)


def _years_of_schooling(folded: str, match: re.Match[str]) -> bool:
    """平均受教育年限达到11.2年: years are a quantity only of schooling; 2025年 is a date."""
    value_at = match.start("value")
    return bool(rules().years_metric.search(folded, max(0, value_at - 8), value_at))


def _continued_metric(folded: str, match: re.Match[str], previous: Target | None) -> str:
    """…在2023年基础上提高1个百分点，达到94.5%: a clause that states only the value goes on with
    the rate of the figure before it in its sentence."""
    sentence_start = max(folded.rfind(ch, 0, match.start()) for ch in "。;；\n") + 1
    if previous is None or previous.start < sentence_start:
        return ""
    rate = re.match(r".+?(?:率|占比|比例|比重)", previous.metric)
    return rate.group() if rate else previous.metric


def _inside_quotes_or_numbering(folded: str, match: re.Match[str]) -> bool:
    before = folded[max(0, match.start() - 20) : match.start()]
    open_quote = before.rfind("“") > before.rfind("”")
    numbering = re.search(r"(^|\n)\s*\(?$", folded[max(0, match.start() - 2) : match.start()])
    stated = match["pre"] and match["unit"] in SHARE_UNITS  # “市域内占比不超过5%”的目标
    return (open_quote and not stated) or bool(
        numbering and match["unit"] not in ("%", PERCENT_IN_WORDS) and not match["pre"]
    )


def _is_date_or_label(folded: str, match: re.Match[str]) -> bool:
    following = folded[match.end() : match.end() + 1]
    ordinal = folded[max(0, match.start("value") - 1) : match.start("value")] == "第"
    congress = re.match(r"[大届]|次全会", folded[match.end("value") : match.end("value") + 3])
    # 十四五, 二十大, 第三届, and a 个/项 that opens a slogan (“四个意识”) are not quantities
    quote_before = folded[max(0, match.start() - 1) : match.start()] in ("“", "‘", "'", '"')
    # …but 100个“一校一品”党建品牌 counts named things: a formula is written in words
    quote_after = following in "“”\"'‘’" and not match["value"].isdigit()
    slogan = match["unit"] in "个项" and (quote_after or quote_before)
    meeting = match["unit"] in ("次", "届") and rules().meeting_after.match(folded, match.end())
    value_at = match.start("value")
    rank = rules().rank_before.search(folded, max(0, value_at - 2), value_at)
    per = rules().per_before.match(folded, max(0, value_at - 1))  # 每千人口, 每100名学生: a base
    label = match["value"] in ("十四", "二十") or ordinal or bool(congress) or slogan or bool(per)
    return label or bool(meeting) or bool(rank)


def _metric(folded: str, match: re.Match[str]) -> tuple[int, int, str]:
    """(start, end, metric): the thing counted after the number (配备49所智慧书法教室), or else
    the noun phrase before it within its clause (入学率达90%, 新建幼儿园2所). A share names its
    rate before it (覆盖率达到100%), whatever runs on after it."""
    if match["unit"] in SHARE_UNITS:
        start, metric = _metric_before(folded, match)
        of_a_base = rules().share_of_base.match(folded[start : match.start()])
        if rules().rate_head.search(metric) or of_a_base:
            return start, match.end(), metric
    after = re.match(r"[\u4e00-\u9fff“”\w()（）+·、]{2,24}", folded[match.end() :])
    if after and not rules().clause_break.match(folded[match.end() : match.end() + 1]):
        # 县（市、区）: a 、 inside brackets divides no clause; 60%以上的学校: no 的 opens a metric
        phrase = re.split(r"[,，。;；:：]|、(?![^(（)）]*[)）])", after.group())[0]
        ends = rules().after_ends.search(phrase)
        if ends and match["unit"] not in SHARE_UNITS:  # 100%落实…: a share of doing it
            phrase = phrase[: ends.start()]  # 8个优化…: a new clause begins
        # 2.2亿元以上目标任务: what a bound (以上) sums up as a goal is named before the number
        summary = match["post"] and rules().not_metrics.match(phrase)
        generic = rules().generic_after.match(phrase)  # 锻炼一小时活动: named before
        if (
            len(phrase) >= 2
            and re.search(r"[\u4e00-\u9fff]", phrase)
            and not summary
            and not generic
        ):
            head = _head(match)
            whose = match["unit"] in SHARE_UNITS and phrase.startswith("的")
            if (
                folded[head - 1 : head] == "的"
            ):  # 撤销规模较小的11所学校: the 的 phrase names it too
                start, before = _metric_before(folded, match)
                return start, match.end() + len(phrase), before + phrase
            return head, match.end() + len(phrase), phrase[1:] if whose else phrase
    start, metric = _metric_before(folded, match)
    return start, match.end(), metric


def _head(match: re.Match[str]) -> int:
    """Where the figure starts: its comparator, else its number (or 百分之, written before it)."""
    if match["pre"]:
        return match.start("pre")
    return min(match.start("value"), match.start("unit"))


def _metric_before(folded: str, match: re.Match[str]) -> tuple[int, str]:
    """The noun phrase before the number within its clause (start offset, metric)."""
    head = _head(match)
    clause_start = head
    while clause_start > 0:
        if rules().clause_break.match(folded[clause_start - 1]):
            aside = _aside_start(folded, clause_start - 1)
            if aside is None:
                break
            clause_start = aside
        else:
            clause_start -= 1
        if head - clause_start >= MAX_METRIC:
            break
    # 投资2亿元、争资争项2.2亿元: an earlier figure and its 、 close the metric before this one
    figures = [m.end() + 1 for m in rules().number.finditer(folded, clause_start, head)]
    clause_start = max([clause_start] + [f for f in figures if folded[f - 1 : f] == "、"])
    prefix = folded[clause_start:head]
    lead = rules().metric_lead.match(prefix)
    start = _with_its_opening_quote(folded, clause_start + (lead.end() if lead else 0), head)
    metric = _trimmed(folded[start:head].strip())
    if len(metric) < 2:  # 新建19所学校: the thing counted follows the number
        tail = re.match(r"[\u4e00-\u9fff]{1,12}", folded[match.end() :])
        metric = (metric + tail.group()) if tail else metric
    return start, metric


def _with_its_opening_quote(folded: str, start: int, head: int) -> int:
    """实现“三类”残疾儿童入学率达到97%: the quote the metric closes opens it too."""
    opened, closed = folded[start - 1 : start], folded[start:head]
    closes = {"“": "”", "‘": "’"}.get(opened)
    if closes and closes in closed and opened not in closed.split(closes)[0]:
        return start - 1
    return start


def _aside_start(folded: str, at: int) -> int | None:
    """县（市、区）比例: where the short aside in brackets closed at ``at`` opens, if it is one."""
    if folded[at] not in ")）":
        return None
    opened = max(folded.rfind("(", max(0, at - 8), at), folded.rfind("（", max(0, at - 8), at))
    if opened > 0 and rules().inner_aside.match(folded[opened + 1 : at]):
        return opened
    return None


def _trimmed(metric: str) -> str:
    """The metric without its baseline (从85%, 较2021年), the base of its share (不低于…总数的) and
    the verbs that hold up the value (力争, 按照)."""
    metric = rules().baseline_in_metric.sub("", metric)
    of_a_base = rules().share_of_base.match(metric)
    if of_a_base:
        metric = of_a_base["metric"]
    return rules().metric_trail.sub("", metric)


def _reports_the_past(folded: str, match: re.Match[str], year: int | None) -> bool:
    """全区累计建成…, 2021年…达到95% (in a 2022 plan): a result already reached."""
    if _said_of_the_past(folded, match.start(), year):
        return True
    clause = _clause(folded, match)
    if rules().existing_before.match(clause):
        return True  # 利用17个基地: what the plan draws on
    if rules().report_clause.search(clause):
        return True  # 5所学校作了典型发言: what happened
    if match["post"] in ("以上", "以下") and match["unit"] in rules().qualifier_units:
        return bool(rules().qualified_after.match(folded, match.end()))  # 1000人以上的中小学
    return False


def _clause(folded: str, match: re.Match[str]) -> str:
    """The clause that holds the number, between the marks that break clauses."""
    breaks = rules().clause_break
    start = match.start()
    while start > 0 and not breaks.match(folded[start - 1]):
        start -= 1
    end = match.end()
    while end < len(folded) and not breaks.match(folded[end]):
        end += 1
    return folded[start:end]


def _deadline(folded: str, at: int, end: int, year: int | None) -> str | None:
    """The deadline its clause names (2022年底前完成5所，2023年6月底前再完成4所), else its
    sentence, else the horizon that opens its paragraph."""
    sentence_start = max(folded.rfind(ch, 0, at) for ch in "。;\n") + 1
    clause_start = max(sentence_start, folded.rfind(",", 0, at) + 1)
    ends = [i for i in (folded.find(ch, end) for ch in "。;\n") if i != -1]
    sentence_end = min(ends, default=len(folded))
    for span in (folded[clause_start:sentence_end], folded[sentence_start:sentence_end]):
        said = _deadline_in(span, year)
        if said:
            return said
    paragraph = folded[folded.rfind("\n", 0, at) + 1 : sentence_start]
    horizon = rules().paragraph_horizon.match(paragraph.strip())
    return horizon[1] if horizon else None


def _deadline_in(span: str, year: int | None) -> str | None:
    for pattern, fmt in rules().deadlines:
        found = pattern.search(span)
        if found and ("{year}" not in fmt or year is not None):
            return fmt.format(*(int(g) for g in found.groups()), year=year)
    return None
