"""`python -m graph query --list` and `python -m graph query NAME [-p key=value]...
[--format table|csv|json]`: the saved queries (graph/queries.py) from the shell."""

from __future__ import annotations

import argparse

from graph.cli.common import Commands, parse_params
from graph.db import connect
from graph.queries import coerce_params, format_result, get_query, list_queries, run_query
from graph.settings import load_settings


def add_commands(commands: Commands) -> None:
    query = commands.add_parser("query", help="run a saved query (see --list)")
    query.add_argument("name", nargs="?", metavar="NAME")
    query.add_argument("--list", action="store_true", help="list the saved queries")
    query.add_argument("-p", "--param", action="append", default=[], metavar="KEY=VALUE")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    query.set_defaults(handler=_query)


def _query(args: argparse.Namespace) -> int:
    if args.list or not args.name:
        for q in list_queries():
            usage = " ".join(f"-p {p.name}={p.default}" for p in q.parameters)
            print(f"{q.name}\t{q.title} / {q.title_en}\t{usage}")
        return 0
    saved = get_query(args.name)
    params = coerce_params(saved, parse_params(args.param))
    settings = load_settings()
    with connect(settings) as driver:
        result = run_query(driver, saved, params, database=settings.database)
    print(format_result(result, args.format))
    return 0
