"""How values read from the graph are shown: never None, nan, a Python dict or list, an element
id or an internal id; kinds, roles and statuses in the interface language; table headers from the
saved queries' column meanings ("中文 (English)") or the translation table."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from app_pages.state import language, translated

# d0a165cc955b41ad8, d0a165cc955b41ad8#g2, #m105 … and Neo4j element ids (4:uuid:12).
INTERNAL_ID = re.compile(r"^d[0-9a-f]{16}(#[a-z]+\d+)*$|^\d+:[0-9a-f-]{8,}:\d+$")
CJK = re.compile(r"[\u4e00-\u9fff]")
NAME_KEYS = ("name", "title", "label", "text")


def cell(value: Any) -> str:
    """One value as text an analyst can read."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, dict):
        return next((cell(value[k]) for k in NAME_KEYS if value.get(k) is not None), "")
    if isinstance(value, tuple) and len(value) == 3 and isinstance(value[1], str):
        start, kind, end = value  # a relationship as the driver gives it
        return f"{cell(start)} —{translated(kind)}→ {cell(end)}"
    if isinstance(value, list | tuple | set | frozenset):
        return "、".join(part for part in (cell(v) for v in value) if part)
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".")
    if isinstance(value, str):
        return translated(value)
    return str(value)


def is_internal_id(value: Any) -> bool:
    return isinstance(value, str) and bool(INTERNAL_ID.match(value))


def meaning_header(meaning: str, fallback: str) -> str:
    """The header for a column described as "中文 (English)" in a query's metadata."""
    zh, _, rest = meaning.partition(" (")
    en = rest.rstrip(")") if rest else ""
    if language() == "en":
        return en or translated(fallback, table="col")
    return zh if CJK.search(zh) else translated(fallback, table="col")


def readable(
    rows: Iterable[Mapping[str, Any]],
    columns: Iterable[str],
    headers: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """A table of ``rows`` as text: columns that hold only internal ids are left out, the
    other columns named by ``headers`` (column → header) or by the translation table."""
    rows, columns = list(rows), list(columns)
    kept = [c for c in columns if not _internal(c, rows)]
    if language() == "en" and "theme_en" in kept and "theme" in kept:
        kept.remove("theme")  # the theme's English label stands in for it
    names = {c: (headers or {}).get(c) or translated(c, table="col") for c in kept}
    return pd.DataFrame(
        [[cell(row.get(c)) for c in kept] for row in rows], columns=[names[c] for c in kept]
    )


def _internal(column: str, rows: list[Mapping[str, Any]]) -> bool:
    values = [row.get(column) for row in rows if row.get(column) is not None]
    if column == "id" or column.endswith("_id") or (column == "theme_en" and language() == "zh"):
        return True
    return bool(values) and all(is_internal_id(v) for v in values)
