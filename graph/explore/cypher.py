"""Every Cypher statement of the app's read side (graph/explore/) that no saved query asks: values
travel as parameters. Where a read answers what a saved query in queries/ answers, the read runs
that query (graph/explore/saved.py) instead of a statement here."""

from __future__ import annotations

# -- graph views: nodes and relationships by element id, drawn by the app ----------------------


# What a node is called in a graph view: the first of these properties that it has (whole: the
# view shortens its captions and shows the full name when a node is selected).
_CAPTION = (
    "coalesce(n.name, n.title, n.label, CASE WHEN n:Document"
    " THEN n.region_name + ' ' + toString(n.year) ELSE n.text END, n.id)"
)

_NODE_MAP = f"{{key: elementId(n), label: labels(n)[0], id: n.id, name: {_CAPTION}}}"

_REL_MAP = (
    "{key: elementId(r), type: type(r), start: elementId(startNode(r)), end: elementId(endNode(r))}"
)

_AS_GRAPH_VIEW = (
    f"RETURN [n IN nodes WHERE n IS NOT NULL | {_NODE_MAP}] AS nodes,\n"
    f"       [r IN rels WHERE r IS NOT NULL | {_REL_MAP}] AS rels"
)

NEIGHBOURS = f"""
MATCH (seed) WHERE elementId(seed) IN $keys
MATCH (seed)-[r]-(m)
WITH seed, type(r) AS kind, r, m ORDER BY m.id
WITH seed, kind, collect([r, m])[..$per_type] AS some
UNWIND some AS pair
WITH collect(DISTINCT seed) + collect(DISTINCT pair[1]) AS nodes, collect(pair[0]) AS rels
{_AS_GRAPH_VIEW}
"""

# -- what is loaded: counts, plans, the source text of an item ------------------------------------

COUNTS = """
CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS name, count(*) AS count }
RETURN name, count ORDER BY name
UNION ALL
CALL () { MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count }
RETURN name, count ORDER BY name
"""

DOCUMENTS = """
MATCH (d:Document)
OPTIONAL MATCH (d)-[:FOR_REGION]->(r:Region)
OPTIONAL MATCH (r)-[:PART_OF*1..2]->(p:Region {level: 'province'})
RETURN d.id AS id, d.title AS title, d.year AS year, d.doc_number AS doc_number,
       d.issuers AS issuers, d.source AS source, r.name AS region, r.id AS adcode,
       coalesce(p.name, CASE r.level WHEN 'province' THEN r.name END) AS province,
       COUNT { (d)-[:HAS_GOAL]->(:Goal) } AS goals
ORDER BY province, region, year, title
"""

REGION_NAMES = """
MATCH (d:Document)-[:FOR_REGION]->(r:Region)
RETURN DISTINCT r.name AS name, r.id AS adcode ORDER BY adcode
"""

SOURCE_SPAN = """
CALL () {
  MATCH (n:Goal {id: $id}) RETURN n
  UNION MATCH (n:Measure {id: $id}) RETURN n
  UNION MATCH (n:Target {id: $id}) RETURN n
  UNION MATCH (n:Section {id: $id}) RETURN n
}
MATCH (d:Document {id: n.doc})
RETURN d.id AS doc, d.title AS title, d.text AS text, n.start AS start, n.end AS end
"""

# -- the plan reader ------------------------------------------------------------------------------

PLAN = """
MATCH (d:Document {id: $doc})
OPTIONAL MATCH (d)-[:FOR_REGION]->(r:Region)
RETURN d.id AS doc, d.title AS title, d.year AS year, d.text AS text, r.name AS region
"""

