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

from ingest.extract.literals import alternation
from ingest.models import DocumentMeta, Mention, NormalizedDocument, Place, RegionRef

DATA = Path(__file__).resolve().parent.parent / "data"
# Short names that are ordinary words in plans (新建学校, 城区学校, 长安 …) are not places.
SHORT_NAME_STOPLIST = DATA / "region_short_stoplist.txt"


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
    stop = set(SHORT_NAME_STOPLIST.read_text(encoding="utf-8").split())
    by_name: dict[str, list[Region]] = {}
    for region in regions:
        names = {region.name} | ({region.short_name} if region.short_name not in stop else set())
        for name in names - {""}:
            by_name.setdefault(name, []).append(region)
    pattern = re.compile(alternation(by_name))
    return Gazetteer({r.adcode: r for r in regions}, by_name, pattern)


def place(adcode: str) -> Place:
    return load_gazetteer().by_code[adcode].place()


def parents_of(adcode: str) -> tuple[Place, ...]:
    return tuple(r.place() for r in load_gazetteer().chain(adcode)[1:])


def find_places(folded: str) -> list[Mention]:
    """Every gazetteer name in the text (longest first); ambiguous names give one mention per
    candidate, keyed by adcode, and are settled later by context."""
    gazetteer = load_gazetteer()
    mentions = []
    for match in gazetteer.pattern.finditer(folded):
        candidates = gazetteer.by_name[match.group()]
        rule = "region.full" if candidates[0].name == match.group() else "region.short"
        if rule == "region.short" and not _short_name_in_context(folded, match):
            continue
        mentions += [
            Mention("region", match.group(), match.start(), match.end(), rule, r.adcode)
            for r in candidates
        ]
    return mentions


def _short_name_in_context(folded: str, match: re.Match[str]) -> bool:
    """A short name (阳城, 威海) counts only before a word that makes it a place or a body."""
    after = folded[match.end() : match.end() + 2]
    return bool(
        re.match(r"[一二三四五六七八九十]?[中小幼职]|教育|市|县|区|籍|人民|全|实验|特色|名", after)
    )


def resolve_region(normalized: NormalizedDocument, meta: DocumentMeta) -> RegionRef | None:
    gazetteer = load_gazetteer()
    everywhere = Counter(m.key for m in find_places(normalized.folded) if m.key)
    cues = [
        ("issuer", " ".join(meta.issuers)),
        ("title", meta.title or ""),
        ("publisher", normalized.metadata.get("publisher", "")),
    ]
    for cue, text in cues:
        chosen = _best(gazetteer, find_places(text), everywhere, meta.doc_number)
        if chosen:
            return _ref(gazetteer, chosen, cue)
    chosen = _most_named(gazetteer, everywhere, normalized.folded)
    return _ref(gazetteer, chosen, "text") if chosen else None


def _best(
    gazetteer: Gazetteer,
    mentions: list[Mention],
    everywhere: Counter[str],
    doc_number: str | None,
) -> str | None:
    """The most specific place of a cue, with ties settled by the document's other places."""
    if not mentions:
        return None
    deepest = max(_depth(gazetteer, m.key or "") for m in mentions)
    candidates = [m.key for m in mentions if m.key and _depth(gazetteer, m.key) == deepest]
    return max(candidates, key=lambda code: _support(gazetteer, code, everywhere, doc_number))


def _depth(gazetteer: Gazetteer, adcode: str) -> int:
    return len(gazetteer.chain(adcode))


def _support(
    gazetteer: Gazetteer, adcode: str, everywhere: Counter[str], doc_number: str | None
) -> tuple[int, int, int]:
    parents = [r.adcode for r in gazetteer.chain(adcode)[1:]]
    region = gazetteer.by_code[adcode]
    prefix = 1 if doc_number and doc_number[:1] in (region.short_name or region.name)[:2] else 0
    return (sum(everywhere[p] for p in parents), prefix, everywhere[adcode])


def _most_named(gazetteer: Gazetteer, everywhere: Counter[str], folded: str) -> str | None:
    """No cue in the header: the place the text names most, preferring a city-level plan's own
    city (全市) over its districts."""
    if not everywhere:
        return None
    level = "prefecture" if "全市" in folded and "全县" not in folded else None
    ranked = sorted(everywhere.items(), key=lambda kv: (-kv[1], kv[0] or ""))
    for code, _count in ranked:
        if code and (level is None or gazetteer.by_code[code].level == level):
            return code
    return ranked[0][0]


def _ref(gazetteer: Gazetteer, adcode: str, cue: str) -> RegionRef:
    chain = gazetteer.chain(adcode)
    return RegionRef(chain[0].place(), tuple(r.place() for r in chain[1:]), evidence=cue)
