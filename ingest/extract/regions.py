"""Regions: the GB/T 2260 gazetteer (data/regions.csv), places named in a text, and the region a
plan governs, resolved by its strongest cue (issuers, title, publisher, then the text itself) with
ambiguous names (朝阳区 is in 北京 and in 长春) settled by the other places the document names."""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from ingest.extract.literals import alternation
from ingest.models import (
    DocumentMeta,
    Mention,
    NormalizedDocument,
    Place,
    RegionNote,
    RegionRef,
)

DATA = Path(__file__).resolve().parent.parent / "data"
# Short names that are ordinary words in plans (新建学校, 城区学校, 长安 …) are not places.
SHORT_NAME_STOPLIST = DATA / "region_short_stoplist.txt"
# Page metadata that names the publishing body (发布机构, 来源, 录入 …, then a breadcrumb or the
# site's footer), strongest first.
PAGE_CUES = ("publisher", "origin", "uploader", "author", "page")


@dataclass(frozen=True, slots=True)
class Region:
    adcode: str
    name: str
    short_name: str
    level: str
    parent: str

    def place(self) -> Place:
        return Place(self.name, self.adcode, self.level)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Gazetteer:
    by_code: dict[str, Region]
    by_name: dict[str, list[Region]]
    pattern: re.Pattern[str]

    def places(self, *, levels: tuple[str, ...]) -> list[Place]:
        return [r.place() for r in self.by_code.values() if r.level in levels]

    def parent_name(self, adcode: str) -> str:
        region = self.by_code.get(adcode)
        parent = self.by_code.get(region.parent) if region else None
        return parent.name if parent else ""

    def chain(self, adcode: str) -> list[Region]:
        """The region and its parents, nearest first."""
        found, code = [], adcode
        while code in self.by_code:
            found.append(self.by_code[code])
            code = self.by_code[code].parent
        return found


@cache
def load_gazetteer() -> Gazetteer:
    with (DATA / "regions.csv").open(encoding="utf-8") as handle:
        regions = [
            Region(r["adcode"], r["name"], r["short_name"], r["level"], r["parent"])
            for r in csv.DictReader(handle)
        ]
    stop = short_name_stoplist()
    by_name: dict[str, list[Region]] = {}
    for region in regions:
        names = {region.name} | ({region.short_name} if region.short_name not in stop else set())
        for name in names - {""}:
            by_name.setdefault(name, []).append(region)
    pattern = re.compile(alternation(by_name))
    return Gazetteer({r.adcode: r for r in regions}, by_name, pattern)


@cache
def short_name_stoplist() -> frozenset[str]:
    return frozenset(SHORT_NAME_STOPLIST.read_text(encoding="utf-8").split())


@cache
def word_short_names() -> frozenset[str]:
    """Regions' short names that are also common words (大同, 长治): the stoplist keeps them
    from naming a place on their own."""
    names = frozenset(r.short_name for r in load_gazetteer().by_code.values())
    return names & short_name_stoplist()


def place(adcode: str) -> Place:
    return load_gazetteer().by_code[adcode].place()


def parents_of(adcode: str) -> tuple[Place, ...]:
    return tuple(r.place() for r in load_gazetteer().chain(adcode)[1:])


@dataclass(frozen=True, slots=True)
class Cues:
    """The rules of region_cues.yml, compiled."""

    short_after: re.Pattern[str]
    short_before: re.Pattern[str]
    short_not_start: re.Pattern[str]
    short_level: re.Pattern[str]
    weak_length: int
    weak_after: re.Pattern[str]
    abbreviation: re.Pattern[str]
    abbreviations: dict[str, str]
    abbreviation_before: re.Pattern[str]
    abbreviation_after: re.Pattern[str]
    level_words: re.Pattern[str]


