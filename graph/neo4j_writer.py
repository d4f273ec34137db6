"""Idempotent, batched, parameterised writes of documents into Neo4j.

Documents are written in groups, one managed write transaction per group (group commit): one
query reads what the graph holds of them, the documents that changed lose what their earlier
versions added, then the rows of the whole group are merged with one UNWIND statement per label
and per relationship pattern. The driver retries a group on transient errors, and a group is either
wholly in the graph or not at all; when the server refuses a group, its documents are written again
one by one, so that only the document at fault fails. Writing the same batch twice changes nothing;
writing a new version of a document first removes what the old version added.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from neo4j import Driver, ManagedTransaction
from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired, TransientError

from graph import cypher
from graph.batch import GraphBatch
from graph.errors import GraphError, SchemaViolation
from graph.schema import REL_BY_TYPE, constraint_statements

ROWS_PER_STATEMENT = 5000
GROUP_DOCUMENTS = 50  # documents per transaction …
GROUP_ROWS = 40_000  # … and nodes + relationships, whichever limit comes first
Outcome = Literal["written", "unchanged", "replaced"]


@dataclass(frozen=True, slots=True)
class WriteResult:
    doc_id: str
    outcome: Outcome
    removed_versions: tuple[str, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    replaced: tuple[Replaced, ...] = ()  # what each removed version was, and why


@dataclass(frozen=True, slots=True)
class Replaced:
    """An older version of a plan that a new document replaced."""

    doc_id: str
    title: str
    year: int | None
    source: str
    same_number: bool  # same 文号; otherwise the same year and title

    def describe(self) -> str:
        why = "same 文号" if self.same_number else "same region, year and title"
        return f"{self.title or self.doc_id} ({self.year or '?'}, from {self.source or '?'}; {why})"


Written = WriteResult | GraphError  # what became of one document


def apply_schema(driver: Driver, *, database: str) -> None:
    """Create constraints and indexes; safe to run at every start."""
    for statement in constraint_statements():
        _run_autocommit(driver, statement, database=database)
    _run_autocommit(driver, "CALL db.awaitIndexes(300)", database=database)


def write_document(
    driver: Driver, batch: GraphBatch, *, database: str, source: str | None = None
) -> WriteResult:
    """Write one document's batch, replacing older versions of the same source file."""
    (result,) = write_documents(driver, [batch], database=database, sources=[source])
    if isinstance(result, GraphError):
        raise result
    return result


def write_documents(
    driver: Driver,
    batches: Iterable[GraphBatch],
    *,
    database: str,
    sources: Sequence[str | None] | None = None,
    max_documents: int = GROUP_DOCUMENTS,
    max_rows: int = GROUP_ROWS,
) -> list[Written]:
    """Write many documents, a group of them per transaction; ``sources`` are their file names.

    Returns what became of each batch, in order: its WriteResult, or the GraphError that kept it
    out of the graph while the others were written.
    """
    batches = list(batches)
    names = list(sources) if sources is not None else [None] * len(batches)
    results: dict[int, Written] = {}
    ready: list[tuple[int, _Pending]] = []
    for index, (batch, source) in enumerate(zip(batches, names, strict=True)):
        try:
            batch.validate()
        except SchemaViolation as error:
            results[index] = error
            continue
        ready.append((index, _Pending(batch, batch_hash(batch), source)))
    results.update(_write_groups(driver, _groups(ready, max_documents, max_rows), database))
    return [results[index] for index in range(len(batches))]


def remove_document(driver: Driver, doc_id: str, *, database: str) -> None:
    with driver.session(database=database) as session:
        session.execute_write(_remove_tx, [doc_id])


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


