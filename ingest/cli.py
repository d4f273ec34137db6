"""`python -m ingest extract|load|evaluate PATH...`

extract prints one JSON object per document (JSON Lines, input order) as the extraction contract
describes; a file that cannot be read gets one line on stderr and the exit status becomes 1, while
the other files are still printed. evaluate scores the extraction against the hand-made gold files.
load writes the documents into Neo4j: it is `python -m graph load`, kept here as an alias. Loading
is a step of the graph side, which this package does not import, so the alias hands the arguments
to that command by its module name.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ingest.contract import to_contract
from ingest.errors import PlanGraphError
from ingest.evaluate import __doc__ as evaluate_doc
from ingest.evaluate import evaluate, format_report, read_predictions
from ingest.pipeline import Failure, expand_paths, extract_many

LOAD_COMMAND = "graph.cli"  # `python -m ingest load` is `python -m graph load`
GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "golden" / "annotations"


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except PlanGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the reader closed the pipe (… | head): nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m ingest",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    extract = commands.add_parser("extract", help="print the extraction of each file as JSON Lines")
    extract.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    extract.set_defaults(handler=_extract)
    load = commands.add_parser("load", help="extract files and write them into Neo4j")
    load.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    load.add_argument("--no-progress", action="store_true", help="no progress bar")
    load.set_defaults(handler=_load)
    evaluate = commands.add_parser("evaluate", help="precision/recall/F1 against the gold files")
    evaluate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="the documents (default: corpus/, or the docs/ folder beside a dev-set gold folder)",
    )
    evaluate.add_argument(
        "--gold",
        type=Path,
        default=GOLD_DIR,
        help="tests/golden/annotations (default) or a folder in the dev set's format "
        "(../shared/devset/gold)",
    )
    evaluate.add_argument("--verbose", "-v", action="store_true", help="list misses and extras")
    evaluate.set_defaults(handler=_evaluate)
    return parser


def _extract(args: argparse.Namespace) -> int:
    failed = 0
    for outcome in extract_many(expand_paths(args.paths)):
        if isinstance(outcome, Failure):
            failed += 1
            print(f"error: {outcome.message}", file=sys.stderr)
            continue
        print(json.dumps(to_contract(outcome), ensure_ascii=False))
    return 1 if failed else 0


def _load(args: argparse.Namespace) -> int:
    graph_cli = importlib.import_module(LOAD_COMMAND)
    flags = ["--no-progress"] if args.no_progress else []
    return int(graph_cli.main(["load", *flags, *map(str, args.paths)]))


def _evaluate(args: argparse.Namespace) -> int:
    predictions: list[dict[str, Any]] = []
    beside = args.gold.parent / "docs"
    corpus = Path(__file__).resolve().parent.parent / "corpus"
    paths = args.paths or [beside if beside.is_dir() else corpus]
    for outcome in extract_many(expand_paths(paths)):
        if isinstance(outcome, Failure):
            print(f"error: {outcome.message}", file=sys.stderr)
            continue
        predictions.append(to_contract(outcome))
    report = evaluate(predictions, args.gold)
    print(format_report(report, verbose=args.verbose))
    return 0


def score_saved(argv: Sequence[str] | None = None) -> int:
    """`python -m ingest.evaluate FILE [--gold DIR] [--verbose]`: score saved `ingest extract`
    output (FILE, or - for stdin); exit status 1 when a kind falls below its floor."""
    parser = argparse.ArgumentParser(prog="python -m ingest.evaluate", description=evaluate_doc)
    parser.add_argument("predictions", type=Path, help="JSON Lines from `python -m ingest extract`")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    report = evaluate(read_predictions(args.predictions), args.gold)
    print(format_report(report, verbose=args.verbose))
    return 0 if report.meets_floors() else 1
