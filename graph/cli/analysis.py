"""`python -m graph analyse` and `python -m graph network`: the analysis step from the shell."""

from __future__ import annotations

import argparse

from graph.analysis.derive import derive
from graph.analysis.network import format_network, region_network
from graph.analysis.similarity import DEFAULT_THRESHOLD
from graph.cli.common import Commands
from graph.db import connect
from graph.settings import load_settings


def add_commands(subparsers: Commands) -> None:
    analyse = subparsers.add_parser(
        "analyse",
        help="recompute ADOPTS, SIMILAR_TO, ABOUT and FOCUSES_ON (the derived relationships)",
    )
    analyse.add_argument(
        "--doc",
        action="append",
        dest="docs",
        metavar="DOC_ID",
        help="only the regions of these documents (repeatable); default: the whole graph",
    )
    analyse.add_argument(
        "--threshold",
        type=float,
        default=DEFAULT_THRESHOLD,
        help=f"Jaccard threshold for similar measures (default {DEFAULT_THRESHOLD})",
    )
    analyse.set_defaults(handler=_analyse)

    network = subparsers.add_parser(
        "network", help="region communities and centrality (typical regions, outliers)"
    )
    network.add_argument("--format", choices=["table", "csv", "json"], default="table")
    network.add_argument("--seed", type=int, default=42, help="seed of the community detection")
    network.set_defaults(handler=_network)


def _analyse(args: argparse.Namespace) -> int:
    settings = load_settings()
    with connect(settings) as driver:
        summary = derive(
            driver, database=settings.database, changed_docs=args.docs, threshold=args.threshold
        )
    print(summary.describe())
    return 0


def _network(args: argparse.Namespace) -> int:
    settings = load_settings()
    with connect(settings) as driver:
        report = region_network(driver, database=settings.database, seed=args.seed)
    print(format_network(report, fmt=args.format))
    return 0
