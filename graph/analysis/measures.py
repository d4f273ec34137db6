"""(Measure)-[:SIMILAR_TO {score, shared}]->(Measure) between regions: the graph side of
graph.analysis.similarity."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.analysis import statements
from graph.analysis.similarity import DEFAULT_THRESHOLD, Item, Pair, similar_pairs
from graph.analysis.store import fetch, in_chunks, write, write_rows


@dataclass(frozen=True, slots=True)
class MeasureLinks:
    """Every similar pair with the regions of its two measures, and the measures per region."""

    pairs: list[tuple[str, str, str, str]]  # (a, region of a, b, region of b)
    measures_per_region: dict[str, int]


@dataclass(frozen=True, slots=True)
class MeasureSimilarity:
    """What derive_measure_similarity wrote, and after a full run its links, for the region
    similarity to use instead of reading them back (None after an incremental run: the pairs
    then touch the changed regions only)."""

    written: int
    links: MeasureLinks | None


def derive_measure_similarity(
    driver: Driver,
    regions: Sequence[str] | None,
    *,
    database: str,
    threshold: float = DEFAULT_THRESHOLD,
) -> MeasureSimilarity:
    """Rebuild the SIMILAR_TO of the measures of ``regions`` (all when None)."""
    rows = fetch(driver, statements.MEASURES, database=database)
    items: list[Item] = [(r["id"], r["region"], r["text"] or "") for r in rows]
    focus = None if regions is None else _measures_of(rows, regions)
    pairs = similar_pairs(items, threshold=threshold, focus=focus)
    _delete(driver, regions, database=database)
    keys = {row["id"]: row["key"] for row in rows}
    written = write_rows(
        driver,
        statements.WRITE_MEASURE_SIMILARITY,
        [pair_row(p, keys) for p in pairs],
        database=database,
    )
    if regions is not None:
        return MeasureSimilarity(written, None)
    region_of = {row["id"]: row["region"] for row in rows}
    links = [(str(p.a), region_of[p.a], str(p.b), region_of[p.b]) for p in pairs]
    return MeasureSimilarity(written, MeasureLinks(links, dict(Counter(region_of.values()))))


def pair_row(pair: Pair, keys: Mapping[Hashable, str]) -> dict[str, Any]:
    """A SIMILAR_TO row: the two measures' ids and element ids (``keys``), and the properties."""
    props = {"derived": True, "score": pair.score, "shared": list(pair.shared)}
    return {"a": pair.a, "a_key": keys[pair.a], "b": pair.b, "b_key": keys[pair.b], "props": props}


def _measures_of(rows: Sequence[dict[str, Any]], regions: Sequence[str]) -> set[str]:
    wanted = set(regions)
    return {row["id"] for row in rows if row["region"] in wanted}


def _delete(driver: Driver, regions: Sequence[str] | None, *, database: str) -> None:
    if regions is None:
        write(driver, statements.DELETE_ALL_MEASURE_SIMILARITY, database=database)
        return
    for chunk in in_chunks(regions, 200):
        write(driver, statements.DELETE_MEASURE_SIMILARITY, database=database, regions=chunk)
