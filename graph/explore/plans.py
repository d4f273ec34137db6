"""What is loaded: node and relationship counts, the plans, the regions with a plan, and the
source text of any item with its span, for highlighting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import COUNTS, DOCUMENTS, REGION_NAMES, SOURCE_SPAN


@dataclass(frozen=True, slots=True)
class SourceSpan:
    doc: str
    title: str | None
    text: str
    start: int
    end: int

    def context(self, *, width: int = 120) -> tuple[str, str, str]:
        """(before, evidence, after) around the span, for highlighting."""
        before = self.text[max(0, self.start - width) : self.start]
        return before, self.text[self.start : self.end], self.text[self.end : self.end + width]


def counts(driver: Driver, *, database: str) -> dict[str, int]:
    return {row["name"]: row["count"] for row in read(driver, COUNTS, database=database)}


def documents(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    return read(driver, DOCUMENTS, database=database)


def region_names(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    return read(driver, REGION_NAMES, database=database)


def source_span(driver: Driver, node_id: str, *, database: str) -> SourceSpan | None:
    rows = read(driver, SOURCE_SPAN, {"id": node_id}, database=database)
    if not rows or rows[0]["start"] is None:
        return None
    row = rows[0]
    return SourceSpan(row["doc"], row["title"], row["text"], row["start"], row["end"])
