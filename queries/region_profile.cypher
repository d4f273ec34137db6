MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
WHERE r.name = $region OR r.id = $region
CALL (d, r) {
  MATCH (g:Goal {doc: d.id})
  RETURN 'goal' AS kind, g.id AS id, coalesce(g.number + '. ', '') + g.title AS item, g.order AS position,
         g.id AS goal, g.number AS number
  UNION ALL
  MATCH (m:Measure {doc: d.id})
  OPTIONAL MATCH (g:Goal)-[:HAS_MEASURE]->(m)
  RETURN 'measure' AS kind, m.id AS id, m.text AS item, 1000 + m.order AS position,
         g.id AS goal, null AS number
  UNION ALL
  MATCH (t:Target {doc: d.id})
  RETURN 'target' AS kind, t.id AS id,
         t.metric + ' ' + coalesce(t.comparator, '') + ' ' + toString(t.value) + coalesce(t.unit, '') AS item,
         100000 + t.start AS position, null AS goal, null AS number
  UNION ALL
  MATCH (r)-[:ADOPTS]->(p:Project)
  RETURN 'project' AS kind, p.id AS id, p.name AS item, 200000 AS position, null AS goal, null AS number
  UNION ALL
  MATCH (r)-[:ADOPTS]->(p:Policy)
  RETURN 'policy' AS kind, p.id AS id, p.title AS item, 300000 AS position, null AS goal, null AS number
  UNION ALL
  MATCH (i:Institution)-[:ISSUED|LOCATED_IN]->(x) WHERE x = d OR x = r
  RETURN DISTINCT 'institution' AS kind, i.id AS id, i.name + ' (' + i.kind + ')' AS item, 400000 AS position,
         null AS goal, null AS number
}
RETURN d.year AS year, kind, id, item, d.id AS doc, d.title AS document, goal, number
ORDER BY year, position, item
LIMIT $limit