SPANS = """
MATCH (d:Document {id: $doc})
CALL (d) {
  MATCH (n:Goal {doc: d.id})
  RETURN 'goal' AS kind, n.id AS id, n.start AS start, n.end AS end, n.title AS name
  UNION ALL
  MATCH (n:Measure {doc: d.id})
  RETURN 'measure' AS kind, n.id AS id, n.start AS start, n.end AS end, n.text AS name
  UNION ALL
  MATCH (n:Target {doc: d.id})
  RETURN 'target' AS kind, n.id AS id, n.start AS start, n.end AS end, n.text AS name
  UNION ALL
  MATCH (d)-[m:MENTIONS]->(e:Project|Policy|Institution)
  UNWIND range(0, size(m.starts) - 1) AS k
  RETURN toLower(labels(e)[0]) AS kind, e.id AS id, m.starts[k] AS start, m.ends[k] AS end,
         coalesce(e.name, e.title) AS name
  UNION ALL
  MATCH (:Goal|Measure {doc: d.id})-[m:MENTIONS]->(e:Project|Policy|Institution)
  UNWIND range(0, size(m.starts) - 1) AS k
  RETURN toLower(labels(e)[0]) AS kind, e.id AS id, m.starts[k] AS start, m.ends[k] AS end,
         coalesce(e.name, e.title) AS name
  UNION ALL
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(:Goal|Measure {doc: d.id})
  WHERE x.start IS NOT NULL
  RETURN 'responsibility' AS kind, u.id AS id, x.start AS start, x.end AS end, u.name AS name
}
RETURN DISTINCT kind, id, start, end, name
ORDER BY start, end DESC
"""

ITEM = """
CALL () {
  MATCH (n:Goal {id: $id}) RETURN n
  UNION MATCH (n:Measure {id: $id}) RETURN n
  UNION MATCH (n:Target {id: $id}) RETURN n
}
OPTIONAL MATCH (n)-[r]-(m) WHERE NOT m:Document
WITH n, r, m ORDER BY type(r), m.start, coalesce(m.name, m.title, m.label, m.text)
RETURN toLower(labels(n)[0]) AS kind, n {.*, text: null} AS props, n.text AS text,
       [x IN collect(CASE WHEN r IS NOT NULL THEN {
          type: type(r), outgoing: startNode(r) = n, role: r.role, kind: toLower(labels(m)[0]),
          name: coalesce(m.name, m.title, m.label, m.text), name_en: m.label_en, doc: m.doc,
          start: m.start, score: r.score}
        END) | x] AS neighbours
"""

# -- regions: a region's items and graph, regions side by side ----------------------------------

REGION_GRAPH = f"""
MATCH (region:Region)<-[fr:FOR_REGION]-(d:Document)
WHERE region.id = $region OR region.name = $region
OPTIONAL MATCH (region)-[po:PART_OF]->(parent:Region)
OPTIONAL MATCH (issuer:Institution)-[iss:ISSUED]->(d)
OPTIONAL MATCH (d)-[hg:HAS_GOAL]->(goal:Goal)
OPTIONAL MATCH (goal)-[me:MENTIONS]->(entity:Project|Policy)
OPTIONAL MATCH (unit:Institution)-[duty:RESPONSIBLE_FOR]->(goal)
WITH collect(region) + collect(d) + collect(parent) + collect(issuer) + collect(goal)
       + collect(entity) + collect(unit) AS nodes,
     collect(fr) + collect(po) + collect(iss) + collect(hg) + collect(me) + collect(duty) AS rels
{_AS_GRAPH_VIEW}
"""

REGION_ATTACHMENTS = """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document) WHERE r.id = $region OR r.name = $region
CALL (d) {
  MATCH (i:Goal|Measure {doc: d.id}) RETURN i
  UNION
  RETURN d AS i
}
CALL (i) {
  MATCH (i)-[:SETS_TARGET]->(t:Target) RETURN 'target' AS kind, t.id AS id, t.text AS name
  UNION
  MATCH (i)-[:MENTIONS]->(p:Project) RETURN 'project' AS kind, p.id AS id, p.name AS name
  UNION
  MATCH (i)-[:MENTIONS]->(p:Policy) RETURN 'policy' AS kind, p.id AS id, p.title AS name
  UNION
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(i)
  RETURN coalesce(x.role, 'lead') AS kind, u.id AS id, u.name AS name
  UNION
  MATCH (i)-[:MENTIONS]->(u:Institution) RETURN 'institution' AS kind, u.id AS id, u.name AS name
}
RETURN i.id AS item, kind, id, name
ORDER BY item, kind, name
"""

ADOPTIONS = """
MATCH (r:Region)-[a:ADOPTS]->(x) WHERE r.id IN $regions
RETURN r.id AS adcode, r.name AS region, labels(x)[0] AS kind, x.id AS id,
       coalesce(x.name, x.title) AS initiative
ORDER BY initiative, adcode
"""

