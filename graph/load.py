"""Extract files and write them into Neo4j, a group of documents per transaction, then refresh the
derived structure. The graph side's one entry into ingestion (the composition root used by
`python -m graph load`, its alias `python -m ingest load`, and the app's upload page); the ingest
stages know nothing of Neo4j."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from neo4j import Driver

from graph.analysis import DeriveSummary, derive
from graph.analysis.derive import pending_documents
from graph.batch import GraphBatch
from graph.build import build_batch
from graph.db import LOAD_RETRY_S, connect
from graph.errors import GraphError, PlanGraphError
from graph.neo4j_writer import GROUP_DOCUMENTS, WriteResult, apply_schema, write_documents
from graph.settings import load_settings
from ingest.extract.regions import load_gazetteer, parents_of, place
from ingest.models import Extraction, RegionNote, RegionRef
from ingest.pipeline import Failure, extract_many

__all__ = [
    "LoadSummary",
    "RegionFound",
    "RegionNote",
    "find_regions",
    "load_paths",
    "region_names",
    "stage_uploads",
]

Progress = Callable[[int, int, str], None]  # (done, total, current file)
# The region a person chose for a file (by its path as given): an adcode, or "" for none.
RegionChoices = Mapping[str, str]
CHOSEN = "chosen on the ingest page"


@dataclass(frozen=True, slots=True)
class FileReport:
    source: str
    outcome: str  # written | unchanged | replaced | skipped
    detail: str


@dataclass
class LoadSummary:
    results: list[WriteResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    merges: Counter[str] = field(default_factory=Counter)
    files: list[FileReport] = field(default_factory=list)
    derived: DeriveSummary | None = None

    def changed_documents(self) -> list[str]:
        """Documents written, replaced or removed: their regions need the analysis again."""
        changed = [r.doc_id for r in self.results if r.outcome != "unchanged"]
        return changed + [doc for r in self.results for doc in r.removed_versions]

    def render(self) -> str:
        outcomes = Counter(r.outcome for r in self.results)
        totals: Counter[str] = Counter()
        for result in self.results:
            totals.update(result.counts)
        done = ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items())) or "none"
        lines = [f"documents: {len(self.results)} loaded ({done}), {len(self.failures)} skipped"]
        lines.append("nodes: " + _counts({k: v for k, v in totals.items() if not k.isupper()}))
        lines.append("relationships: " + _counts({k: v for k, v in totals.items() if k.isupper()}))
        lines.append(f"merges: {sum(self.merges.values())} ({_counts(self.merges)})")
        if self.derived is not None:
            lines.append(f"derived: {self.derived.describe()}")
        lines += [f"skipped {failure.message}" for failure in self.failures]
        return "\n".join(lines)


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counter.items())) or "none"


MAX_NAME_BYTES = 200  # file systems take 255 bytes; a Chinese character is 3 of them


def stage_uploads(folder: Path, uploads: Sequence[tuple[str, bytes]]) -> list[Path]:
    """Write uploaded files under ``folder``, each in a folder of its own (two uploads may share
    a name and are still two files) and under a name the file system takes."""
    paths = []
    for index, (name, data) in enumerate(uploads):
        own = folder / f"{index:04d}"
        own.mkdir(parents=True)
        path = own / safe_file_name(name)
        path.write_bytes(data)
        paths.append(path)
    return paths


def safe_file_name(name: str) -> str:
    """The last part of ``name``, shortened (keeping its suffix) to at most MAX_NAME_BYTES."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1].replace("\0", "").strip() or "upload"
    if base in (".", ".."):
        base = "upload"
    if len(base.encode("utf-8")) <= MAX_NAME_BYTES:
        return base
    suffix = Path(base).suffix if len(Path(base).suffix) <= 10 else ""
    stem = base[: len(base) - len(suffix)]
    while len((stem + "…" + suffix).encode("utf-8")) > MAX_NAME_BYTES:
        stem = stem[:-1]
    return stem + "…" + suffix


