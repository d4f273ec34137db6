"""Every Cypher statement of the analysis step. Values travel as parameters; the only spliced
names are labels from graph.schema (Project, Policy), checked to be identifiers at import."""

from __future__ import annotations

from functools import cache

from graph.errors import GraphError
from graph.schema import NODE_BY_LABEL

ADOPTABLE = ("Project", "Policy")

PLAN_REGIONS = "MATCH (:Document)-[:FOR_REGION]->(r:Region) RETURN DISTINCT r.id AS id ORDER BY id"

# The regions a set of changed documents touches: where they are now, and where the derived
# relationships built from them were (a removed document is no longer in the graph).
AFFECTED_REGIONS = (
    "CALL () { UNWIND $docs AS doc "
    "  MATCH (:Document {id: doc})-[:FOR_REGION]->(r:Region) RETURN r.id AS id "
    "  UNION "
    "  MATCH (r:Region)-[a:ADOPTS]->() WHERE any(d IN a.docs WHERE d IN $docs) "
    "  RETURN r.id AS id "
    "  UNION "
    "  MATCH (r:Region)-[f:FOCUSES_ON]->() WHERE any(d IN f.docs WHERE d IN $docs) "
    "  RETURN r.id AS id } "
    "RETURN collect(DISTINCT id) AS ids"
)

ADOPTION_MENTIONS = """
UNWIND $regions AS region
MATCH (:Region {id: region})<-[:FOR_REGION]-(d:Document)
CALL (d) {
  MATCH (d)-[m:MENTIONS]->(e:Project|Policy)
  RETURN d.id AS item, m, e
  UNION
  MATCH (i:Goal|Measure {doc: d.id})-[m:MENTIONS]->(e:Project|Policy)
  RETURN i.id AS item, m, e
}
RETURN region, d.id AS doc, d.year AS year, item,
       CASE WHEN e:Project THEN 'Project' ELSE 'Policy' END AS label, e.id AS entity,
       m.starts AS starts, m.ends AS ends
"""

ADOPTION_CITES = """
UNWIND $regions AS region
MATCH (:Region {id: region})<-[:FOR_REGION]-(d:Document)-[:CITES]->(p:Policy)
RETURN region, d.id AS doc, d.year AS year, p.id AS entity
"""

DOCUMENT_TEXTS = (
    "UNWIND $docs AS doc MATCH (d:Document {id: doc}) RETURN d.id AS id, d.text AS text"
)

DELETE_ADOPTS = "UNWIND $regions AS region MATCH (:Region {id: region})-[a:ADOPTS]->() DELETE a"


@cache
def write_adopts(label: str) -> str:
    _check(label)
    return (
        "UNWIND $rows AS row\n"
        "MATCH (r:Region {id: row.region})\n"
        f"MATCH (e:{label} {{id: row.entity}})\n"
        "MERGE (r)-[a:ADOPTS]->(e)\n"
        "SET a = row.props"
    )


MEASURES = """
MATCH (d:Document)-[:FOR_REGION]->(r:Region)
MATCH (m:Measure {doc: d.id})
RETURN m.id AS id, elementId(m) AS key, r.id AS region, m.text AS text ORDER BY id
"""

DELETE_MEASURE_SIMILARITY = """
UNWIND $regions AS region
MATCH (:Region {id: region})<-[:FOR_REGION]-(d:Document)
MATCH (:Measure {doc: d.id})-[s:SIMILAR_TO]-(:Measure)
DELETE s
"""

DELETE_ALL_MEASURE_SIMILARITY = "MATCH (:Measure)-[s:SIMILAR_TO]->(:Measure) DELETE s"

# The analysis writes millions of relationships between nodes it has just read: it finds them by
# element id (a direct lookup, about twice as fast as the id index), and checks the id in case a
# load deleted the node since and its element id was reused.
WRITE_MEASURE_SIMILARITY = """
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a_key AND a.id = row.a
MATCH (b) WHERE elementId(b) = row.b_key AND b.id = row.b
MERGE (a)-[s:SIMILAR_TO]->(b)
SET s = row.props
"""

REGION_ADOPTIONS = """
MATCH (:Document)-[:FOR_REGION]->(r:Region)
WITH DISTINCT r
OPTIONAL MATCH (r)-[:ADOPTS]->(e)
RETURN r.id AS region, collect(DISTINCT coalesce(e.name, e.title)) AS entities
"""

REGION_MEASURE_COUNTS = """
MATCH (d:Document)-[:FOR_REGION]->(r:Region)
OPTIONAL MATCH (m:Measure {doc: d.id})
RETURN r.id AS region, count(DISTINCT m) AS measures
"""

SIMILAR_MEASURE_REGIONS = """
MATCH (a:Measure)-[:SIMILAR_TO]->(b:Measure)
MATCH (:Document {id: a.doc})-[:FOR_REGION]->(ra:Region)
MATCH (:Document {id: b.doc})-[:FOR_REGION]->(rb:Region)
RETURN a.id AS a, ra.id AS region_a, b.id AS b, rb.id AS region_b
"""

DELETE_REGION_SIMILARITY = (
    "UNWIND $regions AS region MATCH (:Region {id: region})-[s:SIMILAR_TO]-(:Region) DELETE s"
)

WRITE_REGION_SIMILARITY = """
UNWIND $rows AS row
MATCH (a:Region {id: row.a})
MATCH (b:Region {id: row.b})
MERGE (a)-[s:SIMILAR_TO]->(b)
SET s = row.props
"""