REGION_SIZES = """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document) WHERE r.id IN $regions
RETURN r.id AS adcode, r.name AS region, count(DISTINCT d) AS plans,
       sum(COUNT { (g:Goal {doc: d.id}) }) AS goals,
       sum(COUNT { (m:Measure {doc: d.id}) }) AS measures,
       sum(COUNT { (t:Target {doc: d.id}) }) AS targets
ORDER BY adcode
"""

SIMILAR_REGIONS = """
MATCH (a:Region)-[s:SIMILAR_TO]-(b:Region)
WHERE a.id IN $regions AND b.id IN $regions AND a.id < b.id
RETURN a.name AS region, b.name AS other_region, s.score AS score
ORDER BY score DESC
"""

SIMILAR_MEASURES_BETWEEN = """
MATCH (ra:Region)<-[:FOR_REGION]-(da:Document), (rb:Region)<-[:FOR_REGION]-(db:Document)
WHERE ra.id IN $regions AND rb.id IN $regions AND ra.id < rb.id
MATCH (ma:Measure {doc: da.id})-[s:SIMILAR_TO]-(mb:Measure {doc: db.id})
RETURN ra.name AS region, ma.id AS measure, ma.text AS text, rb.name AS other_region,
       mb.id AS other_measure, mb.text AS other_text, s.score AS score
ORDER BY score DESC
LIMIT $limit
"""

MOST_SIMILAR_PAIR = """
MATCH (a:Region)-[s:SIMILAR_TO]->(b:Region)
RETURN a.id AS a, b.id AS b ORDER BY s.score DESC, a, b LIMIT 1
"""

# -- initiatives: projects and policies the regions adopt ---------------------------------------

INITIATIVES = """
MATCH (r:Region)-[:ADOPTS]->(x)
RETURN labels(x)[0] AS kind, x.id AS id, coalesce(x.name, x.title) AS name,
       count(DISTINCT r) AS regions
ORDER BY regions DESC, name
"""

# The initiatives offered for a choice: the most adopted whose name (or a variant) holds $text, and
# the one chosen before ($keep, from a shared link), without reading all of them at national scale.
INITIATIVE_CHOICES = """
MATCH (r:Region)-[:ADOPTS]->(x)
WHERE x.id = $keep OR $text = '' OR coalesce(x.name, x.title) CONTAINS $text
   OR any(a IN coalesce(x.aliases, []) WHERE a CONTAINS $text)
WITH x, count(DISTINCT r) AS regions
RETURN labels(x)[0] AS kind, x.id AS id, coalesce(x.name, x.title) AS name, regions
ORDER BY x.id = $keep DESC, regions DESC, name
LIMIT $limit
"""

_INITIATIVE = """
CALL () {
  MATCH (x:Project {id: $id}) RETURN x
  UNION
  MATCH (x:Policy {id: $id}) RETURN x
}
"""

SIMILAR_ELSEWHERE = (
    _INITIATIVE
    + """
MATCH (m:Measure)-[:MENTIONS]->(x)
MATCH (m)-[s:SIMILAR_TO]-(o:Measure)
MATCH (d:Document {id: o.doc})-[:FOR_REGION]->(r:Region)
WHERE NOT (r)-[:ADOPTS]->(x)
OPTIONAL MATCH (o)-[:MENTIONS]->(p:Project)
RETURN r.name AS region, o.id AS measure, o.text AS text, s.score AS score,
       collect(DISTINCT p.name) AS projects, m.text AS like
ORDER BY score DESC
LIMIT $limit
"""
)

CO_ADOPTED = (
    _INITIATIVE
    + """
MATCH (r:Region)-[:ADOPTS]->(x)
WITH x, collect(r) AS adopters
UNWIND adopters AS r
MATCH (r)-[:ADOPTS]->(y) WHERE y <> x
WITH x, adopters, y, count(DISTINCT r) AS shared
MATCH (other:Region)-[:ADOPTS]->(y)
WITH y, shared, size(adopters) AS with_x, count(DISTINCT other) AS with_y
RETURN labels(y)[0] AS kind, coalesce(y.name, y.title) AS initiative, shared,
       round(1.0 * shared / (with_x + with_y - shared), 3) AS jaccard
ORDER BY jaccard DESC, shared DESC, initiative
LIMIT $limit
"""
)

# -- responsibility ------------------------------------------------------------------------------

