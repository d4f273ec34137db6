"""The theme taxonomy (graph/data/themes.yml), (Goal|Measure)-[:ABOUT]->(Theme) and
(Region)-[:FOCUSES_ON]->(Theme).

Themes are reference data: loaded as Theme nodes with BROADER between them. An item is ABOUT a
theme when its text contains the theme's keywords; ``score`` counts the keyword occurrences and
``keywords`` lists the distinct ones found. One compiled regex per theme, longest keyword first.
A region FOCUSES_ON a theme when goals or measures of its plans are ABOUT it: ``items``, ``goals``
and ``measures`` count them, ``docs`` names the plans; the region × theme counts are read from it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from neo4j import Driver

from graph.analysis import statements
from graph.analysis.store import fetch, in_chunks, write, write_rows
from graph.errors import ConfigError

THEMES_FILE = Path(__file__).resolve().parent.parent / "data" / "themes.yml"
MIN_SCORE = 1


@dataclass(frozen=True, slots=True)
class Theme:
    id: str
    label: str
    label_en: str
    alt_labels: tuple[str, ...]
    broader: str | None
    keywords: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ThemeMatch:
    item: str
    theme: str
    score: int
    keywords: tuple[str, ...]


def load_themes(path: Path = THEMES_FILE) -> tuple[Theme, ...]:
    """The taxonomy, checked: unique ids, known broader themes, no cycles."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        themes = tuple(_theme(entry) for entry in data["themes"])
    except (OSError, yaml.YAMLError, KeyError, TypeError) as error:
        raise ConfigError(f"cannot read the theme taxonomy {path}: {error}") from error
    _check(themes, path)
    return themes


def match_themes(
    items: Iterable[tuple[str, str]], themes: Sequence[Theme], *, min_score: int = MIN_SCORE
) -> list[ThemeMatch]:
    """For every (item id, text) the themes whose keywords it contains."""
    patterns = [(theme.id, _pattern(theme.keywords)) for theme in themes if theme.keywords]
    matches = []
    for item, text in items:
        folded = unicodedata.normalize("NFKC", text)
        for theme_id, pattern in patterns:
            found = pattern.findall(folded)
            if len(found) >= min_score:
                keywords = tuple(sorted(set(found), key=found.index))
                matches.append(ThemeMatch(item, theme_id, len(found), keywords))
    return matches


def load_theme_nodes(driver: Driver, themes: Sequence[Theme], *, database: str) -> int:
    """Upsert Theme nodes and BROADER; themes no longer in the file are removed."""
    rows = [{"id": t.id, "props": _theme_props(t)} for t in themes]
    write_rows(driver, statements.WRITE_THEMES, rows, database=database)
    broader = [{"narrower": t.id, "broader": t.broader} for t in themes if t.broader]
    write_rows(driver, statements.WRITE_BROADER, broader, database=database)
    write(driver, statements.DELETE_STALE_THEMES, database=database, ids=[t.id for t in themes])
    pairs = [[row["narrower"], row["broader"]] for row in broader]
    write(driver, statements.DELETE_STALE_BROADER, database=database, pairs=pairs)
    return len(rows)


def derive_about(
    driver: Driver, docs: Sequence[str] | None, themes: Sequence[Theme], *, database: str
) -> int:
    """Rebuild ABOUT for the goals and measures of ``docs`` (all documents when None)."""
    params: dict[str, Any] = {"docs": None if docs is None else list(docs)}
    items = fetch(driver, statements.ITEMS, database=database, **params)
    keys = {row["id"]: row["key"] for row in items}
    texts = ((row["id"], f"{row['title']}\n{row['text']}") for row in items)
    matches = match_themes(texts, themes)
    write(driver, statements.DELETE_ABOUT, database=database, **params)
    rows = [_about_row(m, keys[m.item]) for m in matches]
    written = write_rows(driver, statements.WRITE_ABOUT, rows, database=database)
    return written


def derive_focus(driver: Driver, regions: Sequence[str], *, database: str) -> int:
    """Rebuild FOCUSES_ON of ``regions`` from their ABOUT; returns the number written."""
    for chunk in in_chunks(regions, 200):
        write(driver, statements.DELETE_FOCUSES_ON, database=database, regions=chunk)
        write(driver, statements.WRITE_FOCUSES_ON, database=database, regions=chunk)
    counted = fetch(driver, statements.COUNT_FOCUSES_ON, database=database, regions=list(regions))
    return int(counted[0]["n"])


@cache
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({unicodedata.normalize("NFKC", k) for k in keywords}, key=lambda k: -len(k))
    return re.compile("|".join(re.escape(k) for k in ordered))


def _theme(entry: Mapping[str, Any]) -> Theme:
    label = entry["pref_label"]
    if set(label) != {"zh", "en"}:
        # An unquoted comma in a flow mapping splits a label into extra keys.
        keys = sorted(map(str, label))
        raise TypeError(f"{entry['id']}: pref_label must have exactly zh and en, got {keys}")
    return Theme(
        id=str(entry["id"]),
        label=str(label["zh"]),
        label_en=str(label["en"]),
        alt_labels=tuple(str(a) for a in entry.get("alt_labels") or ()),
        broader=entry.get("broader"),
        keywords=tuple(str(k) for k in entry.get("keywords") or ()),
    )


def _check(themes: Sequence[Theme], path: Path) -> None:
    ids = [t.id for t in themes]
    problems = [f"duplicate id {i!r}" for i in sorted({i for i in ids if ids.count(i) > 1})]
    known = set(ids)
    problems += [
        f"{t.id}: unknown broader {t.broader!r}"
        for t in themes
        if t.broader and t.broader not in known
    ]
    parents = {t.id: t.broader for t in themes}
    problems += [f"{t.id}: broader cycle" for t in themes if _in_cycle(t.id, parents)]
    if problems:
        raise ConfigError(f"theme taxonomy {path}: {'; '.join(problems)}")


def _in_cycle(theme: str, parents: Mapping[str, str | None]) -> bool:
    seen, current = {theme}, parents.get(theme)
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current)
    return False


def _theme_props(theme: Theme) -> dict[str, Any]:
    props: dict[str, Any] = {
        "label": theme.label,
        "label_en": theme.label_en,
        "alt_labels": list(theme.alt_labels),
        "keywords": list(theme.keywords),
    }
    if theme.broader:
        props["broader"] = theme.broader
    return {key: value for key, value in props.items() if value != []}


def _about_row(match: ThemeMatch, key: str) -> dict[str, Any]:
    props = {"derived": True, "score": match.score, "keywords": list(match.keywords)}
    return {"item": match.item, "key": key, "theme": match.theme, "props": props}
