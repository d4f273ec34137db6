"""Reads and batched, parameterised writes of the analysis step, each batch in a managed write
transaction (retried by the driver on transient errors)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph.db import read
from graph.errors import GraphError

ROWS_PER_BATCH = 2000
READ_TIMEOUT_S = 300.0

__all__ = ["ROWS_PER_BATCH", "fetch", "write", "write_rows"]


def fetch(driver: Driver, statement: str, *, database: str, **params: Any) -> list[dict[str, Any]]:
    return read(driver, statement, params, database=database, timeout=READ_TIMEOUT_S)


def write(driver: Driver, statement: str, *, database: str, **params: Any) -> None:
    """One statement in one write transaction."""
    _execute(driver, [(statement, params)], database=database)


def write_rows(
    driver: Driver,
    statement: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    database: str,
    batch: int = ROWS_PER_BATCH,
) -> int:
    """``UNWIND $rows`` statements in batches of ``batch`` rows; returns the rows written."""
    for start in range(0, len(rows), batch):
        chunk = [dict(row) for row in rows[start : start + batch]]
        _execute(driver, [(statement, {"rows": chunk})], database=database)
    return len(rows)


def in_chunks(values: Sequence[Any], size: int = ROWS_PER_BATCH) -> Iterable[list[Any]]:
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def _execute(
    driver: Driver, steps: Sequence[tuple[str, Mapping[str, Any]]], *, database: str
) -> None:
    def work(tx: ManagedTransaction) -> None:
        for statement, params in steps:
            tx.run(statement, dict(params)).consume()

    try:
        with driver.session(database=database) as session:
            session.execute_write(work)
    except (ServiceUnavailable, SessionExpired) as error:
        raise GraphError(f"Neo4j is unreachable: {error}") from error
    except Neo4jError as error:
        raise GraphError(f"Neo4j refused an analysis write: {error.message}") from error
