"""Saved queries: queries/<name>.cypher with queries/<name>.yml beside it (titles, description,
typed parameters with defaults, what the columns mean). All read-only and parameterised; the CLI
(graph/cli/query.py) and the app build their forms and tables from the metadata."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

import yaml
from neo4j import Driver

from graph.csv_out import csv_text
from graph.db import read_capped
from graph.errors import ConfigError, GraphError
from graph.settings import REPO_ROOT

QUERIES_DIR = REPO_ROOT / "queries"
TYPES = {"string": str, "integer": int, "float": float, "boolean": bool}
KEYS = {"title", "title_en", "description", "description_en", "parameters", "columns", "graph"}
PARAMETER_KEYS = {"name", "type", "default", "description", "choices"}
# Read-only queries that fill the app's drop-downs, by the name a parameter gives in `choices`.
CHOICES = {
    "regions": "MATCH (:Document)-[:FOR_REGION]->(r:Region) RETURN DISTINCT r.name AS value "
    "ORDER BY value",
    "initiatives": "MATCH (:Region)-[:ADOPTS]->(x) "
    "RETURN DISTINCT coalesce(x.name, x.title) AS value ORDER BY value",
}


@dataclass(frozen=True, slots=True)
class Parameter:
    name: str
    type: str
    default: Any
    description: str
    choices: str | None = None

    def coerce(self, raw: str) -> Any:
        try:
            raw.encode("utf-8")
        except UnicodeEncodeError as error:  # bytes from the command line that are not UTF-8
            raise GraphError(f"parameter {self.name} is not UTF-8 text") from error
        if self.type == "boolean":
            return raw.strip().lower() in ("1", "true", "yes", "是")
        try:
            value = TYPES[self.type](raw)
        except ValueError as error:
            raise GraphError(f"parameter {self.name} must be {self.type}, not {raw!r}") from error
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            raise GraphError(f"parameter {self.name} is out of range (a 64-bit integer): {raw}")
        return value


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    title: str
    title_en: str
    description: str
    description_en: str
    parameters: tuple[Parameter, ...]
    columns: dict[str, str]
    graph: bool
    cypher: str


@dataclass(frozen=True, slots=True)
class QueryResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


@cache
def list_queries() -> tuple[SavedQuery, ...]:
    return tuple(_load(path.stem) for path in sorted(QUERIES_DIR.glob("*.cypher")))


def get_query(name: str) -> SavedQuery:
    for query in list_queries():
        if query.name == name:
            return query
    known = ", ".join(q.name for q in list_queries())
    raise ConfigError(f"no saved query {name!r}; saved queries: {known}")


def _load(name: str) -> SavedQuery:
    cypher = (QUERIES_DIR / f"{name}.cypher").read_text(encoding="utf-8").strip()
    meta_path = QUERIES_DIR / f"{name}.yml"
    if not meta_path.exists():
        raise ConfigError(f"{name}.cypher has no {name}.yml beside it")
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    unknown = set(meta) - KEYS
    if unknown:
        raise ConfigError(f"{meta_path.name}: unknown keys {sorted(unknown)}")
    parameters = tuple(_parameter(meta_path.name, p) for p in meta.get("parameters") or [])
    _check_parameters(meta_path.name, cypher, parameters)
    return SavedQuery(
        name=name,
        title=str(meta["title"]),
        title_en=str(meta.get("title_en", meta["title"])),
        description=str(meta.get("description", "")),
        description_en=str(meta.get("description_en", "")),
        parameters=parameters,
        columns={str(k): str(v) for k, v in (meta.get("columns") or {}).items()},
        graph=bool(meta.get("graph", False)),
        cypher=cypher,
    )


def _parameter(file: str, spec: Mapping[str, Any]) -> Parameter:
    if set(spec) - PARAMETER_KEYS or "name" not in spec or spec.get("type") not in TYPES:
        raise ConfigError(f"{file}: parameter {spec!r} needs a name and a type of {sorted(TYPES)}")
    default = spec.get("default")
    if default is not None and not isinstance(default, TYPES[spec["type"]]):
        raise ConfigError(f"{file}: default of {spec['name']} is not a {spec['type']}")
    if spec.get("choices") not in (None, *CHOICES):
        raise ConfigError(f"{file}: unknown choices {spec['choices']!r}")
    return Parameter(spec["name"], spec["type"], default, str(spec.get("description", "")),
                     spec.get("choices"))  # fmt: skip


def _check_parameters(file: str, cypher: str, parameters: tuple[Parameter, ...]) -> None:
    used = set(re.findall(r"\$(\w+)", cypher))
    declared = {p.name for p in parameters}
    if used != declared:
        raise ConfigError(f"{file}: the query uses {sorted(used)} but declares {sorted(declared)}")


def coerce_params(query: SavedQuery, raw: Mapping[str, str]) -> dict[str, Any]:
    """Typed parameters from `-p key=value` strings, defaults for the rest."""
    by_name = {p.name: p for p in query.parameters}
    unknown = set(raw) - set(by_name)
    if unknown:
        raise GraphError(f"{query.name} has no parameter {', '.join(sorted(unknown))}; "
                         f"it takes {', '.join(by_name) or 'none'}")  # fmt: skip
    return {
        name: parameter.coerce(raw[name]) if name in raw else parameter.default
        for name, parameter in by_name.items()
    }


def run_query(
    driver: Driver,
    query: SavedQuery,
    params: Mapping[str, Any],
    *,
    database: str,
    timeout: float = 30.0,
    row_cap: int = 5000,
) -> QueryResult:
    """Run a saved query in a read transaction (the server refuses any write in it)."""
    columns, rows, truncated = read_capped(
        driver, query.cypher, params, database=database, row_cap=row_cap, timeout=timeout
    )
    return QueryResult(columns, rows, truncated)


def choices(driver: Driver, parameter: Parameter, *, database: str) -> list[str]:
    if parameter.choices is None:
        return []
    _, rows, _ = read_capped(driver, CHOICES[parameter.choices], database=database, row_cap=5000)
    return [str(row["value"]) for row in rows]


def format_result(result: QueryResult, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(result.rows, ensure_ascii=False, indent=1, default=str)
    if fmt == "csv":
        return csv_text(result.columns, result.rows)
    return _table(result)


def _cell(value: Any) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return "" if value is None else str(value)


def _table(result: QueryResult, width: int = 60) -> str:
    rows = [[_cell(row.get(c))[:width] for c in result.columns] for row in result.rows]
    lines = ["\t".join(result.columns), *("\t".join(r) for r in rows)]
    if result.truncated:
        lines.append(f"… (first {len(rows)} rows)")
    return "\n".join(lines)


def readme_section() -> str:
    """The list of saved queries as the README shows it."""
    lines = ["| query | what it answers | parameters |", "|---|---|---|"]
    for q in list_queries():
        params = ", ".join(f"`{p.name}` ({p.type}, default `{p.default}`)" for p in q.parameters)
        lines.append(f"| `{q.name}` | {q.title} — {q.title_en} | {params or '—'} |")
    return "\n".join(lines)
