"""Every Cypher statement the writer runs, in one module.

Values always travel as parameters. Labels and relationship types cannot be parameters in Cypher,
so statements are generated from the schema's names (checked to be identifiers at import), never
from input.
"""

from __future__ import annotations

from functools import cache

from graph.schema import LABELS_BY_SCOPE, REL_BY_TYPE, RELATIONSHIPS

# Adds $doc to a list property without duplicating it, so that writing twice changes nothing.
_ADD_SOURCE = (
    "CASE WHEN $doc IN coalesce({v}.sources, []) THEN {v}.sources "
    "ELSE coalesce({v}.sources, []) + $doc END"
)


@cache
def upsert_nodes(label: str) -> str:
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{label} {{id: row.id}})\n"
        "SET n += row.props\n"
        f"SET n.sources = {_ADD_SOURCE.format(v='n')}"
    )


@cache
def upsert_relationships(rel_type: str, start_label: str, end_label: str) -> str:
    merge_keys = ", ".join(f"{p}: row.props.{p}" for p in REL_BY_TYPE[rel_type].merge_on)
    return (
        "UNWIND $rows AS row\n"
        f"MATCH (a:{start_label} {{id: row.start}})\n"
        f"MATCH (b:{end_label} {{id: row.end}})\n"
        f"MERGE (a)-[r:{rel_type}{' {' + merge_keys + '}' if merge_keys else ''}]->(b)\n"
        "SET r += row.props\n"
        f"SET r.sources = {_ADD_SOURCE.format(v='r')}"
    )


DOCUMENT_STATE = "MATCH (d:Document {id: $doc}) RETURN d.batch_hash AS batch_hash"

# Older versions of a document: same file name for the same region (two counties may both
# publish a "工作要点.docx").
OLDER_VERSIONS = (
    "MATCH (d:Document {source: $source}) "
    "WHERE d.id <> $doc AND coalesce(d.region, '') = coalesce($region, '') "
    "RETURN d.id AS id ORDER BY id"
)


@cache
def remove_document_statements() -> tuple[str, ...]:
    """Statements that take one document's contribution out of the graph, in order.

    Nodes owned by the document go with their relationships; shared nodes and relationships lose
    the document from ``sources`` and go only when no other document supports them.
    """
    owned = tuple(
        f"MATCH (n:{label} {{doc: $doc}}) DETACH DELETE n"
        for label in LABELS_BY_SCOPE["document"]
        if label != "Document"
    )
    shared_rels = tuple(
        f"MATCH ()-[r:{spec.type}]->() WHERE $doc IN r.sources "
        "SET r.sources = [s IN r.sources WHERE s <> $doc] "
        "WITH r WHERE size(r.sources) = 0 DELETE r"
        for spec in RELATIONSHIPS
        if spec.scope == "shared"
    )
    shared_nodes = tuple(
        f"MATCH (n:{label}) WHERE $doc IN n.sources "
        "SET n.sources = [s IN n.sources WHERE s <> $doc] "
        "WITH n WHERE size(n.sources) = 0 DETACH DELETE n"
        for label in LABELS_BY_SCOPE["shared"]
    )
    document = ("MATCH (d:Document {id: $doc}) DETACH DELETE d",)
    return owned + shared_rels + document + shared_nodes


CLEAR_DATABASE = "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"

COUNT_BY_LABEL = (
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label"
)
COUNT_BY_TYPE = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"
