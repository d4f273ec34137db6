"""Span arithmetic shared by the stages: which goal or measure contains a mention."""

from __future__ import annotations

from collections.abc import Iterable

from ingest.models import Goal, Measure, ParsedDocument


def innermost_item(items: Iterable[Goal | Measure], start: int, end: int) -> str | None:
    """Id of the smallest goal or measure whose span contains [start, end), or None."""
    best: Goal | Measure | None = None
    for item in items:
        contains = item.start <= start and end <= item.end
        if contains and (best is None or item.end - item.start < best.end - best.start):
            best = item
    return best.id if best else None


def items_of(parsed: ParsedDocument) -> tuple[Goal | Measure, ...]:
    return (*parsed.goals, *parsed.measures)
