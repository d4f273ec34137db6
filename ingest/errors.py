"""The project's one error hierarchy: its base and the errors of reading and extraction
(graph.errors adds those of Neo4j; it imports this module, never the other way round). Library code
raises these; the CLI and the app turn them into one-line messages. Each error carries the context
(file, stage) needed to act on it."""

from __future__ import annotations


class PlanGraphError(Exception):
    """Base class of every error this project raises on purpose."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        message = super().__str__()
        return f"{self.source}: {message}" if self.source else message


class ReadError(PlanGraphError):
    """A file could not be turned into text (unknown format, no text layer, corrupt, empty …)."""


class ParseError(PlanGraphError):
    """Text was read but its structure could not be parsed."""


class ExtractError(PlanGraphError):
    """Extraction broke on a document: a bug to report, with the file that shows it."""


class ConfigError(PlanGraphError):
    """Settings, rule or gazetteer files are missing or invalid."""
