"""`python -m graph export …`: select a subgraph and write it in one format."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.cli.common import Commands, parse_params
from graph.db import connect
from graph.errors import GraphError
from graph.export import Selection, format_names, select_subgraph, write_export
from graph.settings import load_settings


def add_commands(commands: Commands) -> None:
    export = commands.add_parser(
        "export", help="write a subgraph as GraphML, RDF, JSON, CSV or Cypher"
    )
    for option in ("region", "project", "policy", "theme", "institution"):
        export.add_argument(
            f"--{option}",
            action="append",
            default=[],
            metavar="NAME",
            help=f"seed the selection with this {option} (repeatable)",
        )
    export.add_argument("--query", metavar="NAME", help="seed with the nodes a saved query returns")
    export.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="parameter of --query (repeatable)",
    )
    export.add_argument("--hops", type=int, default=1, help="neighbourhood depth (default 1)")
    export.add_argument(
        "--provenance", action="store_true", help="include documents' text and the source spans"
    )
    export.add_argument("--format", required=True, choices=format_names())
    export.add_argument("-o", "--output", required=True, type=Path, metavar="PATH")
    export.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    selection = Selection(
        regions=tuple(args.region),
        projects=tuple(args.project),
        policies=tuple(args.policy),
        themes=tuple(args.theme),
        institutions=tuple(args.institution),
        query=args.query,
        query_params=parse_params(args.param),
        hops=args.hops,
        provenance=args.provenance,
    )
    if selection.is_empty():
        raise GraphError(
            "choose what to export: --region, --project, --policy, --theme, "
            "--institution or --query"
        )
    settings = load_settings()
    with connect(settings) as driver:
        subgraph = select_subgraph(driver, selection, database=settings.database)
    size = write_export(subgraph, args.format, args.output)
    print(
        f"{len(subgraph.nodes)} nodes, {len(subgraph.rels)} relationships, {size} bytes "
        f"→ {args.output}"
    )
    return 0