# The chain around the goals and measures $items (found by the saved queries responsibility_chain
# and institution_duties): the focus $name each item is about (a project by name or alias, an
# institution by name, or the item itself by id), their goals, documents, regions up to the parent,
# issuers and responsible units.
CHAIN = f"""
MATCH (item:Goal|Measure) WHERE item.id IN $items
CALL (item) {{
  MATCH (item)-[:MENTIONS]->(focus:Project)
  WHERE focus.name = $name OR $name IN coalesce(focus.aliases, [])
  RETURN focus
  UNION
  MATCH (focus:Institution {{name: $name}})-[:RESPONSIBLE_FOR]->(item)
  RETURN focus
  UNION
  MATCH (focus:Goal|Measure {{id: $name}}) WHERE focus = item
  RETURN focus
}}
MATCH (d:Document {{id: item.doc}})-[fr:FOR_REGION]->(region:Region)
OPTIONAL MATCH (item)-[link:MENTIONS|RESPONSIBLE_FOR]-(focus)
OPTIONAL MATCH (goal:Goal)-[hm:HAS_MEASURE]->(item)
WITH focus, item, d, fr, region, link, goal, hm, coalesce(goal, item) AS owner
OPTIONAL MATCH (d)-[hg:HAS_GOAL]->(owner)
CALL (item, owner) {{
  OPTIONAL MATCH (unit:Institution)-[duty:RESPONSIBLE_FOR]->(item) RETURN unit, duty
  UNION
  OPTIONAL MATCH (unit:Institution)-[duty:RESPONSIBLE_FOR]->(owner) RETURN unit, duty
}}
OPTIONAL MATCH (issuer:Institution)-[iss:ISSUED]->(d)
OPTIONAL MATCH (region)-[po:PART_OF]->(parent:Region)
WITH collect(focus) + collect(item) + collect(d) + collect(region) + collect(goal)
       + collect(unit) + collect(issuer) + collect(parent) AS nodes,
     collect(link) + collect(fr) + collect(hm) + collect(hg) + collect(duty) + collect(iss)
       + collect(po) AS rels
{_AS_GRAPH_VIEW}
"""

RESPONSIBLE_INSTITUTIONS = """
MATCH (i:Institution)-[:RESPONSIBLE_FOR]->()
RETURN i.name AS name, count(*) AS items
ORDER BY items DESC, name
"""

# $focus: '' for every item, else a project (name or alias) the item mentions or an institution
# responsible for it. A measure without units of its own takes its goal's.
DUTIES = """
MATCH (w:Region) WHERE w.id = $region OR w.name = $region
MATCH (r:Region)-[:PART_OF*0..]->(w)
MATCH (d:Document)-[:FOR_REGION]->(r)
MATCH (i:Goal|Measure {doc: d.id})
WHERE $focus = ''
   OR EXISTS { MATCH (i)-[:MENTIONS]->(p:Project)
               WHERE p.name = $focus OR $focus IN coalesce(p.aliases, []) }
   OR EXISTS { MATCH (:Institution {name: $focus})-[:RESPONSIBLE_FOR]->(i) }
OPTIONAL MATCH (goal:Goal)-[:HAS_MEASURE]->(i)
OPTIONAL CALL (i, goal, d) {
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(i)
  RETURN u.name AS unit, x.role AS role, x.source AS source, false AS inherited,
         CASE WHEN x.start IS NOT NULL THEN substring(d.text, x.start, x.end - x.start) END AS said
  UNION
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(goal)
  WHERE NOT EXISTS { (:Institution)-[:RESPONSIBLE_FOR]->(i) }
  RETURN u.name AS unit, x.role AS role, x.source AS source, true AS inherited,
         CASE WHEN x.start IS NOT NULL THEN substring(d.text, x.start, x.end - x.start) END AS said
}
WITH r, d, i, goal, collect({unit: unit, role: role, source: source, inherited: inherited,
                             said: said}) AS units
RETURN r.name AS region, d.year AS year, d.title AS document, labels(i)[0] AS kind, i.id AS id,
       coalesce(i.title, i.text) AS text, goal.title AS goal, units
ORDER BY r.id, year, d.id, i.start
LIMIT $limit
"""

