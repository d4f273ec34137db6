"""`python -m graph …`: the local server, the schema, and (as they land) queries and exports.

Errors of the project's hierarchy become one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from graph import server
from graph.analysis.cli import add_analysis_commands
from graph.db import connect
from graph.errors import GraphError, PlanGraphError
from graph.export.cli import add_export_commands
from graph.neo4j_writer import apply_schema
from graph.queries import add_query_commands
from graph.schema import markdown_table
from graph.search import add_search_command
from graph.settings import Settings, load_settings

Handler = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except PlanGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m graph", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    srv = commands.add_parser("server", help="run the local Neo4j (no Docker needed)")
    srv.add_argument("action", choices=["start", "stop", "status", "install", "backup", "restore"])
    srv.add_argument("file", nargs="?", type=Path, help="backup/restore: the backup file")
    srv.set_defaults(handler=_server)

    schema = commands.add_parser("schema", help="apply or show the graph schema")
    schema.add_argument("action", choices=["apply", "show"])
    schema.set_defaults(handler=_schema)

    add_query_commands(commands)
    add_search_command(commands)
    add_analysis_commands(commands)
    add_export_commands(commands)
    return parser


def _server(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.action == "install":
        print(f"Neo4j jars and launcher ready in {server.install()}")
        return 0
    if args.action in ("backup", "restore"):
        return _backup(args, settings)
    if settings.local is None:
        print(f"NEO4J_URI is set: using {settings.uri}, no local server to {args.action}")
        return 0
    actions = {"start": server.start, "stop": server.stop}
    state = actions[args.action](settings) if args.action in actions else None
    state = state or server.status(settings.local)
    print(state.describe())
    if args.action == "start":
        print(settings.uri)
    return 0 if state.running or args.action == "stop" else 3


def _backup(args: argparse.Namespace, settings: Settings) -> int:
    from graph.backup import backup, restore

    if args.file is None:
        raise GraphError(f"`graph server {args.action}` needs a file, e.g. plangraph-backup.cypher")
    if args.action == "backup":
        print(backup(settings, args.file).describe("saved"))
    else:
        print(restore(settings, args.file).describe("restored"))
    return 0


def _schema(args: argparse.Namespace) -> int:
    if args.action == "show":
        print(markdown_table())
        return 0
    settings = load_settings()
    with connect(settings) as driver:
        apply_schema(driver, database=settings.database)
    print(f"schema applied to {settings.uri} (database {settings.database})")
    return 0
