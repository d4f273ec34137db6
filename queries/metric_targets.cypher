MATCH (t:Target)
WHERE t.metric CONTAINS $metric
MATCH (d:Document {id: t.doc})-[:FOR_REGION]->(r:Region)
RETURN r.name AS region, d.year AS year, t.metric AS metric, t.comparator AS comparator, t.value AS value,
       t.unit AS unit, t.deadline AS deadline, t.text AS evidence
ORDER BY unit, value DESC, region
LIMIT $limit
