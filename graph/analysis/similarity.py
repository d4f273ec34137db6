"""Near-duplicate measures across regions: MinHash LSH on character shingles, in numpy.

Chinese has no spaces, so a measure becomes the set of its character n-grams after punctuation,
numbering and digits are removed (numbers differ between plans that copy the same action). LSH
proposes candidates in sub-quadratic time; each candidate is then verified with the exact Jaccard
similarity of the shingle sets, so the scores (and the pairs kept) match brute force wherever LSH
finds the candidate at all.

Plans copy measures from each other and from the province's plan, so a national corpus holds far
fewer distinct measures than measures (305,000 measures, 37,000 distinct shingle sets): every
step below works on the distinct sets, and the items are only expanded at the end.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import combinations

import numpy as np
import numpy.typing as npt

DEFAULT_THRESHOLD = 0.2
DEFAULT_NGRAM = 3
MIN_CHARS = 8  # shorter measures ("加强党建。") say too little to call two plans alike
NUM_PERM = 128
LSH_MARGIN = 0.05  # LSH runs a little below the threshold so pairs just above it are not missed
SEED = 2260  # of the random hash functions: the same measures always give the same pairs
SHARED_MIN_CHARS = 4
SHARED_MAX = 3

_NUMBERING = re.compile(r"^\s*[（(]?\s*[0-9一二三四五六七八九十]+\s*[）)、.．]")
_NOT_WORD = re.compile(r"[^\u3400-\u9fffA-Za-z]+")

Item = tuple[Hashable, Hashable, str]  # (id, region, text)
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True, order=True)
class Pair:
    """Two similar items of different regions; ``a`` sorts before ``b``."""

    a: Hashable
    b: Hashable
    score: float
    shared: tuple[str, ...]


def normalise(text: str) -> str:
    """The characters that carry meaning: no leading number, punctuation, digits or spaces."""
    return _NOT_WORD.sub("", _NUMBERING.sub("", text))


def shingles(text: str, *, ngram: int = DEFAULT_NGRAM) -> frozenset[str]:
    """Character n-grams of the normalised text; empty when it is shorter than MIN_CHARS."""
    return _shingles_of(normalise(text), ngram)


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    common = len(left & right)
    return common / (len(left) + len(right) - common)


def shared_runs(left: str, right: str, *, limit: int = SHARED_MAX) -> tuple[str, ...]:
    """The longest common substrings of two texts (normalised): why they were matched."""
    return _shared_runs(normalise(left), normalise(right), limit)


def similar_pairs(
    items: Sequence[Item],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ngram: int = DEFAULT_NGRAM,
    num_perm: int = NUM_PERM,
    max_partners: int | None = 5,
    focus: Iterable[Hashable] | None = None,
) -> list[Pair]:
    """Pairs of items from different regions whose shingle sets have Jaccard ≥ ``threshold``.

    ``max_partners`` keeps, for every item, only its best partners (a pair stays when it is among
    the best of either side), so that a measure copied by hundreds of plans does not make the
    output quadratic. ``focus`` limits the result to pairs with at least one item in it (the
    incremental case); the index still holds every item.
    """
    groups = _Groups([text for _, _, text in items], ngram=ngram)
    index = _Index(groups, threshold=max(0.05, threshold - LSH_MARGIN), num_perm=num_perm)
    queried = _items_to_query(items, groups, index, focus=focus)
    by_group: dict[int, list[int]] = defaultdict(list)
    for i in queried:
        by_group[groups.of[i]].append(i)
    regions = [region for _, region, _ in items]
    kept: set[tuple[int, int, float]] = set()
    for g in sorted(by_group):  # one group's partners at a time: memory stays flat
        levels = index.similar(g, threshold=threshold)
        for i in by_group[g]:
            for score, j in _best_partners(i, levels, groups, regions, max_partners):
                kept.add((min(i, j), max(i, j), score))
    return _pairs(items, kept, groups, focus=focus)


def similar_pairs_bruteforce(
    items: Sequence[Item],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ngram: int = DEFAULT_NGRAM,
    max_partners: int | None = None,
) -> list[Pair]:
    """The same relation by comparing every pair: the reference LSH is measured against."""
    groups = _Groups([text for _, _, text in items], ngram=ngram)
    sets_of_norm = [_shingles_of(text, ngram) for text in groups.norms]
    sets = [sets_of_norm[n] for n in groups.norm]
    scored: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j in combinations(range(len(items)), 2):
        if items[i][1] == items[j][1]:
            continue
        score = jaccard(sets[i], sets[j])
        if score >= threshold:
            scored[i].append((score, j))
            scored[j].append((score, i))
    return _pairs(items, _keep_best(scored, max_partners, len(items)), groups, focus=None)


def lsh_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """The bands × rows (≤ num_perm hash functions) that minimise the chance of a false positive
    plus that of a false negative at ``threshold``: the usual choice for MinHash LSH."""
    below, above = np.linspace(0.0, threshold, 200), np.linspace(threshold, 1.0, 200)
    best, best_error = (1, 1), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            false_positive = np.trapezoid(1.0 - (1.0 - below**rows) ** bands, below)
            false_negative = np.trapezoid((1.0 - above**rows) ** bands, above)
            if false_positive + false_negative < best_error:
                best, best_error = (bands, rows), float(false_positive + false_negative)
    return best


class _Groups:
    """Items with identical shingle sets, grouped: ``of[i]`` is item i's group, ``members[g]`` the
    items of group g (ascending). The sets are held once per group, as sorted ids into the
    vocabulary of shingles (``indices[indptr[g]:indptr[g + 1]]``), so that numpy can compare
    them; groups with an empty set (too short to compare) have no partners."""

    def __init__(self, texts: Sequence[str], *, ngram: int) -> None:
        norm_of: dict[str, int] = {}
        self.norm: list[int] = [norm_of.setdefault(normalise(text), len(norm_of)) for text in texts]
        self.norms = list(norm_of)
        sets = [_shingles_of(text, ngram) for text in self.norms]
        group_of: dict[frozenset[str], int] = {}
        by_norm = [group_of.setdefault(shingle_set, len(group_of)) for shingle_set in sets]
        self.of = [by_norm[n] for n in self.norm]
        self.members: list[list[int]] = [[] for _ in group_of]
        for i, g in enumerate(self.of):
            self.members[g].append(i)
        self.size = len(texts)
        vocabulary = {s: k for k, s in enumerate(sorted(set().union(*group_of)))}
        self.vocabulary = len(vocabulary)
        ids = [np.array(sorted(vocabulary[s] for s in shingle_set), np.int64)
               for shingle_set in group_of]  # fmt: skip
        self.sizes = np.array([len(x) for x in ids], np.int64)
        self.indptr = np.concatenate(([0], np.cumsum(self.sizes))).astype(np.int64)
        self.indices = np.concatenate(ids) if ids else np.zeros(0, np.int64)

    def ids(self, g: int) -> Ints:
        return self.indices[self.indptr[g] : self.indptr[g + 1]]

    def __len__(self) -> int:
        return len(self.members)


class _Index:
    """MinHash signatures of the non-empty groups, cut into bands; two groups are candidates when
    one band of their signatures is equal. Each band is kept sorted, so that the groups sharing a
    band with g are one slice."""

    def __init__(self, groups: _Groups, *, threshold: float, num_perm: int) -> None:
        self.groups = groups
        bands, rows = lsh_bands(threshold, num_perm)
        self.indexed = np.flatnonzero(groups.sizes > 0)
        signatures = _signatures(groups, self.indexed, bands * rows)
        self.order: list[Ints] = []
        self.run_start: list[Ints] = []  # by group: where its run of equal band values begins
        self.run_end: list[Ints] = []
        for band in range(bands):
            keys = _band_keys(signatures[:, band * rows : (band + 1) * rows])
            order = np.argsort(keys, kind="stable")
            starts = np.flatnonzero(np.r_[True, keys[order][1:] != keys[order][:-1]])
            ends = np.r_[starts[1:], len(order)]
            run = np.repeat(np.arange(len(starts)), ends - starts)
            start_of = np.zeros(len(groups), np.int64)
            end_of = np.zeros(len(groups), np.int64)
            start_of[self.indexed[order]] = starts[run]
            end_of[self.indexed[order]] = ends[run]
            self.order.append(self.indexed[order])
            self.run_start.append(start_of)
            self.run_end.append(end_of)
        self._in_g = np.zeros(groups.vocabulary, bool)  # scratch marks, reset after each use
        self._seen = np.zeros(len(groups), bool)

    def candidates(self, g: int) -> Ints:
        """The other groups that share a band with g, ascending."""
        if self.groups.sizes[g] == 0:
            return np.zeros(0, np.int64)
        for order, start, end in zip(self.order, self.run_start, self.run_end, strict=True):
            if end[g] - start[g] > 1:
                self._seen[order[start[g] : end[g]]] = True
        self._seen[g] = False
        found = np.flatnonzero(self._seen)
        self._seen[found] = False
        return found

    def similar(self, g: int, *, threshold: float) -> _Levels:
        """The groups similar to group g (itself included, at 1.0), by exact Jaccard."""
        if self.groups.sizes[g] == 0:
            return _Levels(np.zeros(0), np.zeros(0, np.int64))
        candidates = self.candidates(g)
        scores = self._jaccard(g, candidates)
        keep = scores >= threshold
        return _Levels(np.r_[1.0, scores[keep]], np.r_[g, candidates[keep]])

    def _jaccard(self, g: int, candidates: Ints) -> npt.NDArray[np.float64]:
        """Exact Jaccard of group g with each candidate group, all at once."""
        groups = self.groups
        sizes = groups.sizes[candidates]
        offsets = np.cumsum(sizes) - sizes
        positions = np.repeat(groups.indptr[candidates] - offsets, sizes) + np.arange(sizes.sum())
        self._in_g[groups.ids(g)] = True
        hits = self._in_g[groups.indices[positions]].astype(np.int64)
        self._in_g[groups.ids(g)] = False
        common = np.add.reduceat(hits, offsets) if len(candidates) else np.zeros(0, np.int64)
        return common / (groups.sizes[g] + sizes - common)


class _Levels:
    """A group's similar groups as score levels, best first, each with its groups ascending;
    built as far as they are read (an item rarely needs more than its first few levels)."""

    def __init__(self, scores: npt.NDArray[np.float64], groups: Ints) -> None:
        order = np.lexsort((groups, -scores))
        self._scores, self._groups = scores[order], groups[order]
        self._cuts = np.unique(np.r_[0, np.flatnonzero(np.diff(self._scores)) + 1, len(order)])
        self._built: list[tuple[float, list[int]]] = []

    def __iter__(self) -> Iterator[tuple[float, list[int]]]:
        for k in range(len(self._cuts) - 1):
            if k == len(self._built):
                start, end = self._cuts[k], self._cuts[k + 1]
                self._built.append((float(self._scores[start]), self._groups[start:end].tolist()))
            yield self._built[k]


def _signatures(groups: _Groups, indexed: Ints, count: int) -> npt.NDArray[np.uint32]:
    """Row k: the ``count`` MinHash values of the k-th indexed group. Each hash function is a
    random value per vocabulary entry (seeded), the minimum taken over the group's shingles."""
    rng = np.random.default_rng(SEED)
    signatures = np.empty((len(indexed), count), np.uint32)
    if not len(indexed):
        return signatures
    sizes = groups.sizes[indexed]
    starts = np.cumsum(sizes) - sizes
    flat = np.concatenate([groups.ids(g) for g in indexed])
    for first in range(0, count, 16):  # 16 functions at a time bound the temporary array
        block = rng.integers(0, 2**32, size=(min(16, count - first), groups.vocabulary),
                             dtype=np.uint32)  # fmt: skip
        signatures[:, first : first + len(block)] = np.minimum.reduceat(
            block[:, flat], starts, axis=1
        ).T
    return signatures


