"""Typed hand-offs between the ingestion stages.

read → ``RawDocument`` → normalize → ``NormalizedDocument`` → parse → ``ParsedDocument``
→ extract → ``list[Mention]`` → resolve → ``Extraction``.

Every span is a pair of character offsets into ``NormalizedDocument.text`` (the text the
extraction reports as ``document.text``). ``NormalizedDocument.folded`` has exactly the same
length: it is the text with full-width forms made half-width and traditional characters made
simplified, character by character, so rules match on ``folded`` and evidence is cut from ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Level = Literal["province", "prefecture", "county"]
InstitutionKind = Literal[
    "party_body",
    "government",
    "bureau",
    "department",
    "school",
    "kindergarten",
    "university",
    "training_org",
    "association",
    "other",
]
Comparator = Literal[">=", "<=", "=", "~"]
Role = Literal["lead", "support"]
ResponsibilitySource = Literal["annotation", "issuer"]
MentionKind = Literal["project", "policy", "institution", "region"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader got out of one file: decoded text plus metadata found in page chrome."""

    source: str
    text: str
    media_type: str  # "text/plain", "text/html", "application/pdf", "application/vnd...docx"
    encoding: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # 文号, 成文日期, 发布机构, 索引号 …


@dataclass(frozen=True, slots=True)
class NormalizedDocument:
    source: str
    text: str
    folded: str  # same length as text; full-width → half-width, traditional → simplified
    metadata: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    title: str | None
    year: int | None
    issuers: tuple[str, ...]
    doc_number: str | None
    issued_on: str | None  # YYYY-MM-DD
    title_span: Span | None = None


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    number: str | None
    title: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Goal:
    id: str
    section: str | None
    number: str | None
    title: str
    text: str  # the stated aim (目标任务 where present)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Measure:
    id: str
    goal: str | None
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ResponsibilityNote:
    """An explicit （责任单位：…）, 牵头单位 or 配合单位 annotation after a goal or measure."""

    item: str
    names: tuple[str, ...]
    role: Role
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    doc_id: str
    normalized: NormalizedDocument
    meta: DocumentMeta
    sections: tuple[Section, ...]
    goals: tuple[Goal, ...]
    measures: tuple[Measure, ...]
    responsibility_notes: tuple[ResponsibilityNote, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """One rule hit in the text. ``key`` is the canonical key when the rule already knows it."""

    kind: MentionKind
    surface: str  # as found in the folded text, quotes and 《》 removed
    start: int
    end: int
    rule: str
    key: str | None = None
    attrs: tuple[tuple[str, str], ...] = ()  # e.g. (("kind", "school"),)

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    adcode: str | None
    level: Level | None


@dataclass(frozen=True, slots=True)
class RegionRef:
    place: Place
    parents: tuple[Place, ...]  # nearest first, province last
    evidence: str = ""  # why this region was chosen (issuer, 文号 prefix, title …)


@dataclass(frozen=True, slots=True)
class EntityMention:
    start: int
    end: int
    in_item: str | None  # id of the goal or measure containing the mention
    rule: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A region named in the text (other than, or besides, the one the plan governs)."""

    place: Place
    parents: tuple[Place, ...]
    mentions: tuple[EntityMention, ...]


@dataclass(frozen=True, slots=True)
class Project:
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[EntityMention, ...]
    as_written: str = ""  # in the plan's own characters (紅領工程 for 红领工程), if otherwise

    @property
    def written_name(self) -> str:
        return self.as_written or self.name


@dataclass(frozen=True, slots=True)
class Policy:
    title: str  # the name that identifies it across plans (a law without 中华人民共和国)
    aliases: tuple[str, ...]
    mentions: tuple[EntityMention, ...]
    as_written: str = ""  # the title as the plan first writes it in 《》

    @property
    def written_title(self) -> str:
        return self.as_written or self.title


@dataclass(frozen=True, slots=True)
class Institution:
    name: str
    kind: InstitutionKind
    mentions: tuple[EntityMention, ...]
    region: str | None = None  # adcode of the region it belongs to, when known
    full_name: str | None = None  # its abbreviation written out (区教委 → 区教育委员会), if any
    as_written: str = ""  # how the plan first writes it (县政府 for 阳城县人民政府), if otherwise

    @property
    def written_name(self) -> str:
        return self.as_written or self.name

    @property
    def fullest_name(self) -> str:
        """Its name in its region: the full name where the plan abbreviates it."""
        return self.full_name or self.name


@dataclass(frozen=True, slots=True)
class Target:
    text: str
    metric: str
    value: float
    unit: str | None
    comparator: Comparator | None
    deadline: str | None
    in_item: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Responsibility:
    item: str
    institution: str
    role: Role
    source: ResponsibilitySource
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class MergeDecision:
    """One resolution step: ``variant`` was merged into ``canonical`` by ``reason``."""

    kind: MentionKind
    variant: str
    canonical: str
    reason: str


RegionNoteReason = Literal["no_place", "no_place_of_level", "tie", "same_name"]
_REGION_NOTES = {
    "no_place": "no place named in the header or the text",
    "no_place_of_level": "no place of the plan's own level ({names}) named in the text",
    "tie": "the text names {names} equally: region left open",
    "same_name": "the header names a place that may be {names}: region left open",
}


@dataclass(frozen=True, slots=True)
class RegionNote:
    """Why a plan was given no region: a reason and the places (or level word) it concerns."""

    reason: RegionNoteReason
    names: tuple[str, ...] = ()

    def __str__(self) -> str:
        return _REGION_NOTES[self.reason].format(names="、".join(self.names))


@dataclass(frozen=True, slots=True)
class Extraction:
    doc_id: str
    parsed: ParsedDocument
    region: RegionRef | None
    other_regions: tuple[PlaceMention, ...]
    projects: tuple[Project, ...]
    policies: tuple[Policy, ...]
    institutions: tuple[Institution, ...]
    targets: tuple[Target, ...]
    responsibilities: tuple[Responsibility, ...]
    merges: tuple[MergeDecision, ...] = ()
    region_note: RegionNote | None = None  # why no region was chosen, when none was
