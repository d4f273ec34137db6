"""What the command groups share: the handler type, their subparsers and `-p KEY=VALUE` pairs."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TypeAlias

from graph.errors import GraphError

Handler = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise GraphError(f"-p takes KEY=VALUE, not {pair!r}")
        params[key] = value
    return params