def _band_keys(band: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint64]:
    """One 64-bit key per row of a band. Two rows can share a key without being equal (more
    than two values per band are mixed): that only adds a candidate, which is verified."""
    keys = band[:, 0].astype(np.uint64)
    for column in range(1, band.shape[1]):
        keys = keys * np.uint64(0x100000001B3) ^ band[:, column].astype(np.uint64)
    return keys


def _items_to_query(
    items: Sequence[Item], groups: _Groups, index: _Index, *, focus: Iterable[Hashable] | None
) -> list[int]:
    """Every item, or the focus items plus their candidates (whose best partners may change)."""
    if focus is None:
        return list(range(len(items)))
    wanted = set(focus)
    seeds = [i for i, item in enumerate(items) if item[0] in wanted]
    near = {h for g in {groups.of[i] for i in seeds} for h in index.candidates(g).tolist()}
    around = {j for h in near for j in groups.members[h]}
    return sorted(set(seeds) | around)


def _best_partners(
    i: int,
    levels: Iterable[tuple[float, list[int]]],
    groups: _Groups,
    regions: Sequence[Hashable],
    max_partners: int | None,
) -> Iterator[tuple[float, int]]:
    """Item i's partners in other regions, best score first; ties go to the next items after i
    (cyclically), so that among many copies of one measure every copy keeps different partners
    instead of all choosing the first few."""
    given = 0
    for score, level_groups in levels:
        following = [_after(i, groups.members[h], groups.size) for h in level_groups]
        for _, j in heapq.merge(*following):
            if j != i and regions[j] != regions[i]:
                yield score, j
                given += 1
                if max_partners and given >= max_partners:
                    return