WRITE_THEMES = """
UNWIND $rows AS row
MERGE (t:Theme {id: row.id})
SET t = row.props, t.id = row.id
"""

WRITE_BROADER = """
UNWIND $rows AS row
MATCH (narrow:Theme {id: row.narrower})
MATCH (broad:Theme {id: row.broader})
MERGE (narrow)-[:BROADER]->(broad)
"""

DELETE_STALE_THEMES = "MATCH (t:Theme) WHERE NOT t.id IN $ids DETACH DELETE t"

DELETE_STALE_BROADER = """
MATCH (a:Theme)-[b:BROADER]->(c:Theme)
WHERE NOT [a.id, c.id] IN $pairs
DELETE b
"""

ITEMS = """
MATCH (d:Document) WHERE $docs IS NULL OR d.id IN $docs
MATCH (i:Goal|Measure {doc: d.id})
RETURN i.id AS id, elementId(i) AS key, CASE WHEN i:Goal THEN 'Goal' ELSE 'Measure' END AS label,
       coalesce(i.title, '') AS title, coalesce(i.text, '') AS text
ORDER BY id
"""

DELETE_ABOUT = """
MATCH (d:Document) WHERE $docs IS NULL OR d.id IN $docs
MATCH (:Goal|Measure {doc: d.id})-[a:ABOUT]->(:Theme)
DELETE a
"""


WRITE_ABOUT = """
UNWIND $rows AS row
MATCH (i) WHERE elementId(i) = row.key AND i.id = row.item
MATCH (t:Theme {id: row.theme})
MERGE (i)-[a:ABOUT]->(t)
SET a = row.props
"""


DELETE_FOCUSES_ON = (
    "UNWIND $regions AS region MATCH (:Region {id: region})-[f:FOCUSES_ON]->(:Theme) DELETE f"
)

# Per region and theme: the distinct goals and measures of the region's plans ABOUT the theme,
# and the plans they come from (in id order, so that the property is deterministic).
WRITE_FOCUSES_ON = """
UNWIND $regions AS region
MATCH (r:Region {id: region})<-[:FOR_REGION]-(d:Document)
WITH r, d ORDER BY d.id
WITH r, collect(d.id) AS plans
UNWIND plans AS doc
CALL (doc) {
  MATCH (i:Goal {doc: doc})-[:ABOUT]->(t:Theme) RETURN i, t
  UNION ALL
  MATCH (i:Measure {doc: doc})-[:ABOUT]->(t:Theme) RETURN i, t
}
WITH r, plans, t, collect(DISTINCT doc) AS found,
     count(DISTINCT CASE WHEN i:Goal THEN i END) AS goals,
     count(DISTINCT CASE WHEN i:Measure THEN i END) AS measures
MERGE (r)-[f:FOCUSES_ON]->(t)
SET f = {items: goals + measures, goals: goals, measures: measures,
         docs: [p IN plans WHERE p IN found], derived: true}
"""

COUNT_FOCUSES_ON = """
UNWIND $regions AS region
MATCH (:Region {id: region})-[f:FOCUSES_ON]->(:Theme)
RETURN count(f) AS n
"""


COUNTS = """
CALL () { MATCH ()-[r:ADOPTS]->() RETURN count(r) AS adopts }
CALL () { MATCH (:Measure)-[r:SIMILAR_TO]->(:Measure) RETURN count(r) AS similar_measures }
CALL () { MATCH (:Region)-[r:SIMILAR_TO]->(:Region) RETURN count(r) AS similar_regions }
CALL () { MATCH ()-[r:ABOUT]->() RETURN count(r) AS about }
CALL () { MATCH ()-[r:FOCUSES_ON]->() RETURN count(r) AS focuses_on }
CALL () { MATCH (t:Theme) RETURN count(t) AS themes }
RETURN adopts, similar_measures, similar_regions, about, focuses_on, themes
"""

NETWORK_NODES = """
MATCH (d:Document)-[:FOR_REGION]->(r:Region)
RETURN r.id AS id, r.name AS name, r.level AS level, count(DISTINCT d) AS plans
ORDER BY id
"""

NETWORK_EDGES = """
MATCH (a:Region)-[s:SIMILAR_TO]->(b:Region)
RETURN a.id AS a, b.id AS b, s.score AS score ORDER BY a, b
"""


def _check(label: str) -> None:
    if label not in NODE_BY_LABEL:
        raise GraphError(f"not a schema label: {label!r}")


# Full runs also clear what regions without a plan still carry from an earlier load.
DELETE_ORPHAN_DERIVED = (
    "MATCH (r:Region)-[a:ADOPTS]->() WHERE NOT (r)<-[:FOR_REGION]-(:Document) DELETE a",
    "MATCH (r:Region)-[s:SIMILAR_TO]-(:Region) WHERE NOT (r)<-[:FOR_REGION]-(:Document) DELETE s",
    "MATCH (r:Region)-[f:FOCUSES_ON]->() WHERE NOT (r)<-[:FOR_REGION]-(:Document) DELETE f",
)

# Documents written since their derived structure was last rebuilt (graph/cypher.py marks them in
# the transaction that writes them; a finished analysis clears the mark).
PENDING_DOCUMENTS = "MATCH (d:Document) WHERE d.analysis_pending RETURN d.id AS id ORDER BY id"
CLEAR_PENDING = (
    "MATCH (d:Document) WHERE d.analysis_pending AND ($docs IS NULL OR d.id IN $docs) "
    "REMOVE d.analysis_pending"
)
