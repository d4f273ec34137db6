"""CSV in the `neo4j-admin database import` header format, zipped: nodes_<Label>.csv with
`id:ID(<Label>)`, typed property columns and `:LABEL`; relationships_<TYPE>__<From>__<To>.csv with
`:START_ID(<From>)`, `:END_ID(<To>)`, `:TYPE`; plus import.txt with the exact command.
Arrays use the unit separator (U+001F) so that no text value can break them."""

from __future__ import annotations

import csv
import io
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from neo4j import Driver

from graph.errors import GraphError
from graph.export.registry import register
from graph.export.subgraph import ExportNode, ExportRel, Subgraph
from graph.schema import NODE_BY_LABEL, REL_BY_TYPE

ARRAY_DELIMITER = "\x1f"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # fixed, so the same subgraph gives the same bytes
_SCALAR_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}


def column_type(values: Iterable[Any]) -> str:
    """The import type of a column: long, double, boolean, string or an array of one of them."""
    kinds: set[str] = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, list):
            kinds |= {_scalar_type(v) + "[]" for v in value} or {"string[]"}
        else:
            kinds.add(_scalar_type(value))
    if kinds <= {"long", "double"} and "double" in kinds:
        return "double"
    if kinds <= {"long[]", "double[]"} and "double[]" in kinds:
        return "double[]"
    if len(kinds) > 1:
        raise GraphError(f"a column mixes value types {sorted(kinds)}")
    return kinds.pop() if kinds else "string"


