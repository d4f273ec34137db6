"""Errors of the graph layer: the project's one hierarchy (ingest.errors) re-exported, plus the
server-specific ones."""

from __future__ import annotations

from ingest.errors import ConfigError, GraphError, PlanGraphError

__all__ = ["ConfigError", "GraphError", "PlanGraphError", "SchemaViolation", "ServerError"]


class ServerError(GraphError):
    """The local Neo4j server could not be installed, started or stopped."""


class SchemaViolation(GraphError):
    """A batch holds a label, relationship type or pattern the schema does not allow."""
