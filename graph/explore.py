"""Read-only views behind the app's exploration pages: a region's profile, regions side by side,
who adopts an initiative, responsibility chains and neighbourhoods as subgraphs, themes by region.

Plain functions over a driver that return plain data; no Streamlit here. Subgraphs identify nodes
by their element id, so the app can expand any node it shows without knowing its label.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from neo4j import Driver

from graph.db import read
from graph.queries import get_query

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
_AS_SUBGRAPH = (
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
{_AS_SUBGRAPH}
"""

RESPONSIBILITY = f"""
CALL () {{
  MATCH (p:Project) WHERE p.name = $name OR $name IN coalesce(p.aliases, [])
  MATCH (item:Goal|Measure)-[:MENTIONS]->(p)
  RETURN p AS focus, item
  UNION
  MATCH (i:Institution {{name: $name}})-[:RESPONSIBLE_FOR]->(item:Goal|Measure)
  RETURN i AS focus, item
  UNION
  MATCH (item:Goal|Measure {{id: $name}})
  RETURN item AS focus, item
}}
WITH focus, item LIMIT $limit
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
{_AS_SUBGRAPH}
"""

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
{_AS_SUBGRAPH}
"""

REGION_GOALS = """
MATCH (r:Region)<-[:FOR_REGION]-(d:Document) WHERE r.id = $region OR r.name = $region
MATCH (g:Goal {doc: d.id})
OPTIONAL MATCH (g)-[:HAS_MEASURE]->(m:Measure)
WITH d, g, m ORDER BY g.order, m.order
RETURN d.id AS doc, d.year AS year, d.title AS document, g.id AS goal_id, g.number AS number,
       g.title AS goal, g.order AS position, collect(m {.id, .text}) AS measures
ORDER BY year, doc, position
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

INITIATIVES = """
MATCH (r:Region)-[:ADOPTS]->(x)
RETURN labels(x)[0] AS kind, x.id AS id, coalesce(x.name, x.title) AS name,
       count(DISTINCT r) AS regions
ORDER BY regions DESC, name
"""

_INITIATIVE = """
CALL () {
  MATCH (x:Project {id: $id}) RETURN x
  UNION
  MATCH (x:Policy {id: $id}) RETURN x
}
"""

ADOPTERS = (
    _INITIATIVE
    + """
MATCH (r:Region)-[a:ADOPTS]->(x)
RETURN r.name AS region, r.id AS adcode, a.first_year AS first_year, a.measures AS items,
       a.evidence AS evidence, a.evidence_items AS evidence_items
ORDER BY adcode
"""
)

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

RESPONSIBLE_INSTITUTIONS = """
MATCH (i:Institution)-[:RESPONSIBLE_FOR]->()
RETURN i.name AS name, count(*) AS items
ORDER BY items DESC, name
"""

# A heatmap stays readable up to about this many regions; a wider scope is shown one level down,
# each region summed over its subtree (the saved query themes_by_region).
THEME_REGIONS_MAX = 40

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


@dataclass(frozen=True, slots=True)
class GraphNode:
    key: str  # the element id: stable for as long as the app looks at the graph
    label: str
    id: str | None
    name: str


@dataclass(frozen=True, slots=True)
class GraphEdge:
    key: str
    type: str
    start: str
    end: str


@dataclass(slots=True)
class Subgraph:
    nodes: dict[str, GraphNode] = field(default_factory=dict)
    edges: dict[str, GraphEdge] = field(default_factory=dict)

    def merge(self, other: Subgraph) -> Subgraph:
        """A subgraph holding both."""
        return Subgraph({**self.nodes, **other.nodes}, {**self.edges, **other.edges}).pruned()

    def pruned(self) -> Subgraph:
        """Without the edges whose ends are missing (a graph view cannot draw them)."""
        keep = {k: e for k, e in self.edges.items() if {e.start, e.end} <= self.nodes.keys()}
        return Subgraph(self.nodes, keep)


