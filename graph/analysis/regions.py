"""(Region)-[:SIMILAR_TO {score, shared_projects, similar_measures}]->(Region).

score = ½ · Jaccard of the adopted projects and policies + ½ · the share of the two regions'
measures that have a similar measure in the other region. One relationship per unordered pair,
from the smaller adcode to the larger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from neo4j import Driver

from graph.analysis import statements
from graph.analysis.measures import MeasureSimilarity
from graph.analysis.store import fetch, in_chunks, write, write_rows

MIN_SCORE = 0.02
MAX_PARTNERS = 10
SHARED_LIMIT = 30


@dataclass(frozen=True, slots=True)
class RegionPair:
    a: str
    b: str
    score: float
    jaccard: float
    similar_measures: int
    shared_projects: tuple[str, ...]


def region_pairs(
    adoptions: Mapping[str, set[str]],
    measure_counts: Mapping[str, int],
    similar: Iterable[tuple[str, str, str, str]],
    *,
    min_score: float = MIN_SCORE,
    max_partners: int | None = MAX_PARTNERS,
) -> list[RegionPair]:
    """Score every pair of regions; keep pairs among the best ``max_partners`` of either side."""
    regions = sorted(set(adoptions) | set(measure_counts))
    position = {region: i for i, region in enumerate(regions)}
    jaccard = _jaccard_matrix(regions, adoptions)
    overlap, counts = _measure_overlap(similar, position, measure_counts)
    score = 0.5 * jaccard + 0.5 * overlap
    np.fill_diagonal(score, 0.0)
    pairs = []
    for i, j in sorted(_kept(score, min_score=min_score, max_partners=max_partners)):
        a, b = regions[i], regions[j]
        shared = tuple(sorted(adoptions.get(a, set()) & adoptions.get(b, set())))
        pairs.append(
            RegionPair(
                a,
                b,
                round(float(score[i, j]), 4),
                round(float(jaccard[i, j]), 4),
                counts.get((i, j), 0),
                shared[:SHARED_LIMIT],
            )
        )
    return pairs


def derive_region_similarity(
    driver: Driver,
    regions: Sequence[str] | None,
    *,
    database: str,
    measures: MeasureSimilarity | None = None,
) -> int:
    """Rebuild Region SIMILAR_TO touching ``regions`` (all when None); returns the count. The
    similar measures come from ``measures`` when it holds them all, else from the graph."""
    adoptions = {
        r["region"]: set(r["entities"])
        for r in fetch(driver, statements.REGION_ADOPTIONS, database=database)
    }
    if measures is not None and measures.links is not None:
        counts, similar = measures.links.measures_per_region, measures.links.pairs
    else:
        counts = {
            r["region"]: r["measures"]
            for r in fetch(driver, statements.REGION_MEASURE_COUNTS, database=database)
        }
        similar = [
            (r["a"], r["region_a"], r["b"], r["region_b"])
            for r in fetch(driver, statements.SIMILAR_MEASURE_REGIONS, database=database)
        ]
    pairs = region_pairs(adoptions, counts, similar)
    touched = sorted(set(adoptions) | set(counts)) if regions is None else list(regions)
    wanted = set(touched)
    for chunk in in_chunks(touched, 500):
        write(driver, statements.DELETE_REGION_SIMILARITY, database=database, regions=chunk)
    rows = [_row(p) for p in pairs if p.a in wanted or p.b in wanted]
    return write_rows(driver, statements.WRITE_REGION_SIMILARITY, rows, database=database)


def _jaccard_matrix(regions: Sequence[str], adoptions: Mapping[str, set[str]]) -> np.ndarray:
    entities = sorted({e for found in adoptions.values() for e in found})
    column = {entity: k for k, entity in enumerate(entities)}
    matrix = np.zeros((len(regions), max(len(entities), 1)), dtype=np.float32)
    for i, region in enumerate(regions):
        for entity in adoptions.get(region, ()):
            matrix[i, column[entity]] = 1.0
    inter = matrix @ matrix.T
    sizes = matrix.sum(axis=1)
    union = sizes[:, None] + sizes[None, :] - inter
    return np.divide(inter, union, out=np.zeros_like(inter), where=union > 0).astype(np.float64)


def _measure_overlap(
    similar: Iterable[tuple[str, str, str, str]],
    position: Mapping[str, int],
    measure_counts: Mapping[str, int],
) -> tuple[np.ndarray, dict[tuple[int, int], int]]:
    """Share of the pair's measures with a similar one across; pair counts keyed (i < j)."""
    size = len(position)
    involved: dict[tuple[int, int], set[str]] = defaultdict(set)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for a, region_a, b, region_b in similar:
        if region_a == region_b or region_a not in position or region_b not in position:
            continue
        key = tuple(sorted((position[region_a], position[region_b])))
        involved[key] |= {a, b}  # type: ignore[index]
        counts[key] += 1  # type: ignore[index]
    overlap = np.zeros((size, size))
    names = sorted(position, key=position.__getitem__)
    for (i, j), measures in involved.items():
        total = measure_counts.get(names[i], 0) + measure_counts.get(names[j], 0)
        overlap[i, j] = overlap[j, i] = min(1.0, len(measures) / total) if total else 0.0
    return overlap, dict(counts)


def _kept(score: np.ndarray, *, min_score: float, max_partners: int | None) -> set[tuple[int, int]]:
    kept: set[tuple[int, int]] = set()
    for i in range(score.shape[0]):
        above = np.flatnonzero(score[i] >= min_score)
        best = sorted(above, key=lambda j: (-score[i, j], j))
        for j in best[:max_partners] if max_partners else best:
            kept.add((min(i, int(j)), max(i, int(j))))
    return kept


def _row(pair: RegionPair) -> dict[str, Any]:
    props = {
        "derived": True,
        "score": pair.score,
        "jaccard": pair.jaccard,
        "similar_measures": pair.similar_measures,
        "shared_projects": list(pair.shared_projects),
    }
    return {"a": pair.a, "b": pair.b, "props": props}
