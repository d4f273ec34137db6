"""`python -m graph server start|stop|status|install|backup|restore` and `python -m graph schema
apply|show`: the local Neo4j server, its backups and the graph schema."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph import server
from graph.backup import backup, restore
from graph.cli.common import Commands
from graph.db import connect
from graph.errors import GraphError
from graph.neo4j_writer import apply_schema
from graph.schema import markdown_table
from graph.settings import Settings, load_settings


def add_commands(commands: Commands) -> None:
    srv = commands.add_parser("server", help="run the local Neo4j (no Docker needed)")
    srv.add_argument("action", choices=["start", "stop", "status", "install", "backup", "restore"])
    srv.add_argument("file", nargs="?", type=Path, help="backup/restore: the backup file")
    srv.set_defaults(handler=_server)

    schema = commands.add_parser("schema", help="apply or show the graph schema")
    schema.add_argument("action", choices=["apply", "show"])
    schema.set_defaults(handler=_schema)


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
