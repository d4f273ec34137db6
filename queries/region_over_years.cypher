MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
WHERE (r.name = $region OR r.id = $region) AND d.year IS NOT NULL
CALL (d) {
  MATCH (g:Goal {doc: d.id})-[:MENTIONS]->(x) WHERE x:Project OR x:Policy
  RETURN coalesce(x.name, x.title) AS name
  UNION
  MATCH (m:Measure {doc: d.id})-[:MENTIONS]->(x) WHERE x:Project OR x:Policy
  RETURN coalesce(x.name, x.title) AS name
}
WITH d.year AS year, collect(DISTINCT name) AS names
ORDER BY year
WITH collect({year: year, names: names}) AS plans
UNWIND range(0, size(plans) - 1) AS i
WITH plans[i] AS cur, CASE WHEN i > 0 THEN plans[i - 1] END AS prev
UNWIND cur.names + [n IN coalesce(prev.names, []) WHERE NOT n IN cur.names] AS name
RETURN cur.year AS year, name,
       CASE WHEN prev IS NULL THEN 'first plan'
            WHEN NOT name IN cur.names THEN 'dropped'
            WHEN name IN prev.names THEN 'continued'
            ELSE 'new' END AS status
ORDER BY year, status, name
