MATCH (m:Measure)
WHERE m.id = $measure OR m.text CONTAINS $measure
WITH m LIMIT 20
MATCH (m)-[s:SIMILAR_TO]-(o:Measure)
MATCH (dm:Document {id: m.doc})-[:FOR_REGION]->(rm:Region)
MATCH (d:Document {id: o.doc})-[:FOR_REGION]->(r:Region)
RETURN rm.name AS region, m.id AS measure, m.text AS text, r.name AS other_region, o.id AS other_measure,
       o.text AS other_text, s.score AS score, s.shared AS shared
ORDER BY score DESC
LIMIT $limit
