"""The read-only Cypher console behind the app: a read transaction (the server refuses any
write in it), a timeout, a row cap, and LOAD CSV refused before it reaches the server."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read_capped
from graph.errors import GraphError

_LOAD_CSV = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)
MAX_ROWS = 10_000
MAX_TIMEOUT_S = 120.0


@dataclass(frozen=True, slots=True)
class ConsoleResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool


def run_console_query(
    driver: Driver,
    statement: str,
    *,
    database: str,
    params: dict[str, Any] | None = None,
    row_cap: int = 1000,
    timeout: float = 15.0,
) -> ConsoleResult:
    if not statement.strip():
        raise GraphError("the query is empty")
    if _LOAD_CSV.search(statement):
        raise GraphError("LOAD CSV is not allowed in the console")
    columns, rows, truncated = read_capped(
        driver,
        statement,
        params,
        database=database,
        row_cap=min(row_cap, MAX_ROWS),
        timeout=min(timeout, MAX_TIMEOUT_S),
    )
    return ConsoleResult(columns, rows, truncated)
