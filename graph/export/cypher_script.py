"""A Cypher script that recreates the subgraph in an empty database, one statement per line.

This is an output file: values are written as Cypher literals by one encoder, and labels, types
and property names are checked against the schema and identifier syntax before they are written.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any, LiteralString, cast

from neo4j import Driver

from graph.errors import GraphError
from graph.export.registry import register
from graph.export.subgraph import ExportNode, Subgraph
from graph.schema import NODE_BY_LABEL, REL_BY_TYPE

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Every character that some reader takes for a line end (str.splitlines also splits at U+001C-
# U+001E, U+0085, U+2028, U+2029) or that is invisible control: written as \uXXXX.
_AS_CODE_POINT = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})


def _escape(ch: str) -> str:
    if ch in _ESCAPES:
        return _ESCAPES[ch]
    if unicodedata.category(ch) in _AS_CODE_POINT:
        return "".join(f"\\u{unit:04x}" for unit in _utf16_units(ch))
    return ch


def _utf16_units(ch: str) -> list[int]:
    data = ch.encode("utf-16-be", "surrogatepass")
    return [int.from_bytes(data[i : i + 2], "big") for i in range(0, len(data), 2)]


def literal(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise GraphError(f"cannot write {value!r} as a Cypher literal")
        return repr(value)
    if isinstance(value, str):
        return "'" + "".join(_escape(ch) for ch in value) + "'"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise GraphError(f"cannot write a {type(value).__name__} as a Cypher property")


def map_literal(props: dict[str, Any]) -> str:
    items = []
    for name, value in sorted(props.items()):
        if not _NAME.match(name):
            raise GraphError(f"property name {name!r} is not a plain identifier")
        if value is not None:
            items.append(f"{name}: {literal(value)}")
    return "{" + ", ".join(items) + "}"


def _label(node: ExportNode) -> str:
    if node.label not in NODE_BY_LABEL:
        raise GraphError(f"label {node.label!r} is not in the schema")
    return node.label


def _match(var: str, node: ExportNode) -> str:
    return f"({var}:{_label(node)} {{id: {literal(node.id)}}})"


@register(
    "cypher",
    suffix=".cypher",
    media_type="application/x-cypher-query",
    description="Cypher script that recreates the subgraph in an empty database",
)
def write_cypher(subgraph: Subgraph) -> bytes:
    lines = [
        f"// plangraph export: {len(subgraph.nodes)} nodes, {len(subgraph.rels)} relationships"
    ]
    for label in sorted({_label(n) for n in subgraph.nodes}):
        lines.append(
            f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.id IS UNIQUE;"
        )
    lines += [f"CREATE (:{_label(n)} {map_literal(n.props)});" for n in subgraph.nodes]
    for rel in subgraph.rels:
        if rel.type not in REL_BY_TYPE:
            raise GraphError(f"relationship type {rel.type!r} is not in the schema")
        lines.append(
            f"MATCH {_match('a', rel.start)} MATCH {_match('b', rel.end)} "
            f"CREATE (a)-[:{rel.type} {map_literal(rel.props)}]->(b);"
        )
    return ("\n".join(lines) + "\n").encode("utf-8")


def replay_cypher_script(driver: Driver, script: str, *, database: str) -> int:
    """Run an exported script statement by statement; returns the number of statements.

    Statements end at a semicolon outside string literals and comments, never at a line break,
    so no character inside a value can start a statement of its own."""
    statements = split_statements(script)
    with driver.session(database=database) as session:
        for statement in statements[:]:
            if statement.startswith("CREATE CONSTRAINT"):
                session.run(cast(LiteralString, statement)).consume()
                statements.remove(statement)
        for start in range(0, len(statements), 1000):
            session.execute_write(_run_all, statements[start : start + 1000])
    return len(statements)


_PIECE = re.compile(
    r"""(?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
      | (?P<text>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z)|`(?:[^`]|``)*(?:`|\Z))
      | (?P<end>;)
      | (?P<other>[^;'"`/]+|/)""",
    re.VERBOSE | re.DOTALL,
)


def split_statements(script: str) -> list[str]:
    """The script's statements (comments dropped, surrounding space stripped)."""
    statements: list[str] = []
    current: list[str] = []
    for match in _PIECE.finditer(script):
        if match.lastgroup == "comment":
            continue
        if match.lastgroup == "end":
            statements.append("".join(current).strip())
            current = []
        else:
            current.append(match.group())
    if "".join(current).strip():
        statements.append("".join(current).strip())
    return [s for s in statements if s]


def _run_all(tx: Any, statements: list[str]) -> None:
    for statement in statements:
        tx.run(statement).consume()