def _after(i: int, members: list[int], size: int) -> Iterator[tuple[int, int]]:
    """(cyclic distance from i, member) in increasing distance."""
    cut, count = bisect.bisect_right(members, i), len(members)
    for k in range(count):
        j = members[(cut + k) % count]
        yield (j - i) % size, j


def _keep_best(
    scored: dict[int, list[tuple[float, int]]], max_partners: int | None, size: int
) -> set[tuple[int, int, float]]:
    """Ties go to the next items after ``i`` (cyclically), so that among many copies of one
    measure every copy keeps different partners instead of all choosing the first few."""
    kept: set[tuple[int, int, float]] = set()
    for i, found in scored.items():
        best = sorted(found, key=lambda pair: (-pair[0], (pair[1] - i) % size))
        for score, j in best[:max_partners] if max_partners else best:
            kept.add((min(i, j), max(i, j), score))
    return kept


def _pairs(
    items: Sequence[Item],
    kept: set[tuple[int, int, float]],
    groups: _Groups,
    *,
    focus: Iterable[Hashable] | None,
) -> list[Pair]:
    """The kept (i, j, score) as Pairs, ``a`` before ``b`` by id, sorted, each with the runs of
    text its two measures share."""
    wanted = None if focus is None else set(focus)
    keys = [str(item[0]) for item in items]
    rank = {i: r for r, i in enumerate(sorted(range(len(items)), key=keys.__getitem__))}
    ordered = []
    for i, j, score in kept:
        first, second = (i, j) if rank[i] < rank[j] else (j, i)
        if wanted is None or items[first][0] in wanted or items[second][0] in wanted:
            ordered.append((rank[first], rank[second], first, second, score))
    ordered.sort()
    runs = _shared_texts(groups, {(groups.norm[i], groups.norm[j]) for _, _, i, j, _ in ordered})
    return [
        Pair(items[i][0], items[j][0], round(score, 4), runs[groups.norm[i], groups.norm[j]])
        for _, _, i, j, score in ordered
    ]


