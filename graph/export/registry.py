"""The export formats: one small writer each, registered under the name the CLI takes (the writer
modules register themselves when graph/export/__init__.py imports them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import GraphError
from graph.export.subgraph import Subgraph

Writer = Callable[[Subgraph], bytes]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    name: str
    suffix: str
    media_type: str
    writer: Writer
    description: str


FORMATS: dict[str, ExportFormat] = {}


def register(
    name: str, *, suffix: str, media_type: str, description: str
) -> Callable[[Writer], Writer]:
    def add(writer: Writer) -> Writer:
        FORMATS[name] = ExportFormat(name, suffix, media_type, writer, description)
        return writer

    return add


def export_bytes(subgraph: Subgraph, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise GraphError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[fmt].writer(subgraph)


def write_export(subgraph: Subgraph, fmt: str, path: Path) -> int:
    data = export_bytes(subgraph, fmt)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return len(data)


def format_names() -> list[str]:
    return sorted(FORMATS)
