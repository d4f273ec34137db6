"""Themes: goals and measures per region and theme (the FOCUSES_ON counts the analysis step keeps),
and the items about one theme."""

from __future__ import annotations

from typing import Any

from neo4j import Driver

from graph.db import read
from graph.explore.cypher import PLAN_REGIONS_WITHIN, THEME_COUNTS, THEME_ITEMS, THEME_SCOPES
from graph.explore.saved import saved_rows

# A heatmap stays readable up to about this many regions; a wider scope is shown one level down,
# each region summed over its subtree (the saved query themes_by_region).
THEME_REGIONS_MAX = 40


def theme_scopes(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """The regions with plans under them (adcode, name), for choosing what the themes cover."""
    return read(driver, THEME_SCOPES, database=database)


def theme_counts(driver: Driver, within: str = "", *, database: str) -> list[dict[str, Any]]:
    """Goals and measures per region and theme, for the plans within a region (name or adcode;
    empty for the whole country). Each region with a plan is a row of its own when there are at
    most ``THEME_REGIONS_MAX`` of them; otherwise the rows are the regions directly under
    ``within``, each summed over its subtree, and ``within``'s own plan. ``subtree`` tells which."""
    params = {"within": within, "max": THEME_REGIONS_MAX}
    (found,) = read(driver, PLAN_REGIONS_WITHIN, params, database=database)
    if found["adcodes"] is not None:
        listed = read(driver, THEME_COUNTS, {"adcodes": found["adcodes"]}, database=database)
        return [{**row, "subtree": False} for row in listed]
    rows = saved_rows(driver, "themes_by_region", {"within": within}, database=database)
    return [{**row, "subtree": within not in (row["adcode"], row["region"])} for row in rows]


def theme_items(
    driver: Driver, region: str, theme: str, *, subtree: bool = False, database: str
) -> list[dict[str, Any]]:
    """The goals and measures about a theme (label or id) of a region's plans, and with
    ``subtree`` of the plans of the regions under it too."""
    params = {"region": region, "theme": theme, "subtree": subtree}
    return read(driver, THEME_ITEMS, params, database=database)


def region_themes(driver: Driver, adcodes: list[str], *, database: str) -> list[dict[str, Any]]:
    """Goals and measures per theme of each of these regions' plans (the FOCUSES_ON counts)."""
    return read(driver, THEME_COUNTS, {"adcodes": adcodes}, database=database)
