"""The trie form of a list of names matches exactly what the longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from ingest.extract.literals import alternation
from ingest.extract.regions import load_gazetteer

CHARS = st.sampled_from("阳城县市区高台晋中")
WORDS = st.lists(st.text(CHARS, min_size=1, max_size=4), min_size=1, max_size=12)


def longest_first(words: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def found(pattern: re.Pattern[str], text: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


@given(WORDS, st.text(CHARS, max_size=40))
def test_the_trie_finds_what_the_alternation_finds(words: list[str], text: str) -> None:
    assert found(re.compile(alternation(words)), text) == found(longest_first(words), text)


@given(WORDS, st.text(CHARS, max_size=40))
def test_a_lookahead_after_the_names_backtracks_alike(words: list[str], text: str) -> None:
    trie = re.compile(f"(?:{alternation(words)})(?=县)")
    plain = re.compile(f"(?:{longest_first(words).pattern})(?=县)")
    assert found(trie, text) == found(plain, text)


def test_the_gazetteer_names_match_alike_in_a_plan(corpus_files) -> None:  # type: ignore[no-untyped-def]
    names = list(load_gazetteer().by_name)
    text = "".join(path.read_text(encoding="utf-8") for path in corpus_files)
    assert found(re.compile(alternation(names)), text) == found(longest_first(names), text)


def test_no_names_match_nothing() -> None:
    assert re.compile(alternation([])).search("阳城县") is None