def load_paths(
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
    regions: RegionChoices | None = None,
) -> LoadSummary:
    """Extract and write ``paths``; ``regions`` overrides the region found for a path."""
    settings = load_settings()
    summary = LoadSummary()
    with connect(settings, retry_s=LOAD_RETRY_S) as driver:
        apply_schema(driver, database=settings.database)
        group: list[_Ready | Failure] = []
        for done, outcome in enumerate(extract_many(paths), start=1):
            if progress is not None:
                progress(done, len(paths), str(paths[done - 1]))
            chosen = (regions or {}).get(str(paths[done - 1]))
            group.append(_prepare(_with_region(outcome, chosen)))
            if len(group) >= GROUP_DOCUMENTS:
                _write(driver, settings.database, group, summary)
                group = []
        _write(driver, settings.database, group, summary)
        # and the documents whose analysis an earlier, interrupted load did not finish
        pending = pending_documents(driver, database=settings.database)
        changed = list(dict.fromkeys([*summary.changed_documents(), *pending]))
        if changed:
            summary.derived = derive(driver, database=settings.database, changed_docs=changed)
    return summary


@dataclass(frozen=True, slots=True)
class _Ready:
    """An extracted document, built into its graph batch, waiting for its group."""

    extraction: Extraction
    batch: GraphBatch
    source: str


def _prepare(outcome: Extraction | Failure) -> _Ready | Failure:
    if isinstance(outcome, Failure):
        return outcome
    source = outcome.parsed.normalized.source
    try:
        return _Ready(outcome, build_batch(outcome), source)
    except PlanGraphError as error:
        return Failure(source, error)


def _write(
    driver: Driver, database: str, group: list[_Ready | Failure], summary: LoadSummary
) -> None:
    """Write the group's documents together and report every file in order; a document the
    server refuses is skipped with its error, the others are written."""
    ready = [item for item in group if isinstance(item, _Ready)]
    batches, sources = [r.batch for r in ready], [r.source for r in ready]
    results = iter(write_documents(driver, batches, database=database, sources=sources))
    for item in group:
        if isinstance(item, Failure):
            _skip(summary, item)
            continue
        result = next(results)
        if isinstance(result, GraphError):
            _skip(summary, Failure(item.source, result))
            continue
        summary.results.append(result)
        summary.merges.update(m.reason for m in item.extraction.merges)
        summary.files.append(FileReport(item.source, result.outcome, _describe(result)))


def _skip(summary: LoadSummary, failure: Failure) -> None:
    summary.failures.append(failure)
    summary.files.append(FileReport(failure.source, "skipped", str(failure.error)))


def _describe(result: WriteResult) -> str:
    parts = [f"{n} {name}" for name, n in sorted(result.counts.items()) if not name.isupper()]
    if result.replaced:
        parts.append("replaced " + "; ".join(plan.describe() for plan in result.replaced))
    elif result.removed_versions:
        parts.append(f"replaced {', '.join(result.removed_versions)}")
    return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class RegionFound:
    """The region extraction found for a file (``adcode`` None when none), and why."""

    source: str
    adcode: str | None
    evidence: str
    note: RegionNote | None = None  # why none was found


def find_regions(paths: Sequence[Path]) -> list[RegionFound | Failure]:
    """The region each file would be filed under, before anything is written."""
    return [
        outcome
        if isinstance(outcome, Failure)
        else RegionFound(
            outcome.parsed.normalized.source,
            outcome.region.place.adcode if outcome.region else None,
            outcome.region.evidence if outcome.region else "",
            outcome.region_note,
        )
        for outcome in extract_many(paths)
    ]


def region_names() -> dict[str, str]:
    """Every region of the gazetteer: adcode → its name with the regions above it."""
    gazetteer = load_gazetteer()
    return {code: " · ".join(r.name for r in gazetteer.chain(code)) for code in gazetteer.by_code}


def _with_region(outcome: Extraction | Failure, code: str | None) -> Extraction | Failure:
    """The extraction filed under the region a person chose (an adcode, or "" for none)."""
    if isinstance(outcome, Failure) or code is None:
        return outcome
    chosen = RegionRef(place(code), parents_of(code), CHOSEN) if code else None
    return replace(outcome, region=chosen)
