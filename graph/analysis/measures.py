"""(Measure)-[:SIMILAR_TO {score, shared}]->(Measure) between regions: the graph side of
graph.analysis.similarity."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from neo4j import Driver

from graph.analysis import queries
from graph.analysis.similarity import DEFAULT_THRESHOLD, Item, Pair, similar_pairs
from graph.analysis.store import fetch, in_chunks, write, write_rows


def derive_measure_similarity(
    driver: Driver,
    regions: Sequence[str] | None,
    *,
    database: str,
    threshold: float = DEFAULT_THRESHOLD,
) -> int:
    """Rebuild the SIMILAR_TO of the measures of ``regions`` (all when None); returns the count."""
    rows = fetch(driver, queries.MEASURES, database=database)
    items: list[Item] = [(r["id"], r["region"], r["text"] or "") for r in rows]
    focus = None if regions is None else _measures_of(rows, regions)
    pairs = similar_pairs(items, threshold=threshold, focus=focus)
    _delete(driver, regions, database=database)
    return write_rows(
        driver, queries.WRITE_MEASURE_SIMILARITY, [pair_row(p) for p in pairs], database=database
    )


def pair_row(pair: Pair) -> dict[str, Any]:
    props = {"derived": True, "score": pair.score, "shared": list(pair.shared)}
    return {"a": pair.a, "b": pair.b, "props": props}


def _measures_of(rows: Sequence[dict[str, Any]], regions: Sequence[str]) -> set[str]:
    wanted = set(regions)
    return {row["id"] for row in rows if row["region"] in wanted}


def _delete(driver: Driver, regions: Sequence[str] | None, *, database: str) -> None:
    if regions is None:
        write(driver, queries.DELETE_ALL_MEASURE_SIMILARITY, database=database)
        return
    for chunk in in_chunks(regions, 200):
        write(driver, queries.DELETE_MEASURE_SIMILARITY, database=database, regions=chunk)