@dataclass(frozen=True, slots=True)
class GoalView:
    doc: str
    year: int | None
    document: str | None
    goal_id: str
    number: str | None
    goal: str
    measures: tuple[tuple[str, str], ...]  # (id, text)


@dataclass(frozen=True, slots=True)
class RegionProfile:
    goals: tuple[GoalView, ...]
    # item id (goal, measure or document) → kind → [(entity id, name)]; kinds: target, project,
    # policy, institution (mentioned), lead and support (responsible units)
    attachments: dict[str, dict[str, list[tuple[str, str]]]]

    def of(self, item: str, kind: str) -> list[tuple[str, str]]:
        return self.attachments.get(item, {}).get(kind, [])

    def all_of(self, kind: str) -> list[str]:
        names = {name for by_kind in self.attachments.values() for _, name in by_kind.get(kind, [])}
        return sorted(names)


def _subgraph(rows: list[dict[str, Any]]) -> Subgraph:
    if not rows:
        return Subgraph()
    nodes = [GraphNode(n["key"], n["label"], n["id"], str(n["name"])) for n in rows[0]["nodes"]]
    edges = [GraphEdge(r["key"], r["type"], r["start"], r["end"]) for r in rows[0]["rels"]]
    return Subgraph({n.key: n for n in nodes}, {e.key: e for e in edges}).pruned()


def neighbours(driver: Driver, keys: list[str], *, database: str, per_type: int = 20) -> Subgraph:
    """The nodes given by element id, their relationships and neighbours: at most ``per_type`` of
    each relationship type, so that 100 adopted projects do not hide the parent region."""
    rows = read(driver, NEIGHBOURS, {"keys": keys, "per_type": per_type}, database=database)
    return _subgraph(rows)


def responsibility(driver: Driver, name: str, *, database: str, limit: int = 100) -> Subgraph:
    """The chain around a project, an institution (by name) or a goal or measure (by id): items,
    their goals, documents, regions up to the parent, issuers and responsible units."""
    rows = read(driver, RESPONSIBILITY, {"name": name, "limit": limit}, database=database)
    return _subgraph(rows)


def region_graph(driver: Driver, region: str, *, database: str) -> Subgraph:
    """A region's plans, their goals, the projects and policies the goals name and who is
    responsible for them."""
    return _subgraph(read(driver, REGION_GRAPH, {"region": region}, database=database))


def region_profile(driver: Driver, region: str, *, database: str) -> RegionProfile:
    """Goals with their measures, and what hangs off every item, for a region name or adcode."""
    params = {"region": region}
    goals = tuple(_goal_view(row) for row in read(driver, REGION_GOALS, params, database=database))
    attachments: dict[str, dict[str, list[tuple[str, str]]]]
    attachments = defaultdict(lambda: defaultdict(list))
    for row in read(driver, REGION_ATTACHMENTS, params, database=database):
        attachments[row["item"]][row["kind"]].append((row["id"], row["name"]))
    return RegionProfile(goals, {k: dict(v) for k, v in attachments.items()})