@dataclass(frozen=True, slots=True)
class _Pending:
    """A valid batch on its way into the graph."""

    batch: GraphBatch
    digest: str
    source: str | None

    @property
    def doc_id(self) -> str:
        return self.batch.doc_id

    @property
    def document(self) -> dict[str, Any]:
        node = next((n for n in self.batch.nodes if n.label == "Document"), None)
        return {} if node is None else dict(node.props)

    @property
    def region(self) -> str | None:
        return self.document.get("region")

    def identity(self) -> dict[str, Any]:
        """What makes two documents versions of one plan (see cypher.DOCUMENT_STATES)."""
        props = self.document
        return {
            "id": self.doc_id,
            "region": props.get("region"),
            "year": props.get("year"),
            "title": props.get("title"),
            "doc_number": props.get("doc_number"),
        }

    @property
    def rows(self) -> int:
        return len(self.batch.nodes) + len(self.batch.rels)

    def keys(self) -> set[tuple[Any, ...]]:
        """What two documents of one group must not share: the document, or the identity of a
        plan (the second would replace the first)."""
        plan = self.identity()
        keys: set[tuple[Any, ...]] = {("doc", self.doc_id)}
        if plan["region"] is not None:
            if plan["doc_number"] is not None:
                keys.add(("number", plan["region"], plan["doc_number"]))
            if plan["year"] is not None and plan["title"] is not None:
                keys.add(("plan", plan["region"], plan["year"], plan["title"]))
        return keys


@dataclass(frozen=True, slots=True)
class _State:
    """What the graph holds of one document before the group is written."""

    stored: bool
    batch_hash: str | None
    older: tuple[str, ...]
    older_plans: tuple[Replaced, ...] = ()


def _groups(
    ready: Sequence[tuple[int, _Pending]], max_documents: int, max_rows: int
) -> Iterator[list[tuple[int, _Pending]]]:
    group: list[tuple[int, _Pending]] = []
    keys: set[tuple[str | None, ...]] = set()
    rows = 0
    for index, item in ready:
        full = len(group) >= max_documents or rows + item.rows > max_rows
        if group and (full or keys & item.keys()):
            yield group
            group, rows, keys = [], 0, set()
        group.append((index, item))
        rows += item.rows
        keys |= item.keys()
    if group:
        yield group


def _write_groups(
    driver: Driver, groups: Iterable[list[tuple[int, _Pending]]], database: str
) -> Iterator[tuple[int, Written]]:
    down: GraphError | None = None
    for group in groups:
        pending = [item for _, item in group]
        if down is None:
            try:
                outcomes = _write_group(driver, pending, database)
            except (ServiceUnavailable, SessionExpired) as error:
                down = GraphError(f"Neo4j is unreachable: {error}")
                down.__cause__ = error
        if down is not None:  # the driver already waited for it: the rest is not tried
            outcomes = [_failed(down, item) for item in pending]
        yield from zip((index for index, _ in group), outcomes, strict=True)


def _write_group(driver: Driver, group: Sequence[_Pending], database: str) -> list[Written]:
    """One transaction for the group; one per document when the server refuses it, or when
    documents of the group turn out to replace one another."""
    try:
        with driver.session(database=database) as session:
            results = session.execute_write(_group_tx, group)
    except TransientError as error:  # still failing after the driver's retries
        return [_failed(_refused(error), item) for item in group]
    except Neo4jError as error:
        if len(group) == 1:
            return [_failed(_refused(error), group[0])]
        results = None
    if results is None:
        return [result for item in group for result in _write_group(driver, [item], database)]
    return list(results)


def _refused(error: Neo4jError) -> GraphError:
    refused = GraphError(f"Neo4j refused the write: {error.message}")
    refused.__cause__ = error
    return refused


def _failed(error: GraphError, item: _Pending) -> GraphError:
    failed = GraphError(str(error), source=item.source or item.doc_id)
    failed.__cause__ = error.__cause__
    return failed


def _group_tx(tx: ManagedTransaction, group: Sequence[_Pending]) -> list[WriteResult] | None:
    states = _read_states(tx, group)
    in_group = {item.doc_id for item in group}
    if any(in_group.intersection(state.older) for state in states.values()):
        return None
    changed = [item for item in group if not _unchanged(item, states[item.doc_id])]
    removed = [item.doc_id for item in changed if states[item.doc_id].stored]
    removed += [doc for item in changed for doc in states[item.doc_id].older]
    if removed:
        _remove_tx(tx, list(dict.fromkeys(removed)))
    if changed:
        _write_rows(tx, changed)
        docs = [item.doc_id for item in changed]
        tx.run(cypher.MARK_ANALYSIS_PENDING, docs=docs).consume()
    return [_result(item, states[item.doc_id]) for item in group]


