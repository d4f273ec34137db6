"""Full-text search over the plans: the saved query ``search`` (queries/search.cypher, which reads
the CJK full-text index ``plan_text``), each hit cut down to the sentence that holds it with the
words marked (``python -m graph search`` is graph/cli/search.py). Plain functions over a driver; no
Streamlit here."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.errors import GraphError
from graph.explore.cypher import REGIONS, THEMES
from graph.queries import QueryResult, format_result, get_query, run_query
from graph.schema import TEXT_INDEX

KINDS = ("goal", "measure", "target", "text")
RESPONSIBLE = ("", "named", "none")
_SENTENCE_END = "。！？；!?;\n"
_REACH = 80  # at most this many characters of a sentence either side of the hit


# What the filters offer: the regions with a plan and those above them, the years, the themes
# (REGIONS and THEMES are explore's).
FILTER_YEARS = """
MATCH (d:Document) WHERE d.year IS NOT NULL RETURN DISTINCT d.year AS year ORDER BY year DESC
"""


@dataclass(frozen=True, slots=True)
class Filters:
    regions: list[dict[str, Any]]  # adcode, name
    years: list[int]
    themes: list[dict[str, Any]]  # id, label, label_en


def filters(driver: Driver, *, database: str) -> Filters:
    """The choices of the search filters."""
    years = [row["year"] for row in read(driver, FILTER_YEARS, database=database)]
    themes = read(driver, THEMES, database=database)
    return Filters(read(driver, REGIONS, database=database), years,
                   sorted(themes, key=lambda row: row["id"]))  # fmt: skip


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # goal, measure, target or text (the plan's own text outside every goal)
    id: str | None  # the item's id; None for the plan's text
    doc: str
    plan: str | None
    year: int | None
    region: str | None
    adcode: str | None
    start: int  # where the hit lies in the plan's text: the reader opens it there
    end: int
    exact: bool
    score: float
    units: tuple[str, ...]
    # The sentence around the hit as (text, is_match) pieces, the searched words marked.
    snippet: tuple[tuple[str, bool], ...] = field(default=())

    @property
    def sentence(self) -> str:
        return "".join(piece for piece, _ in self.snippet)


@dataclass(frozen=True, slots=True)
class SearchResult:
    words: tuple[str, ...]
    hits: tuple[Hit, ...]
    truncated: bool  # more hits than the limit


def words_of(text: str) -> tuple[str, ...]:
    """The words of a search box, split on (also full-width) spaces."""
    return tuple(text.replace("\u3000", " ").split())


def search(
    driver: Driver,
    text: str,
    *,
    database: str,
    region: str = "",
    year: int = 0,
    theme: str = "",
    kinds: Sequence[str] = (),
    responsible: str = "",
    limit: int = 200,
) -> SearchResult:
    """Goals, measures, targets and passages of the plans' own text holding every word of
    ``text``, the literal matches first, then by full-text score."""
    words = words_of(text)
    if not words:
        return SearchResult((), (), False)
    params = {
        "text": " ".join(words), "region": region, "year": year, "theme": theme,
        "kinds": ",".join(kinds), "responsible": responsible, "limit": limit + 1,
    }  # fmt: skip
    try:
        result = run_query(driver, get_query("search"), params, database=database,
                           row_cap=limit + 1)  # fmt: skip
    except GraphError as error:
        if TEXT_INDEX not in str(error):
            raise
        raise GraphError(f"the full-text index {TEXT_INDEX} is missing (a graph made before it "
                         "existed): run `python -m graph schema apply`") from error  # fmt: skip
    hits = tuple(_hit(row, words) for row in result.rows[:limit])
    return SearchResult(words, hits, len(result.rows) > limit)


def _hit(row: dict[str, Any], words: tuple[str, ...]) -> Hit:
    if row["kind"] in ("goal", "measure"):
        text = row["text"] or ""
        found = _first(text, words)
        lo, hi = found or (0, 0)
    else:  # a target or a passage: the sentence around its span in the plan's text
        text = row["context"] or ""
        lo, hi = row["start"] - row["context_start"], row["end"] - row["context_start"]
    return Hit(
        row["kind"], row["id"], row["doc"], row["plan"], row["year"], row["region"],
        row["adcode"], row["start"], row["end"], bool(row["exact"]), float(row["score"]),
        tuple(row["units"] or ()), highlight(sentence_around(text, lo, hi), words),
    )  # fmt: skip


def _pattern(words: Sequence[str]) -> re.Pattern[str]:
    alternatives = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in alternatives), re.IGNORECASE)


def _first(text: str, words: Sequence[str]) -> tuple[int, int] | None:
    match = _pattern(words).search(text)
    return (match.start(), match.end()) if match else None


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) of ``text`` holding [start, end), at most _REACH characters either side."""
    left = max((text.rfind(c, 0, start) for c in _SENTENCE_END), default=-1) + 1
    left = max(left, start - _REACH, 0)
    ends = [i for c in _SENTENCE_END if (i := text.find(c, end)) >= 0]
    right = min([*ends, end + _REACH, len(text) - 1]) + 1
    return text[left:right].strip()


def highlight(text: str, words: Sequence[str]) -> tuple[tuple[str, bool], ...]:
    """``text`` cut into (piece, is_match) pieces at every occurrence of the words, any case."""
    pieces: list[tuple[str, bool]] = []
    at = 0
    for match in _pattern(words).finditer(text) if words else ():
        if match.start() > at:
            pieces.append((text[at : match.start()], False))
        pieces.append((match.group(), True))
        at = match.end()
    if at < len(text):
        pieces.append((text[at:], False))
    return tuple(pieces)


def marked(hit: Hit, *, left: str = "【", right: str = "】") -> str:
    """The hit's sentence as plain text with the words between ``left`` and ``right``."""
    return "".join(f"{left}{p}{right}" if is_match else p for p, is_match in hit.snippet)


def rows(result: SearchResult) -> list[dict[str, Any]]:
    """One flat row per hit, for tables and files."""
    return [
        {
            "kind": h.kind, "region": h.region, "adcode": h.adcode, "year": h.year,
            "plan": h.plan, "sentence": h.sentence, "units": "、".join(h.units),
            "doc": h.doc, "at": h.start, "id": h.id, "exact": h.exact,
            "score": round(h.score, 3),
        }
        for h in result.hits
    ]  # fmt: skip


def format_hits(result: SearchResult, fmt: str) -> str:
    table = rows(result)
    if fmt == "json":  # the words found, as character ranges of the sentence
        for row, hit in zip(table, result.hits, strict=True):
            row["marks"] = _marks(hit)
        return json.dumps(table, ensure_ascii=False, indent=1)
    if fmt == "table":
        for row, hit in zip(table, result.hits, strict=True):
            row["sentence"] = marked(hit)
    columns = list(table[0]) if table else ["kind", "region", "year", "plan", "sentence"]
    return format_result(QueryResult(columns, table, result.truncated), fmt)


def _marks(hit: Hit) -> list[list[int]]:
    marks, at = [], 0
    for piece, is_match in hit.snippet:
        if is_match:
            marks.append([at, at + len(piece)])
        at += len(piece)
    return marks
