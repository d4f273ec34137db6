"""Stage 5, resolve: mentions → one canonical entity per thing, with every merge recorded.

Variants meet by general rules (quotes and 《》 gone, the 中华人民共和国 prefix of laws dropped,
县教育局 read as the plan's own 阳城县教育局, 阳城一中 as 阳城县第一中学) and by the alias table
in data/aliases/aliases.csv. Responsibility comes from the plan's annotations, or, where it has
none, from its issuers, who then lead every goal.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from functools import cache

from ingest.extract.components import ALIASES, kind_by_last_words, name_rules
from ingest.extract.mentions import CITED_TITLE
from ingest.extract.regions import load_gazetteer
from ingest.models import (
    EntityMention,
    Institution,
    InstitutionKind,
    Mention,
    MentionKind,
    MergeDecision,
    ParsedDocument,
    Place,
    Policy,
    Project,
    RegionRef,
    Responsibility,
)
from ingest.normalize import fold
from ingest.spans import innermost_item, items_of

NUMERALS = "一二三四五六七八九十"
_SCHOOL_ABBREVIATION = re.compile(rf"^(.+?)([{NUMERALS}]{{1,2}})([中小])$")
LEVEL_WORDS = "县市区州旗盟省"
NOTICE_HEAD = 300  # the notice that publishes the plan stands in its first characters
MIN_OWN_NAME = 6  # 三年行动计划 and longer: the plan's name, not a word of every title
OWN_TITLE_LIKENESS = 0.9  # a cited title this much like the plan's own is the plan itself
_LOCAL_PREFIX = re.compile(rf"^(?:中共)?([{LEVEL_WORDS}])(委)?")


@dataclass(frozen=True, slots=True)
class Resolved:
    projects: tuple[Project, ...]
    policies: tuple[Policy, ...]
    institutions: tuple[Institution, ...]
    responsibilities: tuple[Responsibility, ...]
    merges: tuple[MergeDecision, ...]


@cache
def alias_table() -> dict[tuple[str, str], str]:
    with ALIASES.open(encoding="utf-8") as handle:
        return {
            (row["kind"], fold(row["variant"])): row["canonical"] for row in csv.DictReader(handle)
        }


class _Merger:
    """Collects mentions under canonical names and records why variants were merged."""

    def __init__(self, parsed: ParsedDocument) -> None:
        self.items = items_of(parsed)
        self.mentions: dict[tuple[MentionKind, str], list[EntityMention]] = defaultdict(list)
        self.aliases: dict[tuple[MentionKind, str], set[str]] = defaultdict(set)
        self.kinds: dict[str, str] = {}
        self.merges: dict[tuple[str, str, str], MergeDecision] = {}
        self.first_written: dict[tuple[MentionKind, str], tuple[int, str]] = {}

    def add(self, kind: MentionKind, mention: Mention, canonical: str, reason: str) -> None:
        place = innermost_item(self.items, mention.start, mention.end)
        self.mentions[(kind, canonical)].append(
            EntityMention(mention.start, mention.end, place, mention.rule)
        )
        written = (mention.start, re.sub(r"\s+", "", mention.surface))
        self.first_written[(kind, canonical)] = min(
            self.first_written.get((kind, canonical), written), written
        )
        if mention.surface != canonical:
            self.aliases[(kind, canonical)].add(mention.surface)
            key = (kind, mention.surface, canonical)
            self.merges.setdefault(key, MergeDecision(kind, mention.surface, canonical, reason))

    def of(self, kind: MentionKind) -> Iterable[tuple[str, list[EntityMention], set[str]]]:
        for (k, name), found in sorted(self.mentions.items()):
            if k == kind:
                yield name, found, self.aliases[(k, name)]


def resolve(
    parsed: ParsedDocument, mentions: list[Mention], *, region: RegionRef | None
) -> Resolved:
    merger = _Merger(parsed)
    region = _as_written(region, parsed.normalized.text)
    own_titles = _own_titles(parsed)
    written = {m.surface for m in mentions if m.kind == "institution"}
    cited: dict[str, str] = {}  # the titles cited in 《》 so far → as first written there
    for mention in mentions:
        if mention.kind == "project":
            if _names_the_plan(mention.surface, own_titles):
                continue
            merger.add("project", mention, *_canonical_project(mention.surface))
        elif mention.kind == "policy" and not _is_own_title(mention.surface, own_titles):
            title, reason = _canonical_policy(mention.surface)
            if name_rules().document_word_alone.match(title):
                title, reason = _referred_title(title, cited), "short reference to a cited title"
            elif mention.rule == CITED_TITLE:  # moved to the end: the title cited last
                cited[title] = cited.pop(title, re.sub(r"\s+", "", mention.surface))
            if title:
                merger.add("policy", mention, title, reason)
        elif mention.kind == "institution":
            name, reason = _canonical_institution(mention.surface, region, written)
            merger.kinds[name] = mention.attr("kind") or "other"
            merger.add("institution", mention, name, reason)
    projects = tuple(_as_written_project(p, parsed) for p in _absorb_bare_names(merger))
    # A law the gazetteer finds without 《》 adds a mention to the title it shortens; alone it is
    # no citation.
    policies = tuple(
        Policy(title, tuple(sorted(aliases)), tuple(found), cited[title])
        for title, found, aliases in merger.of("policy")
        if title in cited
    )
    institutions = [
        _institution(merger, name, found, region) for name, found, _ in merger.of("institution")
    ]
    responsibilities, extra = _responsibilities(parsed, institutions, region, written)
    named = institutions + extra
    named += _page_bodies(parsed, named, region, written)
    present = {i.name for i in named}
    return Resolved(
        projects=projects,
        policies=policies,
        institutions=tuple(named),
        # an issuer the text never names (a page's <meta> only) has no span to stand on
        responsibilities=tuple(
            r for r in responsibilities if r.source == "annotation" or r.institution in present
        ),
        merges=tuple(merger.merges.values()),
    )


def _referred_title(word: str, cited: dict[str, str]) -> str:
    """The title cited last that a document word alone (《意见》, 《规划》) refers to, if any."""
    for title in reversed(cited):
        if re.sub(r"\([^()]*\)$", "", title).endswith(word):
            return title
    return ""


def _canonical_project(surface: str) -> tuple[str, str]:
    name = re.sub(r"\s+", "", surface)
    aliased = alias_table().get(("project", fold(name)))
    if aliased:
        return aliased, "alias table"
    return name, "quotes removed"


def _canonical_policy(surface: str) -> tuple[str, str]:
    title = re.sub(r"\s+", "", surface)
    aliased = alias_table().get(("policy", fold(title)))
    if aliased:
        return aliased, "alias table"
    if title.startswith("中华人民共和国") and len(title) > 9:
        return title[len("中华人民共和国") :], "law without 中华人民共和国"
    return title, "《》 removed"


_NOTICE_WORDS = re.compile(r"^(?:附件\d*[:：]?|关于印发|印发)|的通知$|[《》“”\"\s]")


def _own_titles(parsed: ParsedDocument) -> list[str]:
    """The plan's title line, the title its page gives it (标题, <title> before its site's name)
    and the title its notice publishes (…关于印发X的通知): 《》 around any of them names the
    document itself."""
    page = parsed.normalized.metadata
    notice = name_rules().publishing_notice.search(parsed.normalized.text[:NOTICE_HEAD])
    titles = [
        parsed.meta.title,
        page.get("title"),
        re.split(r"[_|]", page.get("page_title", ""))[0],
        notice[1] if notice else None,
    ]
    return [fold(re.sub(r"\s+", "", title)) for title in titles if title and len(title) >= 4]


def _is_own_title(surface: str, own_titles: list[str]) -> bool:
    """The plan cites its own title in 《》 (its notice, an editor's note), in full or shortened
    to its last words (《三年行动计划》 for 《XX区…三年行动计划》): that is the document itself."""
    title = _NOTICE_WORDS.sub("", fold(surface))
    if title.endswith("工作要点"):
        return True
    owns = [_NOTICE_WORDS.sub("", own) for own in own_titles]
    return len(title) >= 4 and any(own and _same_title(title, own) for own in owns)


_PERIOD_AFTER = re.compile(r"[(（][^()（）]*\d{4}[^()（）]*[)）]$")


def _names_the_plan(surface: str, own_titles: list[str]) -> bool:
    """为深入实施…三年行动计划 in the plan titled 某区…三年行动计划（2022—2024年）: an action plan
    refers to itself by the last words of its title; that is no programme it runs."""
    name = fold(re.sub(r"[“”\"\s]", "", surface))
    owns = [_PERIOD_AFTER.sub("", _NOTICE_WORDS.sub("", own)) for own in own_titles]
    return len(name) >= MIN_OWN_NAME and any(own.endswith(name) for own in owns)


def _same_title(cited: str, own: str) -> bool:
    """Cited whole, by its last words, or with a character or two of its own spelt otherwise
    (《大庆教育事业…规划》 for 大庆市教育事业…规划)."""
    if own.endswith(cited) or cited.endswith(own):
        return True
    return SequenceMatcher(None, cited, own).ratio() >= OWN_TITLE_LIKENESS


def _absorb_bare_names(merger: _Merger) -> tuple[Project, ...]:
    """“童语同音”计划 and a bare 童语同音 in one plan are one project: the bare one merges into the
    longer name when exactly one longer name extends it with a head noun."""
    found = {name: (m, a) for name, m, a in merger.of("project")}
    for name in sorted(found, key=len):
        longer = [
            other
            for other in found
            if other.startswith(name) and name_rules().head.fullmatch(other[len(name) :])
        ]
        if len(longer) == 1 and name in found:
            mentions, aliases = found.pop(name)
            target_mentions, target_aliases = found[longer[0]]
            target_mentions.extend(mentions)
            target_aliases |= aliases | {name}
            merger.merges[("project", name, longer[0])] = MergeDecision(
                "project", name, longer[0], "bare name of a project with a head noun"
            )
    return tuple(
        Project(name, tuple(sorted(a)), tuple(sorted(m, key=lambda x: x.start)))
        for name, (m, a) in sorted(found.items())
    )


def _as_written_project(project: Project, parsed: ParsedDocument) -> Project:
    """A plan in traditional characters names its projects in them (紅領工程): the name read
    back, character for character, from the first mention whose folded text spells it."""
    for mention in project.mentions:
        written = _spelt_in(project.name, mention, parsed)
        if written:
            return replace(project, as_written=written) if written != project.name else project
    return project


def _spelt_in(name: str, mention: EntityMention, parsed: ParsedDocument) -> str:
    """The name's characters as the text writes them in the mention, or "" if it is not there."""
    text, folded = parsed.normalized.text, parsed.normalized.folded
    written, wanted = [], iter(name)
    expected = next(wanted, None)
    for position in range(mention.start, mention.end):
        if expected is not None and folded[position] == expected:
            written.append(unicodedata.normalize("NFKC", text[position]))
            expected = next(wanted, None)
    return "".join(written) if expected is None else ""


def _canonical_institution(
    surface: str, region: RegionRef | None, full_forms: set[str] | None = None
) -> tuple[str, str]:
    """The name as the plan writes it, read in the plan's region (县教育局 → 阳城县教育局); an
    abbreviation (市委教育工委) stays as written unless the plan also writes it out in full."""
    name, reason = _in_region(re.sub(r"\s+", "", surface), region, full_forms)
    full = expand_abbreviation(name)
    if full != name and full_forms and full in full_forms:
        return full, "abbreviation written out elsewhere in the plan"
    return name, reason


def _in_region(name: str, region: RegionRef | None, full_forms: set[str] | None) -> tuple[str, str]:
    if region is not None:
        local = _LOCAL_PREFIX.match(name)
        if local and _level_word(region) == local[1]:
            return _with_region(name, local, region.place.name), "县/市 read as the plan's region"
        above = _above(region, local[1]) if local else None
        if local and above:
            return _with_region(name, local, above[0]), "市/州/省 read as the region above"
        school = _SCHOOL_ABBREVIATION.match(name)
        if school and region.place.name.startswith(school[1]) and full_forms is not None:
            kind = "中学" if school[3] == "中" else "小学"
            full = f"{region.place.name}第{school[2]}{kind}"
            if full in full_forms:  # one entity when the plan uses both forms
                return full, "school abbreviation expanded"
    if region is not None and full_forms is not None and name in name_rules().bare_kinds:
        return _bare_with_region(name, region, full_forms), "bare name read as the plan's region"
    return name, "as written"


def _bare_with_region(name: str, region: RegionRef, full_forms: set[str]) -> str:
    """三中 → 阳城三中 when the plan writes its schools so (阳城四小), else 阳城县三中."""
    short = region.place.name[:-1] if region.place.name[-1] in "县市区" else region.place.name
    if name in ("县委", "市委"):
        return f"中共{region.place.name}委员会"
    if name.startswith("团"):  # 团县委: the Youth League's committee of the plan's region or above
        level = name[1]
        above = _above(region, level)
        place = region.place.name if level == _level_word(region) else above and above[0]
        return f"共青团{place}委员会" if place else name
    siblings = [f for f in full_forms if _SCHOOL_ABBREVIATION.match(f) and f.startswith(short)]
    if re.fullmatch(rf"[{NUMERALS}]{{1,2}}[中小]", name):
        return f"{short}{name}" if siblings else f"{region.place.name}{name}"
    return f"{region.place.name}{name}"


def _level_word(region: RegionRef) -> str:
    return region.place.name[-1] if region.place.name[-1] in LEVEL_WORDS else ""


def _as_written(region: RegionRef | None, text: str) -> RegionRef | None:
    """The region under the name the plan writes it by: a plan that writes 怒江州 means
    怒江州教育体育局 by its 州教育体育局 (not 怒江傈僳族自治州教育体育局)."""
    if region is None:
        return None
    official = region.place.name
    short = _short_form(region.place)
    if short == official or short not in text or official in text:
        return region
    return replace(region, place=replace(region.place, name=short))


def _above(region: RegionRef, level: str) -> tuple[str, str | None] | None:
    """The region above the plan's that a level word names (市 in a county's plan: its
    prefecture), as the genre shortens it (黔南州, 山西省), with its code."""
    if level == _level_word(region) or level in "县区":
        return None
    for parent in region.parents:
        if parent.name.endswith(level):
            return _short_form(parent), parent.adcode
    return None


def _short_form(place: Place) -> str:
    """怒江傈僳族自治州 → 怒江州, 山西省 → 山西省: the short name and the level word."""
    known = load_gazetteer().by_code.get(place.adcode or "")
    return f"{known.short_name}{place.name[-1]}" if known and known.short_name else place.name


def _with_region(name: str, local: re.Match[str], place: str) -> str:
    rest = name[local.end() :]
    committee = "委" if local[2] else ""
    party = "中共" if name.startswith("中共") or committee else ""
    rest = "人民政府" if rest == "政府" else rest
    if committee and not rest:  # 县委 itself: the county party committee
        return f"中共{place}委员会"
    return f"{party}{place}{committee}{rest}"


def expand_abbreviation(name: str) -> str:
    """沙坪坝区教委 → 沙坪坝区教育委员会, 市委教育体育工委 → 市委教育体育工作委员会: the
    abbreviated last word of a body's name written out (names.yml institution_abbreviations)."""
    for short, full in name_rules().institution_abbreviations.items():
        if name.endswith(short):
            return name[: -len(short)] + full
    return name


def _institution(
    merger: _Merger, name: str, found: list[EntityMention], region: RegionRef | None
) -> Institution:
    kind = merger.kinds.get(name, "other")
    code = _region_code(name, kind, region)
    mentions = tuple(sorted(found, key=lambda m: m.start))
    written = merger.first_written[("institution", name)][1]
    return Institution(
        name,
        kind,  # type: ignore[arg-type]
        mentions,
        code,
        _full_name(name),
        _if_other(written, name),
    )


def _if_other(written: str, name: str) -> str:
    return written if written != name else ""


def _full_name(name: str) -> str | None:
    """The name with its abbreviated last word written out, when it has one (沙坪坝区教委 →
    沙坪坝区教育委员会); the name itself stays as the plan writes it."""
    full = expand_abbreviation(name)
    return full if full != name else None


def _region_code(name: str, kind: str, region: RegionRef | None) -> str | None:
    """The plan's region for its departments and the bodies it names by it; the region above
    for a body named by that (晋城市教育局 in a county's plan)."""
    if region is None:
        return None
    if kind == "department" or region.place.name in name:
        return region.place.adcode
    for level in LEVEL_WORDS:
        above = _above(region, level)
        if above and name.removeprefix("中共").startswith(above[0]):
            return above[1]
    return None


def _responsibilities(
    parsed: ParsedDocument,
    institutions: list[Institution],
    region: RegionRef | None,
    written: set[str],
) -> tuple[tuple[Responsibility, ...], list[Institution]]:
    known = {i.name for i in institutions}
    extra: dict[str, Institution] = {}
    found = []
    for note in parsed.responsibility_notes:
        for raw_name in note.names:
            span = _span_of(raw_name, parsed, note.start, note.end)
            if span:  # as the text writes it, full-width brackets and all
                raw_name = parsed.normalized.text[span[0].start : span[0].end]
            name, _ = _canonical_institution(raw_name, region, written)
            if name not in known and name not in extra and span:
                extra[name] = _named_in_text(name, raw_name, span, region)
            found.append(
                Responsibility(note.item, name, note.role, "annotation", note.start, note.end)
            )
    if not found:
        found = [
            Responsibility(goal.id, issuer, "lead", "issuer")
            for goal in parsed.goals
            for issuer in parsed.meta.issuers
        ]
    return tuple(found), list(extra.values())


def _span_of(
    written: str, parsed: ParsedDocument, start: int = 0, end: int | None = None
) -> tuple[EntityMention, ...]:
    """Where the text writes a body's name (within start..end): its evidence, or none. Found
    in the folded text, since a note's names are read there (各县(市)人民政府 for 各县（市）…)."""
    at = parsed.normalized.folded.find(fold(written), start, end)
    if at < 0:
        return ()
    item = innermost_item(items_of(parsed), at, at + len(written))
    return (EntityMention(at, at + len(written), item, "institution.written"),)


# Page fields that name a body: the publisher, the office the page comes from, who entered it.
PAGE_BODY_FIELDS = ("publisher", "origin", "uploader")
_BODY_WORD = re.compile(r"(?:局|委|厅|部|办|室|科|股|处|中心|组|会|政府)$")


def _page_bodies(
    parsed: ParsedDocument, known: list[Institution], region: RegionRef | None, written: set[str]
) -> list[Institution]:
    """The plan's issuers and the bodies the page names (发布机构 市教育局, 信息来源 党工委办),
    each with the span where the text names it; one the text does not name is left out."""
    values = [
        *parsed.meta.issuers,
        *(parsed.normalized.metadata.get(f, "") for f in PAGE_BODY_FIELDS),
    ]
    found: dict[str, Institution] = {}
    names = {i.name for i in known}
    for value in values:
        body = re.sub(r"[\s|]+", "", value)
        if not (2 < len(body) <= 30 and _BODY_WORD.search(body)) or re.search(r"\d", body):
            continue
        if name_rules().placeholder_opening.match(body):
            continue  # XX县教育局: an anonymised issuer
        name, _ = _canonical_institution(fold(body), region, written)  # 廣州市… as 广州市…
        span = _span_of(body, parsed)
        if name not in names and name not in found and span:
            found[name] = _named_in_text(name, body, span, region)
    return list(found.values())


def _named_in_text(
    name: str, written: str, span: tuple[EntityMention, ...], region: RegionRef | None
) -> Institution:
    """A body the header or a note names, found where the text writes it: of the plan's region."""
    code = region.place.adcode if region else None
    return Institution(name, _kind_of(name), span, code, _full_name(name), _if_other(written, name))


def _kind_of(name: str) -> InstitutionKind:
    kind = kind_by_last_words(name)
    if kind:
        return kind  # type: ignore[return-value]
    return "department" if name.endswith(("股", "科", "室", "处", "中心")) else "other"
