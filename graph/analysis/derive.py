"""The analysis step: rebuild every derived relationship after a load, for the regions and
documents that changed (or for the whole graph)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from neo4j import Driver

from graph.analysis import statements
from graph.analysis.adopts import derive_adopts
from graph.analysis.measures import derive_measure_similarity
from graph.analysis.regions import derive_region_similarity
from graph.analysis.similarity import DEFAULT_THRESHOLD
from graph.analysis.store import fetch, write
from graph.analysis.themes import derive_about, derive_focus, load_theme_nodes, load_themes


@dataclass(frozen=True, slots=True)
class DeriveSummary:
    """What one run wrote (``written``) and what the graph now holds (the totals)."""

    mode: str  # "full" or "incremental"
    regions: tuple[str, ...]  # the regions recomputed
    written: dict[str, int]
    adopts: int
    similar_measures: int
    similar_regions: int
    about: int
    focuses_on: int
    themes: int
    seconds: float

    def describe(self) -> str:
        return (
            f"{self.mode} analysis of {len(self.regions)} region(s) in {self.seconds:.2f} s: "
            f"ADOPTS {self.adopts}, SIMILAR_TO measures {self.similar_measures}, "
            f"SIMILAR_TO regions {self.similar_regions}, ABOUT {self.about}, "
            f"FOCUSES_ON {self.focuses_on}, themes {self.themes}"
        )


def derive(
    driver: Driver,
    *,
    database: str,
    changed_docs: Sequence[str] | None = None,
    threshold: float = DEFAULT_THRESHOLD,
) -> DeriveSummary:
    """Recompute ADOPTS, SIMILAR_TO, ABOUT and FOCUSES_ON: for the regions of ``changed_docs``
    (documents added, replaced or removed) when given, for the whole graph otherwise.
    Idempotent."""
    started = time.perf_counter()
    regions = _regions(driver, changed_docs, database=database)
    scope = None if changed_docs is None else regions
    docs = None if changed_docs is None else list(changed_docs)
    themes = load_themes()
    if changed_docs is None:
        for statement in statements.DELETE_ORPHAN_DERIVED:
            write(driver, statement, database=database)
    written = {
        "themes": load_theme_nodes(driver, themes, database=database),
        "adopts": derive_adopts(driver, regions, database=database),
    }
    written["similar_measures"], written["similar_regions"] = _similarity(
        driver, scope, database=database, threshold=threshold
    )
    written["about"] = derive_about(driver, docs, themes, database=database)
    written["focuses_on"] = derive_focus(driver, regions, database=database)
    write(driver, statements.CLEAR_PENDING, database=database, docs=docs)
    totals = fetch(driver, statements.COUNTS, database=database)[0]
    return DeriveSummary(
        mode="full" if changed_docs is None else "incremental",
        regions=tuple(regions),
        written=written,
        seconds=round(time.perf_counter() - started, 3),
        **totals,
    )


def pending_documents(driver: Driver, *, database: str) -> list[str]:
    """Documents written whose analysis has not finished (a load killed during it)."""
    return [row["id"] for row in fetch(driver, statements.PENDING_DOCUMENTS, database=database)]


def _similarity(
    driver: Driver, scope: Sequence[str] | None, *, database: str, threshold: float
) -> tuple[int, int]:
    """SIMILAR_TO between measures, then between regions (which reads the ADOPTS and, after a
    full run, takes the measure pairs from memory instead of the graph)."""
    measures = derive_measure_similarity(driver, scope, database=database, threshold=threshold)
    regions = derive_region_similarity(driver, scope, database=database, measures=measures)
    return measures.written, regions


def _regions(driver: Driver, changed_docs: Sequence[str] | None, *, database: str) -> list[str]:
    if changed_docs is None:
        return [row["id"] for row in fetch(driver, statements.PLAN_REGIONS, database=database)]
    rows = fetch(driver, statements.AFFECTED_REGIONS, database=database, docs=list(changed_docs))
    return sorted(rows[0]["ids"])