def _shared_texts(
    groups: _Groups, text_pairs: set[tuple[int, int]]
) -> dict[tuple[int, int], tuple[str, ...]]:
    """shared runs for each pair of normalised texts (copies share theirs), one SequenceMatcher
    per second text: it indexes that text once for all the first texts compared with it."""
    by_second: dict[int, list[int]] = defaultdict(list)
    for a, b in text_pairs:
        by_second[b].append(a)
    runs = {}
    for b, firsts in by_second.items():
        matcher = SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(groups.norms[b])
        for a in firsts:
            matcher.set_seq1(groups.norms[a])
            runs[a, b] = _runs_of(matcher, groups.norms[a], SHARED_MAX)
    return runs


def _shingles_of(clean: str, ngram: int) -> frozenset[str]:
    if len(clean) < max(MIN_CHARS, ngram):
        return frozenset()
    return frozenset(clean[i : i + ngram] for i in range(len(clean) - ngram + 1))


@lru_cache(maxsize=4096)
def _shared_runs(a: str, b: str, limit: int) -> tuple[str, ...]:
    return _runs_of(SequenceMatcher(None, a, b, autojunk=False), a, limit)


def _runs_of(matcher: SequenceMatcher[str], a: str, limit: int) -> tuple[str, ...]:
    """The runs of ``a`` (the matcher's first text) it shares with the second, longest first."""
    blocks = matcher.get_matching_blocks()
    runs = sorted((a[m.a : m.a + m.size] for m in blocks if m.size >= SHARED_MIN_CHARS), key=len)
    return tuple(dict.fromkeys(reversed(runs)))[:limit]
