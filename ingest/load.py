"""`python -m ingest load`: extract each file and write it into Neo4j, one transaction per
document, then refresh the derived structure. This is the one place where ingestion reaches the
graph layer (the composition root); the stages themselves know nothing of Neo4j."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from graph.build import build_batch
from graph.db import connect
from graph.neo4j_writer import WriteResult, apply_schema, write_document
from graph.settings import load_settings
from ingest.errors import PlanGraphError
from ingest.pipeline import Failure, extract_many


@dataclass
class LoadSummary:
    results: list[WriteResult] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    merges: Counter[str] = field(default_factory=Counter)

    def render(self) -> str:
        outcomes = Counter(r.outcome for r in self.results)
        totals: Counter[str] = Counter()
        for result in self.results:
            totals.update(result.counts)
        lines = [
            f"documents: {len(self.results)} loaded ("
            + ", ".join(f"{n} {k}" for k, n in sorted(outcomes.items()))
            + f"), "
            f"{len(self.failures)} skipped"
        ]
        labels = {k: v for k, v in totals.items() if not k.isupper()}
        types = {k: v for k, v in totals.items() if k.isupper()}
        lines.append("nodes: " + _counts(labels))
        lines.append("relationships: " + _counts(types))
        lines.append(f"merges: {sum(self.merges.values())} ({_counts(self.merges)})")
        lines += [f"skipped {failure.message}" for failure in self.failures]
        return "\n".join(lines)


def _counts(counter: dict[str, int]) -> str:
    return ", ".join(f"{name} {n}" for name, n in sorted(counter.items())) or "none"


def load_paths(paths: Sequence[Path], *, progress: bool = True) -> LoadSummary:
    settings = load_settings()
    summary = LoadSummary()
    with connect(settings) as driver:
        apply_schema(driver, database=settings.database)
        bar = tqdm(total=len(paths), unit="doc", disable=not progress, file=None)
        for outcome in extract_many(paths):
            bar.update(1)
            if isinstance(outcome, Failure):
                summary.failures.append(outcome)
                continue
            try:
                result = write_document(
                    driver,
                    build_batch(outcome),
                    database=settings.database,
                    source=outcome.parsed.normalized.source,
                )
            except PlanGraphError as error:
                summary.failures.append(Failure(outcome.parsed.normalized.source, error))
                continue
            summary.results.append(result)
            summary.merges.update(m.reason for m in outcome.merges)
        bar.close()
    return summary
