"""The ingestion stages wired in order: read → normalize → parse → extract → resolve.

Each stage also runs alone; this module only calls them in turn. ``extract_many`` never lets one
bad document stop a batch: a failure is returned, with its file and cause, in input order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import ExtractError, PlanGraphError
from ingest.extract.mentions import extract_mentions
from ingest.extract.regions import find_places, parents_of, place, resolve_region
from ingest.extract.targets import extract_targets
from ingest.models import (
    EntityMention,
    Extraction,
    Mention,
    NormalizedDocument,
    ParsedDocument,
    PlaceMention,
    RawDocument,
    RegionRef,
)
from ingest.normalize import normalize
from ingest.parse import parse
from ingest.read import read_document
from ingest.resolve import resolve
from ingest.spans import innermost_item, items_of


@dataclass(frozen=True, slots=True)
class Failure:
    source: str
    error: PlanGraphError

    @property
    def message(self) -> str:
        return str(self.error) if self.error.source else f"{self.source}: {self.error}"


def extract_file(path: Path) -> Extraction:
    return extract_raw(read_document(path))


def extract_raw(raw: RawDocument) -> Extraction:
    return extract_normalized(normalize(raw))


def extract_normalized(normalized: NormalizedDocument) -> Extraction:
    parsed = parse(normalized)
    resolution = resolve_region(normalized, parsed.meta)
    region = resolution.region
    mentions = extract_mentions(normalized.folded)
    resolved = resolve(parsed, mentions, region=region)
    targets = extract_targets(
        normalized.text, normalized.folded, items=items_of(parsed), year=parsed.meta.year
    )
    return Extraction(
        doc_id=parsed.doc_id,
        parsed=parsed,
        region=region,
        other_regions=_other_regions(parsed, find_places(normalized.folded), region),
        projects=resolved.projects,
        policies=resolved.policies,
        institutions=resolved.institutions,
        targets=targets,
        responsibilities=resolved.responsibilities,
        merges=resolved.merges,
        region_note=resolution.note,
    )


def extract_many(paths: Iterable[Path]) -> Iterator[Extraction | Failure]:
    for path in paths:
        try:
            yield extract_file(path)
        except PlanGraphError as error:
            yield Failure(str(path), error)
        except Exception as error:  # a bug met on one file must not stop the batch
            failure = ExtractError(f"extraction failed ({type(error).__name__}: {error})")
            yield Failure(str(path), failure)


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given, and the supported files inside given folders, sorted by name."""
    suffixes = {".txt", ".docx", ".pdf", ".html", ".htm"}
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in suffixes)
        else:
            found.append(path)
    return found


def _other_regions(
    parsed: ParsedDocument, places: list[Mention], region: RegionRef | None
) -> tuple[PlaceMention, ...]:
    own = region.place.adcode if region else None
    items = items_of(parsed)
    by_code: dict[str, list[Mention]] = {}
    for mention in places:
        if mention.key and mention.key != own:
            by_code.setdefault(mention.key, []).append(mention)
    return tuple(
        PlaceMention(
            place=place(code),
            parents=parents_of(code),
            mentions=tuple(
                EntityMention(m.start, m.end, innermost_item(items, m.start, m.end), m.rule)
                for m in mentions
            ),
        )
        for code, mentions in sorted(by_code.items())
    )
