"""`python -m graph …`: the command line of the graph side, one module per command group (server
and schema, load, query, search, analysis, export; graph/cli/maps.py is `python -m graph.maps`).
The library modules they call parse no arguments and print nothing.

Errors of the project's hierarchy become one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from graph.cli import analysis, export, load, query, search, server
from graph.cli.common import Handler
from graph.errors import PlanGraphError

GROUPS = (server, load, query, search, analysis, export)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args)
    except PlanGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader closed the pipe (… | head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m graph", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    for group in GROUPS:
        group.add_commands(commands)
    return parser