# The regions with a plan and every region above one, for choosing where to look (the
# responsibility page, and the search filters of graph/search.py).
REGIONS = """
MATCH (:Document)-[:FOR_REGION]->(:Region)-[:PART_OF*0..]->(a:Region)
RETURN DISTINCT a.id AS adcode, a.name AS name
ORDER BY adcode
"""

# -- themes --------------------------------------------------------------------------------------

# The regions above some plan's region: the scopes the themes page offers.
THEME_SCOPES = """
MATCH (a:Region)
WHERE EXISTS { MATCH (a)<-[:PART_OF*1..]-(r:Region) WHERE EXISTS { (r)-[:FOCUSES_ON]->() } }
RETURN a.id AS adcode, a.name AS name
ORDER BY adcode
"""

# FOCUSES_ON holds each region's goals and measures per theme, precomputed by the analysis step.
# The regions with a plan within $within, when they are at most $max (else null).
PLAN_REGIONS_WITHIN = """
CALL () {
  MATCH (r:Region) WHERE $within = '' RETURN r
  UNION
  MATCH (w:Region) WHERE w.id = $within OR w.name = $within
  MATCH (r:Region)-[:PART_OF*0..]->(w) RETURN r
}
WITH r WHERE EXISTS { (r)-[:FOCUSES_ON]->() }
WITH collect(r.id) AS adcodes
RETURN CASE WHEN size(adcodes) <= $max THEN adcodes END AS adcodes
"""

THEME_COUNTS = """
MATCH (r:Region)-[f:FOCUSES_ON]->(t:Theme) WHERE r.id IN $adcodes
RETURN r.name AS region, r.id AS adcode, t.id AS theme_id, t.label AS theme,
       t.label_en AS theme_en, f.items AS items
ORDER BY adcode, theme
"""

# With $subtree, the plans of the region and of every region under it.
THEME_ITEMS = """
MATCH (w:Region) WHERE w.id = $region OR w.name = $region
MATCH (r:Region)-[:PART_OF*0..]->(w) WHERE $subtree OR r = w
MATCH (r)<-[:FOR_REGION]-(d:Document)
MATCH (t:Theme) WHERE t.label = $theme OR t.id = $theme
MATCH (i:Goal|Measure {doc: d.id})-[:ABOUT]->(t)
RETURN r.name AS region, labels(i)[0] AS kind, i.id AS id, coalesce(i.title, i.text) AS text,
       d.year AS year
ORDER BY r.id, year, kind, i.start
"""


# -- maps: what each region with a plan shows under a measure -----------------------------------

# Every region with a plan, its level and the regions above it.
MAP_PLAN_REGIONS = """
MATCH (r:Region) WHERE EXISTS { (r)<-[:FOR_REGION]-(:Document) }
OPTIONAL MATCH (r)-[:PART_OF*1..3]->(a:Region)
RETURN r.id AS adcode, r.name AS name, r.level AS level,
       collect(a {.id, .level}) AS above
ORDER BY adcode
"""

MAP_VALUES = {
    "adopters": """
MATCH (r:Region)-[a:ADOPTS]->(x) WHERE x.id = $key AND (x:Project OR x:Policy)
RETURN r.id AS adcode, a.first_year AS value
""",
    "theme": """
MATCH (r:Region)-[f:FOCUSES_ON]->(t:Theme) WHERE t.id = $key OR t.label = $key
RETURN r.id AS adcode, f.items AS value
""",
    "targets": """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
RETURN r.id AS adcode, sum(COUNT { (:Target {doc: d.id}) }) AS value
""",
    "similarity": """
MATCH (a:Region)-[s:SIMILAR_TO]-(r:Region) WHERE a.id = $key OR a.name = $key
RETURN r.id AS adcode, s.score AS value
UNION
MATCH (a:Region) WHERE a.id = $key OR a.name = $key
RETURN a.id AS adcode, 1.0 AS value
""",
}

ADOPTION_YEARS = """
MATCH (r:Region)-[a:ADOPTS]->(x) WHERE x.id = $key AND (x:Project OR x:Policy)
RETURN a.first_year AS year, count(r) AS regions, collect(r.name) AS names
ORDER BY year
"""

# The taxonomy's themes (the map's and the search's choices).
THEMES = """
MATCH (t:Theme) RETURN t.id AS id, t.label AS label, t.label_en AS label_en ORDER BY id
"""