@cache
def cues() -> Cues:
    data = yaml.safe_load((DATA / "region_cues.yml").read_text(encoding="utf-8"))
    abbreviations = {str(k): str(v) for k, v in data["abbreviations"].items()}
    return Cues(
        short_after=re.compile(data["short_name_after"]),
        short_before=re.compile(data["short_name_before"]),
        short_not_start=re.compile(data["short_name_not_start"]),
        short_level=re.compile(data["short_name_level"]),
        weak_length=int(data["weak_full_name_length"]),
        weak_after=re.compile(data["weak_full_name_after"]),
        abbreviation=re.compile(f"[{''.join(abbreviations)}]"),
        abbreviations=abbreviations,
        abbreviation_before=re.compile(data["abbreviation_before"]),
        abbreviation_after=re.compile(data["abbreviation_after"]),
        level_words=re.compile(data["level_words"]),
    )


@dataclass(frozen=True, slots=True)
class Resolution:
    """The governed region, or None with the reason why none could be chosen."""

    region: RegionRef | None
    note: RegionNote | None = None


def find_places(folded: str) -> list[Mention]:
    """Every gazetteer name in the text (longest first) that stands as a place there; ambiguous
    names give one mention per candidate, keyed by adcode, and are settled later by context."""
    gazetteer = load_gazetteer()
    mentions = []
    for match in gazetteer.pattern.finditer(folded):
        candidates = gazetteer.by_name[match.group()]
        rule = "region.full" if candidates[0].name == match.group() else "region.short"
        if not stands_as_place(folded, match.start(), match.end(), rule):
            continue
        if rule == "region.short":
            candidates = _of_level_named(candidates, folded[match.end() : match.end() + 1])
        mentions += [
            Mention("region", match.group(), match.start(), match.end(), rule, r.adcode)
            for r in candidates
        ]
    return mentions


def _of_level_named(candidates: list[Region], after: str) -> list[Region]:
    """A short name with a level word after it names the place of that level: 红河州 is the
    autonomous prefecture, not 红河县; with no such candidate, all stay."""
    if not cues().short_level.fullmatch(after):
        return candidates
    return [r for r in candidates if r.name.endswith(after)] or candidates


def find_abbreviations(folded: str) -> list[Mention]:
    """One-character names of provinces and cities where the genre uses them (来陕, 在莞)."""
    rules = cues()
    return [
        Mention("region", m.group(), m.start(), m.end(), "region.abbreviation", code)
        for m in rules.abbreviation.finditer(folded)
        if rules.abbreviation_before.search(folded, max(0, m.start() - 1), m.start())
        and rules.abbreviation_after.match(folded[m.end() : m.end() + 3])
        and (code := rules.abbreviations[m.group()])
    ]


def stands_as_place(folded: str, start: int, end: int, rule: str) -> bool:
    """Whether the name at folded[start:end] is used as a place there, not as part of a word."""
    rules = cues()
    before = folded[max(0, start - 4) : start]
    if rule == "region.full":
        weak = end - start <= rules.weak_length
        return not weak or not before or bool(rules.weak_after.search(before))
    if rules.short_not_start.search(folded[start:end]):
        return False
    after = folded[end : end + 3]
    return bool(rules.short_after.match(after) or rules.short_before.search(before))


def resolve_region(normalized: NormalizedDocument, meta: DocumentMeta) -> Resolution:
    gazetteer = load_gazetteer()
    folded = normalized.folded
    everywhere = Counter(m.key for m in find_places(folded) if m.key)
    header_cues = [
        ("issuer", " ".join(meta.issuers)),
        ("title", meta.title or ""),
        *((key, normalized.metadata.get(key, "")) for key in PAGE_CUES),
    ]
    open_between: list[str] = []  # the places a cue names that nothing told apart
    for cue, text in header_cues:
        ranked = _ranked(gazetteer, find_places(text), everywhere, meta.doc_number)
        if len(ranked) == 1:
            return Resolution(_ref(gazetteer, ranked[0], cue))
        open_between = open_between or ranked
    everywhere.update(m.key for m in find_abbreviations(folded) if m.key)
    found = _from_text(gazetteer, everywhere, _plan_level(folded, meta))
    if open_between and (found.region is None or found.region.place.adcode not in open_between):
        return Resolution(None, RegionNote("same_name", _with_parents(gazetteer, open_between)))
    return found


