"""Every Cypher statement the writer runs, in one module.

Values always travel as parameters. Labels and relationship types cannot be parameters in Cypher,
so statements are generated from the schema's names (checked to be identifiers at import), never
from input.

The writer sends the rows of many documents in one statement, so every row carries ``docs``: the
documents (in writing order) that contribute it, which are added to its ``sources``.
"""

from __future__ import annotations

from functools import cache

from graph.schema import LABELS_BY_SCOPE, REL_BY_TYPE, RELATIONSHIPS

# Appends the row's documents to a list property, leaving out those already there, so that
# writing twice changes nothing.
_ADD_SOURCES = (
    "coalesce({v}.sources, []) + [d IN row.docs WHERE NOT d IN coalesce({v}.sources, [])]"
)


@cache
def upsert_nodes(label: str) -> str:
    return (
        "UNWIND $rows AS row\n"
        f"MERGE (n:{label} {{id: row.id}})\n"
        "SET n += row.props\n"
        f"SET n.sources = {_ADD_SOURCES.format(v='n')}"
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
        f"SET r.sources = {_ADD_SOURCES.format(v='r')}"
    )


# What the graph holds of each document about to be written: whether it is there, the hash of the
# batch it was written from, and its older versions — other documents of the same plan: the same
# region and either the same 文号 or the same year and title. A file name says nothing (two
# counties, or two years of one county, both publish "附件1.txt").
DOCUMENT_STATES = """
UNWIND $docs AS doc
OPTIONAL MATCH (d:Document {id: doc.id})
WITH doc, d, COLLECT {
       MATCH (o:Document)
       WHERE doc.region IS NOT NULL AND o.region = doc.region AND o.id <> doc.id
         AND ((doc.doc_number IS NOT NULL AND o.doc_number = doc.doc_number)
              OR (doc.year IS NOT NULL AND doc.title IS NOT NULL
                  AND o.year = doc.year AND o.title = doc.title))
       RETURN {id: o.id, title: o.title, year: o.year, source: o.source,
               same_number: doc.doc_number IS NOT NULL AND o.doc_number = doc.doc_number} AS plan
       ORDER BY o.id
     } AS older_plans
RETURN doc.id AS id, d IS NOT NULL AS stored, d.batch_hash AS batch_hash,
       [plan IN older_plans | plan.id] AS older, older_plans
"""


# Documents written whose derived structure is not yet rebuilt: the analysis clears the mark
# when it has finished (graph/analysis/statements.py), so a load killed in between is completed by
# the next one.
MARK_ANALYSIS_PENDING = (
    "UNWIND $docs AS id MATCH (d:Document {id: id}) SET d.analysis_pending = true"
)


@cache
def remove_documents_statements() -> tuple[str, ...]:
    """Statements that take the contribution of the documents ``$docs`` out of the graph, in order.

    Nodes owned by a document go with their relationships; shared nodes and relationships lose the
    documents from ``sources`` and go only when no other document supports them.
    """
    owned = tuple(
        f"UNWIND $docs AS doc MATCH (n:{label} {{doc: doc}}) DETACH DELETE n"
        for label in LABELS_BY_SCOPE["document"]
        if label != "Document"
    )
    shared_rels = tuple(
        f"MATCH ()-[r:{spec.type}]->() WHERE any(s IN r.sources WHERE s IN $docs) "
        "SET r.sources = [s IN r.sources WHERE NOT s IN $docs] "
        "WITH r WHERE size(r.sources) = 0 DELETE r"
        for spec in RELATIONSHIPS
        if spec.scope == "shared"
    )
    shared_nodes = tuple(
        f"MATCH (n:{label}) WHERE any(s IN n.sources WHERE s IN $docs) "
        "SET n.sources = [s IN n.sources WHERE NOT s IN $docs] "
        "WITH n WHERE size(n.sources) = 0 DETACH DELETE n"
        for label in LABELS_BY_SCOPE["shared"]
    )
    document = ("UNWIND $docs AS doc MATCH (d:Document {id: doc}) DETACH DELETE d",)
    return owned + shared_rels + document + shared_nodes


# Relationships first, then nodes, in small transactions: a node with 100,000 relationships, or
# 10,000 nodes leaving the full-text index, would not fit in one transaction's memory.
CLEAR_DATABASE = (
    "MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS",
    "MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 1000 ROWS",
)

COUNT_BY_LABEL = (
    "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label"
)
COUNT_BY_TYPE = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type"
