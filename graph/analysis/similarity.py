"""Near-duplicate measures across regions: MinHash LSH on character shingles, pure Python.

Chinese has no spaces, so a measure becomes the set of its character n-grams after punctuation,
numbering and digits are removed (numbers differ between plans that copy the same action). LSH
proposes candidates in sub-quadratic time; each candidate is then verified with the exact Jaccard
similarity of the shingle sets, so the scores (and the pairs kept) match brute force wherever LSH
finds the candidate at all.
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

from datasketch import LeanMinHash, MinHash, MinHashLSH

DEFAULT_THRESHOLD = 0.2
DEFAULT_NGRAM = 3
MIN_CHARS = 8  # shorter measures ("加强党建。") say too little to call two plans alike
NUM_PERM = 128
LSH_MARGIN = 0.05  # LSH runs a little below the threshold so pairs just above it are not missed
SHARED_MIN_CHARS = 4
SHARED_MAX = 3

_NUMBERING = re.compile(r"^\s*[（(]?\s*[0-9一二三四五六七八九十]+\s*[）)、.．]")
_NOT_WORD = re.compile(r"[^\u3400-\u9fffA-Za-z]+")

Item = tuple[Hashable, Hashable, str]  # (id, region, text)


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
    clean = normalise(text)
    if len(clean) < max(MIN_CHARS, ngram):
        return frozenset()
    return frozenset(clean[i : i + ngram] for i in range(len(clean) - ngram + 1))


def jaccard(left: frozenset[str], right: frozenset[str]) -> float:
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def shared_runs(left: str, right: str, *, limit: int = SHARED_MAX) -> tuple[str, ...]:
    """The longest common substrings of two texts (normalised): why they were matched."""
    return _shared_runs(normalise(left), normalise(right), limit)


@lru_cache(maxsize=65536)  # copied measures give the same pair of texts again and again
def _shared_runs(a: str, b: str, limit: int) -> tuple[str, ...]:
    blocks = SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks()
    runs = sorted((a[m.a : m.a + m.size] for m in blocks if m.size >= SHARED_MIN_CHARS), key=len)
    return tuple(dict.fromkeys(reversed(runs)))[:limit]


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

    Items with the same shingle set (a measure copied word for word) share one LSH entry and are
    verified once, so the cost grows with the number of distinct measures, not with the copies.
    """
    sets = [shingles(text, ngram=ngram) for _, _, text in items]
    groups = _Groups(sets)
    index = _lsh_index(groups.sets, threshold=threshold, num_perm=num_perm)
    queried = _items_to_query(items, groups, index, focus=focus)
    partners = {}
    for g in sorted({groups.of[i] for i in queried}):
        partners[g] = _verified_groups(g, groups, index, threshold=threshold)
    regions = [region for _, region, _ in items]
    kept: set[tuple[int, int, float]] = set()
    for i in queried:
        for score, j in _best_partners(i, partners[groups.of[i]], groups, regions, max_partners):
            kept.add((min(i, j), max(i, j), score))
    return _pairs(items, kept, focus=focus)


def similar_pairs_bruteforce(
    items: Sequence[Item],
    *,
    threshold: float = DEFAULT_THRESHOLD,
    ngram: int = DEFAULT_NGRAM,
    max_partners: int | None = None,
) -> list[Pair]:
    """The same relation by comparing every pair: the reference LSH is measured against."""
    sets = [shingles(text, ngram=ngram) for _, _, text in items]
    scored: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for i, j in combinations(range(len(items)), 2):
        if items[i][1] == items[j][1]:
            continue
        score = jaccard(sets[i], sets[j])
        if score >= threshold:
            scored[i].append((score, j))
            scored[j].append((score, i))
    return _pairs(items, _keep_best(scored, max_partners, len(items)), focus=None)


class _Groups:
    """Items with identical non-empty shingle sets, grouped; ``of[i]`` is item i's group."""

    def __init__(self, sets: Sequence[frozenset[str]]) -> None:
        ids: dict[frozenset[str], int] = {}
        self.of: list[int] = []
        self.members: list[list[int]] = []
        self.sets: list[frozenset[str]] = []
        for i, shingle_set in enumerate(sets):
            g = ids.setdefault(shingle_set, len(self.sets))
            if g == len(self.sets):
                self.sets.append(shingle_set)
                self.members.append([])
            self.members[g].append(i)  # ascending, as items are visited in order
            self.of.append(g)
        self.size = len(sets)


class _Index:
    def __init__(self, lsh: MinHashLSH, signatures: dict[int, LeanMinHash]) -> None:
        self.lsh = lsh
        self.signatures = signatures

    def candidates(self, key: int) -> list[int]:
        signature = self.signatures.get(key)
        return [] if signature is None else self.lsh.query(signature)


def _lsh_index(sets: Sequence[frozenset[str]], *, threshold: float, num_perm: int) -> _Index:
    lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=num_perm)
    signatures: dict[int, LeanMinHash] = {}
    with lsh.insertion_session() as session:
        for key, shingle_set in enumerate(sets):
            if not shingle_set:
                continue
            minhash = MinHash(num_perm=num_perm)
            minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
            signatures[key] = LeanMinHash(minhash)
            session.insert(key, signatures[key], check_duplication=False)
    return _Index(lsh, signatures)


def _items_to_query(
    items: Sequence[Item], groups: _Groups, index: _Index, *, focus: Iterable[Hashable] | None
) -> list[int]:
    """Every item, or the focus items plus their candidates (whose best partners may change)."""
    if focus is None:
        return list(range(len(items)))
    wanted = set(focus)
    seeds = [i for i, item in enumerate(items) if item[0] in wanted]
    near = {h for i in seeds for h in index.candidates(groups.of[i])}
    around = {j for h in near for j in groups.members[h]}
    return sorted(set(seeds) | around)


def _verified_groups(
    g: int, groups: _Groups, index: _Index, *, threshold: float
) -> list[tuple[float, list[int]]]:
    """The groups similar to group g (itself included, at 1.0), by exact Jaccard: score levels,
    best first, each with the groups at that score."""
    if not groups.sets[g]:
        return []
    levels: dict[float, list[int]] = defaultdict(list)
    levels[1.0].append(g)
    for h in index.candidates(g):
        if h != g:
            score = jaccard(groups.sets[g], groups.sets[h])
            if score >= threshold:
                levels[score].append(h)
    return sorted(levels.items(), reverse=True)


def _best_partners(
    i: int,
    levels: list[tuple[float, list[int]]],
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
    items: Sequence[Item], kept: set[tuple[int, int, float]], *, focus: Iterable[Hashable] | None
) -> list[Pair]:
    wanted = None if focus is None else set(focus)
    pairs = []
    for i, j, score in kept:
        first, second = sorted((items[i], items[j]), key=lambda item: str(item[0]))
        if wanted is not None and first[0] not in wanted and second[0] not in wanted:
            continue
        shared = shared_runs(first[2], second[2])
        pairs.append(Pair(first[0], second[0], round(score, 4), shared))
    return sorted(pairs, key=lambda p: (str(p.a), str(p.b)))
