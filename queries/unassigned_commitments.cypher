MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
WHERE $region = '' OR r.name = $region OR r.id = $region
MATCH (g:Goal {doc: d.id})
WHERE NOT EXISTS { (g)<-[:RESPONSIBLE_FOR]-(:Institution) }
  AND NOT EXISTS { (g)-[:HAS_MEASURE]->(:Measure)<-[:RESPONSIBLE_FOR]-(:Institution) }
RETURN r.name AS region, d.title AS document, g.number AS number, g.title AS goal, g.id AS id
ORDER BY region, g.order
LIMIT $limit
