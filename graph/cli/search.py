"""`python -m graph search TEXT [--region R] [--year Y] [--theme T] [--kind K]... [--responsible
named|none] [--limit N] [--format table|csv|json]`: full-text search (graph/search.py)."""

from __future__ import annotations

import argparse

from graph.cli.common import Commands
from graph.db import connect
from graph.search import KINDS, format_hits, search
from graph.settings import load_settings


def add_commands(commands: Commands) -> None:
    command = commands.add_parser("search", help="full-text search over the plans")
    command.add_argument("text", metavar="TEXT", help="words, all of which must occur")
    command.add_argument("--region", default="", help="name or adcode; the regions under it too")
    command.add_argument("--year", type=int, default=0)
    command.add_argument("--theme", default="", help="theme label or id")
    command.add_argument("--kind", action="append", choices=KINDS, default=[])
    command.add_argument("--responsible", choices=["named", "none"], default="")
    command.add_argument("--limit", type=int, default=200)
    command.add_argument("--format", choices=["table", "csv", "json"], default="table")
    command.set_defaults(handler=_search)


def _search(args: argparse.Namespace) -> int:
    settings = load_settings()
    with connect(settings) as driver:
        result = search(
            driver, args.text, database=settings.database, region=args.region, year=args.year,
            theme=args.theme, kinds=args.kind, responsible=args.responsible, limit=args.limit,
        )  # fmt: skip
    print(format_hits(result, args.format))
    return 0
