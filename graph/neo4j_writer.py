"""Idempotent, batched, parameterised writes of documents into Neo4j.

One managed write transaction per document: the driver retries it on transient errors, and a
document is either wholly in the graph or not at all. Writing the same batch twice changes nothing;
writing a new version of a document first removes what the old version added.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

from graph import cypher
from graph.batch import GraphBatch, NodeRow, RelRow
from graph.errors import GraphError
from graph.schema import constraint_statements

ROWS_PER_STATEMENT = 5000
Outcome = Literal["written", "unchanged", "replaced"]


@dataclass(frozen=True, slots=True)
class WriteResult:
    doc_id: str
    outcome: Outcome
    removed_versions: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)


def apply_schema(driver: Driver, *, database: str) -> None:
    """Create constraints and indexes; safe to run at every start."""
    for statement in constraint_statements():
        _run_autocommit(driver, statement, database=database)
    _run_autocommit(driver, "CALL db.awaitIndexes(300)", database=database)


def write_document(
    driver: Driver, batch: GraphBatch, *, database: str, source: str | None = None
) -> WriteResult:
    """Write one document's batch, replacing older versions of the same source file."""
    batch.validate()
    digest = batch_hash(batch)
    try:
        with driver.session(database=database) as session:
            return session.execute_write(_write_tx, batch, digest, source)
    except (ServiceUnavailable, SessionExpired) as error:
        raise GraphError(f"Neo4j is unreachable: {error}", source=source) from error
    except Neo4jError as error:
        raise GraphError(f"Neo4j refused the write: {error.message}", source=source) from error


def remove_document(driver: Driver, doc_id: str, *, database: str) -> None:
    with driver.session(database=database) as session:
        session.execute_write(_remove_tx, doc_id)


# Where a document came from is not what it says: the same plan under another file name is the
# same document, left as it is (and keeps its first name).
_NOT_HASHED = {"Document": frozenset({"source"})}


def batch_hash(batch: GraphBatch) -> str:
    payload = json.dumps(
        [[n.label, n.id, _hashed(n.label, n.props)] for n in batch.nodes]
        + [[r.type, r.start_id, r.end_id, r.props] for r in batch.rels],
        ensure_ascii=False,
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _hashed(label: str, props: Mapping[str, Any]) -> dict[str, Any]:
    skip = _NOT_HASHED.get(label, frozenset())
    return {k: v for k, v in props.items() if k not in skip}


def _write_tx(
    tx: ManagedTransaction, batch: GraphBatch, digest: str, source: str | None
) -> WriteResult:
    stored = tx.run(cypher.DOCUMENT_STATE, doc=batch.doc_id).single()
    old_versions = _older_versions(tx, batch, source)
    if stored is not None and stored["batch_hash"] == digest and not old_versions:
        return WriteResult(batch.doc_id, "unchanged", counts=batch.counts())
    for doc_id in ([batch.doc_id] if stored is not None else []) + list(old_versions):
        _remove_tx(tx, doc_id)
    _write_rows(tx, batch, digest)
    outcome: Outcome = "replaced" if stored is not None or old_versions else "written"
    return WriteResult(batch.doc_id, outcome, tuple(old_versions), batch.counts())


def _older_versions(tx: ManagedTransaction, batch: GraphBatch, source: str | None) -> list[str]:
    if source is None:
        return []
    region = next((n.props.get("region") for n in batch.nodes if n.label == "Document"), None)
    found = tx.run(cypher.OLDER_VERSIONS, source=source, doc=batch.doc_id, region=region)
    return [record["id"] for record in found]


def _write_rows(tx: ManagedTransaction, batch: GraphBatch, digest: str) -> None:
    for label, rows in _group_nodes(batch.nodes).items():
        for chunk in _chunks(rows):
            tx.run(cypher.upsert_nodes(label), rows=chunk, doc=batch.doc_id).consume()
    for (rel_type, start, end), rows in _group_rels(batch.rels).items():
        statement = cypher.upsert_relationships(rel_type, start, end)
        for chunk in _chunks(rows):
            tx.run(statement, rows=chunk, doc=batch.doc_id).consume()
    tx.run(
        "MATCH (d:Document {id: $doc}) SET d.batch_hash = $hash", doc=batch.doc_id, hash=digest
    ).consume()


def _remove_tx(tx: ManagedTransaction, doc_id: str) -> None:
    for statement in cypher.remove_document_statements():
        tx.run(statement, doc=doc_id).consume()


def _group_nodes(nodes: Iterable[NodeRow]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for node in nodes:
        grouped[node.label].append({"id": node.id, "props": dict(node.props)})
    return grouped


def _group_rels(rels: Iterable[RelRow]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for rel in rels:
        row = {"start": rel.start_id, "end": rel.end_id, "props": dict(rel.props)}
        grouped[(rel.type, rel.start_label, rel.end_label)].append(row)
    return grouped


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        yield rows[start : start + ROWS_PER_STATEMENT]


def _run_autocommit(driver: Driver, statement: str, *, database: str) -> None:
    try:
        with driver.session(database=database) as session:
            session.run(statement).consume()
    except (ServiceUnavailable, SessionExpired) as error:
        raise GraphError(f"Neo4j is unreachable: {error}") from error