def _scalar_type(value: Any) -> str:
    return _SCALAR_TYPES.get(type(value), "string")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(_cell(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _table(header: list[str], rows: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _node_file(label: str, nodes: Sequence[ExportNode]) -> bytes:
    names = sorted({k for n in nodes for k in n.props} - {"id"})
    types = {name: column_type(n.props.get(name) for n in nodes) for name in names}
    header = [f"id:ID({label})"] + [f"{n}:{types[n]}" for n in names] + [":LABEL"]
    rows = ([n.id] + [_cell(n.props.get(k)) for k in names] + [label] for n in nodes)
    return _table(header, rows)


def _rel_file(rel_type: str, start: str, end: str, rels: Sequence[ExportRel]) -> bytes:
    names = sorted({k for r in rels for k in r.props})
    types = {name: column_type(r.props.get(name) for r in rels) for name in names}
    header = [f":START_ID({start})", f":END_ID({end})", ":TYPE"]
    header += [f"{n}:{types[n]}" for n in names]
    rows = ([r.start.id, r.end.id, rel_type] + [_cell(r.props.get(k)) for k in names] for r in rels)
    return _table(header, rows)


def csv_files(subgraph: Subgraph) -> dict[str, bytes]:
    nodes: dict[str, list[ExportNode]] = defaultdict(list)
    for node in subgraph.nodes:
        nodes[node.label].append(node)
    rels: dict[tuple[str, str, str], list[ExportRel]] = defaultdict(list)
    for rel in subgraph.rels:
        rels[(rel.type, rel.start.label, rel.end.label)].append(rel)
    files = {f"nodes_{label}.csv": _node_file(label, group) for label, group in nodes.items()}
    for (rel_type, start, end), group in rels.items():
        files[f"relationships_{rel_type}__{start}__{end}.csv"] = _rel_file(
            rel_type, start, end, group
        )
    files["import.txt"] = _import_command(sorted(files)).encode("utf-8")
    return dict(sorted(files.items()))


def _import_command(names: list[str]) -> str:
    args = [f"  --nodes={n}" for n in names if n.startswith("nodes_")]
    args += [f"  --relationships={n}" for n in names if n.startswith("relationships_")]
    return (
        "# Load into a new, stopped database (Neo4j 5):\n"
        "neo4j-admin database import full --array-delimiter=U+001F \\\n"
        + " \\\n".join(args)
        + " \\\n  neo4j\n"
    )


@register(
    "csv",
    suffix=".zip",
    media_type="application/zip",
    description="neo4j-admin import CSV files (zipped)",
)
def write_csv_zip(subgraph: Subgraph) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in csv_files(subgraph).items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def read_csv_export(path: Path) -> Subgraph:
    """Parse an exported ZIP back into a Subgraph, typed as its headers say."""
    with zipfile.ZipFile(path) as archive:
        tables = {
            name: archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.endswith(".csv")
        }
    nodes = {}
    for name, text in tables.items():
        if name.startswith("nodes_"):
            for node in _parse_nodes(text):
                nodes[node.key] = node
    rels = [
        rel
        for name, text in tables.items()
        if name.startswith("relationships_")
        for rel in _parse_rels(text, nodes)
    ]
    return Subgraph.of(list(nodes.values()), rels)


def load_csv_export(driver: Driver, path: Path, *, database: str) -> Subgraph:
    """Our own loader for an exported ZIP (parameterised UNWIND writes), e.g. for round trips."""
    subgraph = read_csv_export(path)
    with driver.session(database=database) as session:
        session.execute_write(_write_subgraph, subgraph)
    return subgraph


def _write_subgraph(tx: Any, subgraph: Subgraph) -> None:
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in subgraph.nodes:
        by_label[_checked_label(node.label)].append({"props": {**node.props, "id": node.id}})
    for label, rows in by_label.items():
        tx.run(f"UNWIND $rows AS row CREATE (n:{label}) SET n = row.props", rows=rows).consume()
    by_type: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in subgraph.rels:
        key = (
            _checked_type(rel.type),
            _checked_label(rel.start.label),
            _checked_label(rel.end.label),
        )
        by_type[key].append({"start": rel.start.id, "end": rel.end.id, "props": rel.props})
    for (rel_type, start, end), rows in by_type.items():
        tx.run(
            f"UNWIND $rows AS row MATCH (a:{start} {{id: row.start}}) "
            f"MATCH (b:{end} {{id: row.end}}) CREATE (a)-[r:{rel_type}]->(b) SET r = row.props",
            rows=rows,
        ).consume()


def _checked_label(label: str) -> str:
    if label not in NODE_BY_LABEL:
        raise GraphError(f"label {label!r} in the CSV is not in the schema")
    return label


def _checked_type(rel_type: str) -> str:
    if rel_type not in REL_BY_TYPE:
        raise GraphError(f"relationship type {rel_type!r} in the CSV is not in the schema")
    return rel_type


def _typed(cell: str, kind: str) -> Any:
    if kind.endswith("[]"):
        return [_typed(part, kind[:-2]) for part in cell.split(ARRAY_DELIMITER)] if cell else []
    converters: dict[str, Callable[[str], Any]] = {
        "long": int,
        "double": float,
        "boolean": lambda c: c == "true",
    }
    return converters.get(kind, str)(cell)


def _columns(header: list[str]) -> list[tuple[str, str]]:
    return [(h.split(":")[0], h.split(":", 1)[1] if ":" in h else "string") for h in header]


def _parse_nodes(text: str) -> list[ExportNode]:
    rows = list(csv.reader(io.StringIO(text)))
    columns = _columns(rows[0])
    label = rows[0][0].split("(")[1].rstrip(")")
    nodes = []
    for row in rows[1:]:
        props = {
            name: _typed(cell, kind)
            for (name, kind), cell in zip(columns[1:-1], row[1:-1], strict=True)
            if cell != ""
        }
        nodes.append(ExportNode(label, row[0], {"id": row[0], **props}))
    return nodes


def _parse_rels(text: str, nodes: dict[str, ExportNode]) -> list[ExportRel]:
    rows = list(csv.reader(io.StringIO(text)))
    start_label = rows[0][0].split("(")[1].rstrip(")")
    end_label = rows[0][1].split("(")[1].rstrip(")")
    columns = _columns(rows[0])[3:]
    rels = []
    for row in rows[1:]:
        props = {
            name: _typed(cell, kind)
            for (name, kind), cell in zip(columns, row[3:], strict=True)
            if cell != ""
        }
        rels.append(
            ExportRel(
                row[2], nodes[f"{start_label}:{row[0]}"], nodes[f"{end_label}:{row[1]}"], props
            )
        )
    return rels