def _goal_view(row: dict[str, Any]) -> GoalView:
    measures = tuple((m["id"], m["text"]) for m in row["measures"])
    return GoalView(
        row["doc"], row["year"], row["document"], row["goal_id"], row["number"], row["goal"],
        measures,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Comparison:
    sizes: list[dict[str, Any]]
    # initiative name → (kind, adcodes of the regions that adopt it)
    adoptions: dict[str, tuple[str, frozenset[str]]]
    similar_regions: list[dict[str, Any]]
    similar_measures: list[dict[str, Any]]

    def shared(self, regions: list[str]) -> list[str]:
        return sorted(n for n, (_, by) in self.adoptions.items() if by >= set(regions))

    def only(self, region: str) -> list[str]:
        return sorted(n for n, (_, by) in self.adoptions.items() if by == {region})


def compare(driver: Driver, adcodes: list[str], *, database: str, limit: int = 30) -> Comparison:
    """Two or more regions side by side: sizes, initiatives shared and unique, similar measures."""
    params: dict[str, Any] = {"regions": adcodes, "limit": limit}
    adoptions: dict[str, tuple[str, set[str]]] = {}
    for row in read(driver, ADOPTIONS, params, database=database):
        _, regions = adoptions.setdefault(row["initiative"], (row["kind"], set()))
        regions.add(row["adcode"])
    return Comparison(
        read(driver, REGION_SIZES, params, database=database),
        {name: (kind, frozenset(by)) for name, (kind, by) in adoptions.items()},
        read(driver, SIMILAR_REGIONS, params, database=database),
        read(driver, SIMILAR_MEASURES_BETWEEN, params, database=database),
    )


def initiatives(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """Every adopted project and policy with the number of regions that adopt it."""
    return read(driver, INITIATIVES, database=database)


@dataclass(frozen=True, slots=True)
class InitiativeView:
    adopters: list[dict[str, Any]]
    similar_elsewhere: list[dict[str, Any]]
    co_adopted: list[dict[str, Any]]


def initiative(
    driver: Driver, initiative_id: str, *, database: str, limit: int = 30
) -> InitiativeView:
    """Who adopts a project or policy (with evidence), similar measures in regions that do not
    name it, and the initiatives most often adopted together with it."""
    params: dict[str, Any] = {"id": initiative_id, "limit": limit}
    return InitiativeView(
        read(driver, ADOPTERS, params, database=database),
        read(driver, SIMILAR_ELSEWHERE, params, database=database),
        read(driver, CO_ADOPTED, params, database=database),
    )


def responsible_institutions(driver: Driver, *, database: str) -> list[str]:
    """Institutions named as responsible for an item, the busiest first."""
    return [r["name"] for r in read(driver, RESPONSIBLE_INSTITUTIONS, database=database)]


def theme_scopes(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    """The regions with plans under them (adcode, name), for choosing what the themes cover."""
    return read(driver, THEME_SCOPES, database=database)


def theme_counts(driver: Driver, within: str = "", *, database: str) -> list[dict[str, Any]]:
    """Goals and measures per region and theme, for the plans within a region (name or adcode;
    empty for the whole country). Each region with a plan is a row of its own when there are at
    most ``THEME_REGIONS_MAX`` of them; otherwise the rows are the regions directly under
    ``within``, each summed over its subtree, and ``within``'s own plan. ``subtree`` tells which."""
    params = {"within": within, "max": THEME_REGIONS_MAX}
    (found,) = read(driver, PLAN_REGIONS_WITHIN, params, database=database)
    if found["adcodes"] is not None:
        listed = read(driver, THEME_COUNTS, {"adcodes": found["adcodes"]}, database=database)
        return [{**row, "subtree": False} for row in listed]
    rows = read(driver, get_query("themes_by_region").cypher, {"within": within}, database=database)
    return [{**row, "subtree": within not in (row["adcode"], row["region"])} for row in rows]


def theme_items(
    driver: Driver, region: str, theme: str, *, subtree: bool = False, database: str
) -> list[dict[str, Any]]:
    """The goals and measures about a theme (label or id) of a region's plans, and with
    ``subtree`` of the plans of the regions under it too."""
    params = {"region": region, "theme": theme, "subtree": subtree}
    return read(driver, THEME_ITEMS, params, database=database)


def region_themes(driver: Driver, adcodes: list[str], *, database: str) -> list[dict[str, Any]]:
    """Goals and measures per theme of each of these regions' plans (the FOCUSES_ON counts)."""
    return read(driver, THEME_COUNTS, {"adcodes": adcodes}, database=database)


MOST_SIMILAR_PAIR = """
MATCH (a:Region)-[s:SIMILAR_TO]->(b:Region)
RETURN a.id AS a, b.id AS b ORDER BY s.score DESC, a, b LIMIT 1
"""


def most_similar_pair(driver: Driver, *, database: str) -> list[str]:
    """The adcodes of the two regions whose plans are most alike (none before the analysis)."""
    rows = read(driver, MOST_SIMILAR_PAIR, database=database)
    return [rows[0]["a"], rows[0]["b"]] if rows else []
