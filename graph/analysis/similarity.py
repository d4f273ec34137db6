"""Near-duplicate measures across regions: MinHash LSH on character shingles, pure Python.

Chinese has no spaces, so a measure becomes the set of its character n-grams after punctuation,
numbering and digits are removed (numbers differ between plans that copy the same action). LSH
proposes candidates in sub-quadratic time; each candidate is then verified with the exact Jaccard
similarity of the shingle sets, so the scores (and the pairs kept) match brute force wherever LSH
finds the candidate at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
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
    a, b = normalise(left), normalise(right)
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
    """
    sets = [shingles(text, ngram=ngram) for _, _, text in items]
    index = _lsh_index(sets, threshold=threshold, num_perm=num_perm)
    queried = _items_to_query(items, sets, index, focus=focus)
    scored: dict[int, list[tuple[float, int]]] = {}
    for i in queried:
        scored[i] = _verified(i, items, sets, index, threshold=threshold)
    return _pairs(items, _keep_best(scored, max_partners, len(items)), focus=focus)


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


class _Index:
    def __init__(self, lsh: MinHashLSH, signatures: dict[int, LeanMinHash]) -> None:
        self.lsh = lsh
        self.signatures = signatures

    def candidates(self, i: int) -> list[int]:
        signature = self.signatures.get(i)
        return [] if signature is None else self.lsh.query(signature)


def _lsh_index(sets: Sequence[frozenset[str]], *, threshold: float, num_perm: int) -> _Index:
    lsh = MinHashLSH(threshold=max(0.05, threshold - LSH_MARGIN), num_perm=num_perm)
    signatures: dict[int, LeanMinHash] = {}
    with lsh.insertion_session() as session:
        for i, shingle_set in enumerate(sets):
            if not shingle_set:
                continue
            minhash = MinHash(num_perm=num_perm)
            minhash.update_batch([s.encode("utf-8") for s in sorted(shingle_set)])
            signatures[i] = LeanMinHash(minhash)
            session.insert(i, signatures[i], check_duplication=False)
    return _Index(lsh, signatures)


def _items_to_query(
    items: Sequence[Item],
    sets: Sequence[frozenset[str]],
    index: _Index,
    *,
    focus: Iterable[Hashable] | None,
) -> list[int]:
    """Every item, or the focus items plus their candidates (whose best partners may change)."""
    if focus is None:
        return list(range(len(items)))
    wanted = set(focus)
    seeds = [i for i, item in enumerate(items) if item[0] in wanted]
    around = {j for i in seeds for j in index.candidates(i)}
    return sorted(set(seeds) | around)


def _verified(
    i: int,
    items: Sequence[Item],
    sets: Sequence[frozenset[str]],
    index: _Index,
    *,
    threshold: float,
) -> list[tuple[float, int]]:
    region = items[i][1]
    found = []
    for j in index.candidates(i):
        if j != i and items[j][1] != region:
            score = jaccard(sets[i], sets[j])
            if score >= threshold:
                found.append((score, j))
    return found


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
