"""Errors of the graph layer, under the project's one base (ingest.errors.PlanGraphError, which sits
at the bottom of the dependencies so that both packages can import it): GraphError for Neo4j and its
two specific cases."""

from __future__ import annotations

from ingest.errors import ConfigError, PlanGraphError

__all__ = ["ConfigError", "GraphError", "PlanGraphError", "SchemaViolation", "ServerError"]


class GraphError(PlanGraphError):
    """Neo4j could not be reached, refused a query, or a batch does not fit the schema."""


class ServerError(GraphError):
    """The local Neo4j server could not be installed, started or stopped."""


class SchemaViolation(GraphError):
    """A batch holds a label, relationship type or pattern the schema does not allow."""
