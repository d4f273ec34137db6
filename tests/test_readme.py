"""The README is part of the product: its commands and tables must match the code."""

from __future__ import annotations

import re

import pytest

from graph.schema import markdown_table
from graph.settings import REPO_ROOT

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def test_schema_tables_match_the_code() -> None:
    block = re.search(r"<!-- schema:start -->\n(.*?)\n<!-- schema:end -->", README, re.S)
    assert block is not None
    assert block.group(1).strip() == markdown_table().strip()


@pytest.mark.parametrize(
    "command",
    [
        "python -m graph server start",
        "python -m graph server status",
        "python -m graph server stop",
        "python -m graph schema apply",
        "python -m ingest extract PATH...",
        "python -m ingest load PATH...",
        "python -m graph load PATH...",
        "python -m graph search",
        "python -m ingest evaluate",
        "python -m graph analyse",
        "python -m graph query --list",
        "python -m graph query NAME",
        "python -m graph network",
        "python -m graph export",
        "python -m graph.maps build",
    ],
)
def test_every_command_is_documented(command: str) -> None:
    assert f"`{command}" in README


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "./scripts/test" in README and "exec ./scripts/test" in ci
