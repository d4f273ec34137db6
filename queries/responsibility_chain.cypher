CALL () {
  MATCH (p:Project) WHERE p.name = $name OR $name IN coalesce(p.aliases, [])
  MATCH (item)-[:MENTIONS]->(p) WHERE item:Goal OR item:Measure
  RETURN item
  UNION
  MATCH (item:Goal {id: $name}) RETURN item
  UNION
  MATCH (item:Measure {id: $name}) RETURN item
}
MATCH (d:Document {id: item.doc})-[:FOR_REGION]->(r:Region)
OPTIONAL MATCH (r)-[:PART_OF]->(parent:Region)
OPTIONAL MATCH (goal:Goal)-[:HAS_MEASURE]->(item)
WITH item, d, r, parent, coalesce(goal, item) AS owner
RETURN DISTINCT r.name AS region, parent.name AS parent_region,
       COLLECT { MATCH (issuer:Institution)-[:ISSUED]->(d) RETURN DISTINCT issuer.name } AS issuers,
       d.title AS document, owner.title AS goal,
       CASE WHEN item:Measure THEN item.text END AS measure,
       COLLECT {
         MATCH (unit:Institution)-[duty:RESPONSIBLE_FOR]->(item)
         RETURN unit.name + ' (' + duty.role + ', ' + duty.source + ')' AS unit
         UNION
         MATCH (unit:Institution)-[duty:RESPONSIBLE_FOR]->(owner)
         RETURN unit.name + ' (' + duty.role + ', ' + duty.source + ')' AS unit
       } AS responsible,
       item.id AS id
ORDER BY region, goal
LIMIT $limit