def _read_states(tx: ManagedTransaction, group: Sequence[_Pending]) -> dict[str, _State]:
    docs = [item.identity() for item in group]
    return {
        record["id"]: _State(
            record["stored"],
            record["batch_hash"],
            tuple(record["older"]),
            tuple(_replaced(plan) for plan in record["older_plans"]),
        )
        for record in tx.run(cypher.DOCUMENT_STATES, docs=docs)
    }


def _replaced(plan: dict[str, Any]) -> Replaced:
    return Replaced(
        plan["id"], plan["title"] or "", plan["year"], plan["source"] or "", plan["same_number"]
    )


def _unchanged(item: _Pending, state: _State) -> bool:
    return state.stored and state.batch_hash == item.digest and not state.older


def _result(item: _Pending, state: _State) -> WriteResult:
    counts = item.batch.counts()
    if _unchanged(item, state):
        return WriteResult(item.doc_id, "unchanged", counts=counts)
    outcome: Outcome = "replaced" if state.stored or state.older else "written"
    return WriteResult(item.doc_id, outcome, state.older, counts, state.older_plans)


def _write_rows(tx: ManagedTransaction, group: Sequence[_Pending]) -> None:
    for label, rows in _node_rows(group).items():
        statement = cypher.upsert_nodes(label)
        for chunk in _chunks(rows):
            tx.run(statement, rows=chunk).consume()
    for (rel_type, start, end), rows in _rel_rows(group).items():
        statement = cypher.upsert_relationships(rel_type, start, end)
        for chunk in _chunks(rows):
            tx.run(statement, rows=chunk).consume()


def _remove_tx(tx: ManagedTransaction, doc_ids: list[str]) -> None:
    for statement in cypher.remove_documents_statements():
        tx.run(statement, docs=doc_ids).consume()


def _node_rows(group: Sequence[_Pending]) -> dict[str, list[dict[str, Any]]]:
    """One row per node of the group: a node several documents contain gets their properties in
    writing order (as if each had been written in turn) and all of them as ``docs``."""
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for item in group:
        for node in item.batch.nodes:
            _merge_row(merged, (node.label, node.id), {"id": node.id}, node.props, item.doc_id)
    for item in group:
        merged[("Document", item.doc_id)]["props"]["batch_hash"] = item.digest
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (label, _), row in merged.items():
        grouped[label].append(row)
    return grouped


def _rel_rows(group: Sequence[_Pending]) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    merged: dict[tuple[str, ...], dict[str, Any]] = {}
    for item in group:
        for rel in item.batch.rels:
            merge_on = REL_BY_TYPE[rel.type].merge_on
            on = repr([rel.props.get(p) for p in merge_on]) if merge_on else ""
            key = (rel.type, rel.start_label, rel.start_id, rel.end_label, rel.end_id, on)
            row = {"start": rel.start_id, "end": rel.end_id}
            _merge_row(merged, key, row, rel.props, item.doc_id)
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for (rel_type, start, _, end, *_), row in merged.items():
        grouped[(rel_type, start, end)].append(row)
    return grouped


def _merge_row(
    merged: dict[Any, dict[str, Any]],
    key: Any,
    row: dict[str, Any],
    props: Mapping[str, Any],
    doc_id: str,
) -> None:
    known = merged.get(key)
    if known is None:
        merged[key] = {**row, "props": dict(props), "docs": [doc_id]}
        return
    known["props"].update(props)
    if doc_id not in known["docs"]:
        known["docs"].append(doc_id)


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterable[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), ROWS_PER_STATEMENT):
        yield rows[start : start + ROWS_PER_STATEMENT]


def _run_autocommit(driver: Driver, statement: str, *, database: str) -> None:
    try:
        with driver.session(database=database) as session:
            session.run(statement).consume()
    except (ServiceUnavailable, SessionExpired) as error:
        raise GraphError(f"Neo4j is unreachable: {error}") from error