def _ranked(
    gazetteer: Gazetteer,
    mentions: list[Mention],
    everywhere: Counter[str],
    doc_number: str | None,
) -> list[str]:
    """The most specific place of a cue, with ties settled by the document's other places; all
    the places that stay tied when nothing settles them (鼓楼区 of 南京, 徐州, 福州 and 开封)."""
    if not mentions:
        return []
    deepest = max(_depth(gazetteer, m.key or "") for m in mentions)
    candidates = {m.key for m in mentions if m.key and _depth(gazetteer, m.key) == deepest}
    support = {code: _support(gazetteer, code, everywhere, doc_number) for code in candidates}
    top = max(support.values())
    return sorted(code for code, value in support.items() if value == top)


def _with_parents(gazetteer: Gazetteer, codes: list[str]) -> tuple[str, ...]:
    return tuple(f"{gazetteer.by_code[c].name}（{gazetteer.parent_name(c)}）" for c in codes)


def _depth(gazetteer: Gazetteer, adcode: str) -> int:
    return len(gazetteer.chain(adcode))


def _support(
    gazetteer: Gazetteer, adcode: str, everywhere: Counter[str], doc_number: str | None
) -> tuple[int, int, int]:
    parents = [r.adcode for r in gazetteer.chain(adcode)[1:]]
    region = gazetteer.by_code[adcode]
    prefix = 1 if doc_number and doc_number[:1] in (region.short_name or region.name)[:2] else 0
    return (sum(everywhere[p] for p in parents), prefix, everywhere[adcode])


def _plan_level(folded: str, meta: DocumentMeta) -> str:
    """The level word the plan uses of itself (全市, 县教育局 …): 市, 县, 区, 州, 旗 or ''."""
    words = Counter(
        m[1] or m[2] for m in cues().level_words.finditer(" ".join([*meta.issuers, folded]))
    )
    return words.most_common(1)[0][0] if words else ""


def _from_text(gazetteer: Gazetteer, everywhere: Counter[str], level: str) -> Resolution:
    """No cue in the header: the place the text names most, of the plan's own level (全市 → a
    市), its parents' mentions breaking ties; none when two unrelated places stay equal."""
    if not everywhere:
        return Resolution(None, RegionNote("no_place"))
    codes = [c for c in everywhere if not level or gazetteer.by_code[c].name.endswith(level)]
    if not codes:
        return Resolution(None, RegionNote("no_place_of_level", (level,)))
    ranked = sorted(codes, key=lambda c: _text_support(gazetteer, c, everywhere), reverse=True)
    best = ranked[0]
    for other in ranked[1:]:
        tied = _text_support(gazetteer, other, everywhere) == _text_support(
            gazetteer, best, everywhere
        )
        if (
            tied
            and other not in _ancestors(gazetteer, best)
            and best not in _ancestors(gazetteer, other)
        ):
            names = tuple(gazetteer.by_code[c].name for c in (best, other))
            return Resolution(None, RegionNote("tie", names))
    return Resolution(_ref(gazetteer, best, "text"))


def _text_support(gazetteer: Gazetteer, code: str, everywhere: Counter[str]) -> tuple[int, int]:
    return everywhere[code], sum(everywhere[p] for p in _ancestors(gazetteer, code))


def _ancestors(gazetteer: Gazetteer, code: str) -> list[str]:
    return [r.adcode for r in gazetteer.chain(code)[1:]]


def _ref(gazetteer: Gazetteer, adcode: str, cue: str) -> RegionRef:
    chain = gazetteer.chain(adcode)
    return RegionRef(chain[0].place(), tuple(r.place() for r in chain[1:]), evidence=cue)
