"""The one way the tools open Neo4j: the official driver, settings from graph.settings.

Works the same against the local server, Docker, a cluster or Aura: routing URIs (neo4j://) are
passed through, reads go to readers, and the database name comes from the settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, LiteralString, cast

from neo4j import (
    Driver,
    GraphDatabase,
    ManagedTransaction,
    NotificationMinimumSeverity,
    Query,
    RoutingControl,
    unit_of_work,
)
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable, SessionExpired

from graph.errors import GraphError
from graph.settings import Settings

READ_TIMEOUT_S = 30.0
LOAD_RETRY_S = 180.0  # long enough to ride out a server restart in the middle of a load


def connect(settings: Settings, *, verify: bool = True, retry_s: float = 15.0) -> Driver:
    """A driver whose managed transactions retry transient failures for ``retry_s`` seconds."""
    driver = GraphDatabase.driver(
        settings.uri,
        auth=(settings.user, settings.password),
        user_agent="plangraph/0.1",
        max_transaction_retry_time=retry_s,
        # The server's advice (unknown labels in an empty graph …) is not for analysts' eyes.
        notifications_min_severity=NotificationMinimumSeverity.OFF,
    )
    if verify:
        try:
            driver.verify_connectivity()
        except AuthError as error:
            driver.close()
            raise GraphError(f"Neo4j at {settings.uri} refused the credentials") from error
        except (ServiceUnavailable, SessionExpired, OSError) as error:
            driver.close()
            hint = " (start it with `python -m graph server start`)" if settings.local else ""
            raise GraphError(f"Neo4j is not reachable at {settings.uri}{hint}") from error
    return driver


def read(
    driver: Driver,
    statement: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str,
    timeout: float = READ_TIMEOUT_S,
) -> list[dict[str, Any]]:
    """Run a read-only query in a read transaction; the server refuses any write in it."""
    try:
        records, _, _ = driver.execute_query(
            Query(cast(LiteralString, statement), timeout=timeout),
            dict(params or {}),
            database_=database,
            routing_=RoutingControl.READ,
        )
    except (ServiceUnavailable, SessionExpired) as error:
        raise GraphError(f"Neo4j is unreachable: {error}") from error
    except Neo4jError as error:
        raise GraphError(f"query failed: {error.message}") from error
    return [record.data() for record in records]


def read_capped(
    driver: Driver,
    statement: str,
    params: Mapping[str, Any] | None = None,
    *,
    database: str,
    row_cap: int,
    timeout: float = READ_TIMEOUT_S,
) -> tuple[list[str], list[dict[str, Any]], bool]:
    """Like ``read`` but fetches at most ``row_cap`` rows: (columns, rows, truncated)."""

    @unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> tuple[list[str], list[dict[str, Any]], bool]:
        result = tx.run(cast(LiteralString, statement), dict(params or {}))
        records = result.fetch(row_cap + 1)
        columns = list(result.keys())
        result.consume()
        return columns, [r.data() for r in records[:row_cap]], len(records) > row_cap

    try:
        with driver.session(database=database, default_access_mode="READ") as session:
            return session.execute_read(work)
    except (ServiceUnavailable, SessionExpired) as error:
        raise GraphError(f"Neo4j is unreachable: {error}") from error
    except Neo4jError as error:
        raise GraphError(f"query failed: {error.message}") from error
