"""The dependencies the README's Layout describes, checked on the source: imports point one way
(app → graph → ingest), no project module imports itself back through others, and arguments are
parsed only in the command-line modules. Every import counts, also one inside a function."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.settings import REPO_ROOT

PACKAGES = ("graph", "ingest", "app_pages", "bench")
SCRIPTS = ("app.py",)
# The only modules that may parse arguments: one command-line home per package.
CLI_MODULES = ("graph.cli", "ingest.cli", "bench.")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    files = [p for package in PACKAGES for p in (REPO_ROOT / package).rglob("*.py")]
    files += [REPO_ROOT / script for script in SCRIPTS]
    return {_module_name(path): path for path in files}


SOURCES = _sources()


def _imported(path: Path, module: str) -> Iterator[str]:
    """Every module `path` imports, project or not (`from a import b` names a.b when that is a
    module of the project, a otherwise)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                yield f"{base}.{alias.name}" if f"{base}.{alias.name}" in SOURCES else base


def _edges() -> dict[str, set[str]]:
    return {
        module: {name for name in _imported(path, module) if name in SOURCES}
        for module, path in SOURCES.items()
    }


def _cycle(edges: dict[str, set[str]]) -> list[str] | None:
    done: set[str] = set()
    for start in sorted(edges):
        stack: list[tuple[str, Iterator[str]]] = [(start, iter(sorted(edges[start])))]
        path = [start]
        while stack:
            node, successors = stack[-1]
            following = next(successors, None)
            if following is None:
                done.add(node)
                stack.pop()
                path.pop()
            elif following in path:
                return [*path[path.index(following) :], following]
            elif following not in done:
                stack.append((following, iter(sorted(edges[following]))))
                path.append(following)
    return None


def test_the_project_modules_are_found() -> None:
    assert {"graph.cli", "graph.load", "ingest.pipeline", "app_pages.state", "app"} <= set(SOURCES)


def test_no_import_cycle_between_project_modules() -> None:
    assert _cycle(_edges()) is None


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == ["a", "b", "c", "a"]


@pytest.mark.parametrize(
    ("lower", "upper"),
    [("ingest", "graph"), ("ingest", "app_pages"), ("graph", "app_pages"), ("graph", "bench")],
)
def test_dependencies_point_one_way(lower: str, upper: str) -> None:
    wrong = {
        f"{module} imports {name}"
        for module, path in SOURCES.items()
        if module.split(".")[0] == lower
        for name in _imported(path, module)
        if name.split(".")[0] == upper
    }
    assert not wrong


def test_arguments_are_parsed_only_on_the_command_line() -> None:
    parsing = {
        module
        for module, path in SOURCES.items()
        if "argparse" in set(_imported(path, module)) and not module.startswith(CLI_MODULES)
    }
    assert not parsing


def test_the_app_reaches_ingestion_through_one_entry_point() -> None:
    reaching = {
        module
        for module, path in SOURCES.items()
        if module.split(".")[0] in ("app", "app_pages")
        for name in _imported(path, module)
        if name.split(".")[0] == "ingest"
    }
    assert not reaching
