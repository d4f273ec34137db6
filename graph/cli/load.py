"""`python -m graph load PATH...` (alias `python -m ingest load`): extract plans and write them into
Neo4j with a progress bar, then print the load's summary."""

from __future__ import annotations

import argparse
from pathlib import Path

from tqdm import tqdm

from graph.cli.common import Commands
from graph.load import load_paths
from ingest.pipeline import expand_paths


def add_commands(commands: Commands) -> None:
    load = commands.add_parser("load", help="extract files and write them into Neo4j")
    load.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    load.add_argument("--no-progress", action="store_true", help="no progress bar")
    load.set_defaults(handler=_load)


def _load(args: argparse.Namespace) -> int:
    paths = expand_paths(args.paths)
    with tqdm(total=len(paths), unit="doc", disable=args.no_progress) as bar:
        summary = load_paths(paths, progress=lambda done, total, name: bar.update(1))
    print(summary.render())
    return 1 if summary.failures else 0
