"""Near-duplicate detection: LSH against brute force on planted near-duplicates."""

from __future__ import annotations

import pytest
from synthetic import synthetic_items

from graph.analysis.similarity import (
    jaccard,
    lsh_bands,
    normalise,
    shared_runs,
    shingles,
    similar_pairs,
    similar_pairs_bruteforce,
)

COUNTY_A = "深化教师“县管校聘”管理改革，加大义务教育学校校长教师交流轮岗力度。"
COUNTY_B = "深化“县管校聘”管理改革,加大义务教育学校校长教师交流轮岗力度,优化教师结构。"
UNRELATED = "开展迎接、学习、宣传党的二十大专项行动，形成浓厚氛围。"


def keys(pairs) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(str(p.a), str(p.b)) for p in pairs}


@pytest.fixture(scope="module")
def synthetic():  # type: ignore[no-untyped-def]
    return synthetic_items(1500, regions=40, seed=11)


def test_lsh_recalls_what_brute_force_finds(synthetic) -> None:  # type: ignore[no-untyped-def]
    brute = keys(similar_pairs_bruteforce(synthetic.items))
    found = keys(similar_pairs(synthetic.items, max_partners=None))
    assert len(brute) > 100
    assert len(found & brute) / len(brute) >= 0.9
    assert found <= brute  # every candidate is verified with the exact Jaccard


def test_lsh_finds_the_planted_near_duplicates(synthetic) -> None:  # type: ignore[no-untyped-def]
    found = keys(similar_pairs(synthetic.items, max_partners=None))
    assert len(synthetic.planted & found) / len(synthetic.planted) >= 0.9


def test_pairs_never_join_two_items_of_one_region(synthetic) -> None:  # type: ignore[no-untyped-def]
    region = {item_id: region for item_id, region, _ in synthetic.items}
    for pair in similar_pairs(synthetic.items):
        assert region[pair.a] != region[pair.b]


def test_same_region_duplicates_are_not_paired() -> None:
    items = [("a1", "140522", COUNTY_A), ("a2", "140522", COUNTY_B)]
    assert similar_pairs(items) == []
    assert similar_pairs_bruteforce(items) == []


def test_a_pair_explains_itself_with_shared_runs() -> None:
    items = [("b", "371000", COUNTY_B), ("a", "140522", COUNTY_A), ("c", "620724", UNRELATED)]
    (pair,) = similar_pairs(items)
    assert (pair.a, pair.b) == ("a", "b")
    assert pair.shared[0] == "县管校聘管理改革加大义务教育学校校长教师交流轮岗力度"
    assert 0.2 <= pair.score <= 1.0


def test_every_pair_has_shared_text(synthetic) -> None:  # type: ignore[no-untyped-def]
    assert all(pair.shared for pair in similar_pairs(synthetic.items))


def test_focus_keeps_only_pairs_touching_it(synthetic) -> None:  # type: ignore[no-untyped-def]
    focus = {item_id for item_id, region, _ in synthetic.items if region == "r003"}
    everything = similar_pairs(synthetic.items, max_partners=None)
    focused = similar_pairs(synthetic.items, max_partners=None, focus=focus)
    expected = {(p.a, p.b) for p in everything if p.a in focus or p.b in focus}
    assert {(p.a, p.b) for p in focused} == expected
    assert expected


def test_max_partners_caps_copies_of_one_measure() -> None:
    items = [(f"m{i:02d}", f"r{i:02d}", COUNTY_A) for i in range(30)]
    pairs = similar_pairs(items, max_partners=3)
    degree: dict[str, int] = {}
    for pair in pairs:
        for end in (str(pair.a), str(pair.b)):
            degree[end] = degree.get(end, 0) + 1
    assert len(pairs) <= 30 * 3 and max(degree.values()) <= 2 * 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("（1）落实“双减”政策。", "落实双减政策"),
        ("3.推进2所幼儿园建设", "推进所幼儿园建设"),
        ("(12) 开展　培训;", "开展培训"),
    ],
)
def test_normalise_drops_numbering_punctuation_and_digits(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_short_texts_have_no_shingles() -> None:
    assert shingles("加强党建。") == frozenset()
    assert jaccard(shingles("加强党建。"), shingles("加强党建。")) == 0.0


def test_shared_runs_are_longest_first() -> None:
    assert shared_runs("甲乙丙丁戊己庚辛壬癸子丑", "甲乙丙丁XX庚辛壬癸子丑") == (
        "庚辛壬癸子丑",
        "甲乙丙丁",
    )


@pytest.mark.parametrize(
    ("threshold", "num_perm", "expected"), [(0.15, 128, (51, 2)), (0.5, 128, (25, 5))]
)
def test_bands_balance_false_positives_and_negatives(
    threshold: float, num_perm: int, expected: tuple[int, int]
) -> None:
    assert lsh_bands(threshold, num_perm) == expected


def test_items_copied_word_for_word_are_compared_once_and_paired_across_regions() -> None:
    items = [(f"m{i}", f"r{i % 3}", COUNTY_A) for i in range(6)] + [("x", "r9", UNRELATED)]
    pairs = similar_pairs(items, max_partners=None)
    assert {(p.a, p.b) for p in pairs} == {
        (f"m{i}", f"m{j}") for i in range(6) for j in range(i + 1, 6) if i % 3 != j % 3
    }
    assert {p.score for p in pairs} == {1.0}


def test_items_too_short_to_compare_give_no_pairs() -> None:
    assert similar_pairs([("a", "r1", "加强党建。"), ("b", "r2", "加强党建。")]) == []
    assert similar_pairs([]) == []
