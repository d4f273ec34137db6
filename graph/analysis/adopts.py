"""(Region)-[:ADOPTS]->(Project|Policy): what a region's plans take up, with the evidence.

An adoption is supported by every item (goal, measure, or the document itself outside any item)
of the region's plans that mentions the project or policy, and for policies by the plan citing
it. Evidence sentences are cut out of Document.text around the MENTIONS spans.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph.analysis import statements
from graph.analysis.store import fetch, in_chunks, write, write_rows

MAX_EVIDENCE = 3
SENTENCE_LIMIT = 160
_SENTENCE_ENDS = "。！？；!?;\n"


@dataclass(slots=True)
class _Adoption:
    items: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    evidence: list[tuple[int, str, int, str, str]] = field(default_factory=list)


def sentence_around(text: str, start: int, end: int, *, limit: int = SENTENCE_LIMIT) -> str:
    """The sentence holding text[start:end], cut to ``limit`` characters around the mention."""
    left = max(text.rfind(mark, 0, start) for mark in _SENTENCE_ENDS) + 1
    stops = [i for i in (text.find(mark, end) for mark in _SENTENCE_ENDS) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    if right - left > limit:
        half = (limit - (end - start)) // 2
        left = max(left, start - max(half, 0))
        right = min(right, left + limit)
    return " ".join(text[left:right].split())


def adoption_rows(
    mentions: Iterable[Mapping[str, Any]],
    cites: Iterable[Mapping[str, Any]],
    texts: Mapping[str, str],
) -> list[dict[str, Any]]:
    """One row per (region, label, entity) from the MENTIONS and CITES read out of the graph."""
    found: dict[tuple[str, str, str], _Adoption] = {}
    for row in mentions:
        adoption = _adoption(found, row, row["label"])
        adoption.items.add(row["item"])
        text = texts.get(row["doc"], "")
        for start, end in zip(row["starts"] or [], row["ends"] or [], strict=False):
            sentence = sentence_around(text, start, end) if text else ""
            key = (row["year"] or 0, row["doc"], start, row["item"], sentence)
            adoption.evidence.append(key)
    for row in cites:
        known = found.get((row["region"], "Policy", row["entity"]))
        mentioned = known is not None and row["doc"] in known.docs
        adoption = _adoption(found, row, "Policy")
        if not mentioned:  # cited only in the notice or a list: the plan itself is the item
            adoption.items.add(row["doc"])
    return [_row(key, adoption) for key, adoption in sorted(found.items())]


def derive_adopts(driver: Driver, regions: Sequence[str], *, database: str) -> int:
    """Remove and rebuild the ADOPTS of ``regions``; returns the number written."""
    written = 0
    for chunk in in_chunks(regions, 200):
        mentions = fetch(driver, statements.ADOPTION_MENTIONS, database=database, regions=chunk)
        cites = fetch(driver, statements.ADOPTION_CITES, database=database, regions=chunk)
        docs = sorted({row["doc"] for row in mentions})
        texts = {r["id"]: r["text"] or "" for r in _texts(driver, docs, database=database)}
        rows = adoption_rows(mentions, cites, texts)
        write(driver, statements.DELETE_ADOPTS, database=database, regions=chunk)
        for label in statements.ADOPTABLE:
            labelled = [row for row in rows if row["label"] == label]
            written += write_rows(
                driver, statements.write_adopts(label), labelled, database=database
            )
    return written


def _texts(driver: Driver, docs: Sequence[str], *, database: str) -> list[dict[str, Any]]:
    return fetch(driver, statements.DOCUMENT_TEXTS, database=database, docs=list(docs))


def _adoption(
    found: dict[tuple[str, str, str], _Adoption], row: Mapping[str, Any], label: str
) -> _Adoption:
    adoption = found.setdefault((row["region"], label, row["entity"]), _Adoption())
    adoption.docs.add(row["doc"])
    if row["year"] is not None:
        adoption.years.add(int(row["year"]))
    return adoption


def _row(key: tuple[str, str, str], adoption: _Adoption) -> dict[str, Any]:
    region, label, entity = key
    evidence = _best_evidence(adoption.evidence)
    props: dict[str, Any] = {
        "derived": True,
        "measures": len(adoption.items),
        "evidence": [sentence for _, sentence in evidence],
        "evidence_items": [item for item, _ in evidence],
        "docs": sorted(adoption.docs),
    }
    if adoption.years:
        props["first_year"] = min(adoption.years)
    return {"region": region, "label": label, "entity": entity, "props": props}


def _best_evidence(
    evidence: list[tuple[int, str, int, str, str]],
) -> list[tuple[str, str]]:
    """Up to MAX_EVIDENCE distinct sentences, earliest plan and position first."""
    chosen: dict[str, str] = {}
    for _, _, _, item, sentence in sorted(evidence):
        if sentence and sentence not in chosen and len(chosen) < MAX_EVIDENCE:
            chosen[sentence] = item
    return [(item, sentence) for sentence, item in chosen.items()]
