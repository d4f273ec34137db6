"""Initiatives: the projects and policies regions adopt, who adopts one (the saved query adopters),
similar measures in regions that do not name it, and what is adopted together with it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import CO_ADOPTED, INITIATIVE_CHOICES, INITIATIVES, SIMILAR_ELSEWHERE
from graph.explore.saved import ROW_CAP, saved_rows


def initiatives(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """Every adopted project and policy with the number of regions that adopt it."""
    return read(driver, INITIATIVES, database=database)


CHOICES = 200  # initiatives offered at once; a name typed finds the others


def initiative_choices(
    driver: Driver, text: str = "", keep: str = "", *, database: str, limit: int = CHOICES
) -> list[dict[str, Any]]:
    """The ``limit`` most adopted projects and policies whose name holds ``text``, most adopted
    first, and the one with id ``keep`` (chosen before) whatever its rank."""
    params = {"text": text.strip(), "keep": keep, "limit": limit}
    rows = read(driver, INITIATIVE_CHOICES, params, database=database)
    return sorted(rows, key=lambda row: (-row["regions"], row["name"]))


@dataclass(frozen=True, slots=True)
class InitiativeView:
    adopters: list[dict[str, Any]]
    similar_elsewhere: list[dict[str, Any]]
    co_adopted: list[dict[str, Any]]


def initiative(
    driver: Driver, initiative_id: str, *, database: str, limit: int = 30
) -> InitiativeView:
    """Who adopts a project or policy (with evidence), similar measures in regions that do not
    name it, and the initiatives most often adopted together with it."""
    params: dict[str, Any] = {"id": initiative_id, "limit": limit}
    return InitiativeView(
        adopters(driver, initiative_id, database=database),
        read(driver, SIMILAR_ELSEWHERE, params, database=database),
        read(driver, CO_ADOPTED, params, database=database),
    )


def adopters(driver: Driver, initiative_id: str, *, database: str) -> list[dict[str, Any]]:
    """The regions that adopt the project or policy ``initiative_id`` (its name or title), by
    adcode: the saved query adopters, which also matches the names that contain it, kept to
    this one."""
    params = {"name": initiative_id, "limit": ROW_CAP}
    rows = saved_rows(driver, "adopters", params, database=database)
    return [row for row in rows if row["initiative"] == initiative_id]
