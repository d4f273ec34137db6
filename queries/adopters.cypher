MATCH (r:Region)-[a:ADOPTS]->(x)
WHERE (x:Project OR x:Policy)
  AND (coalesce(x.name, x.title) CONTAINS $name
       OR any(alias IN coalesce(x.aliases, []) WHERE alias CONTAINS $name))
RETURN r.name AS region, r.id AS adcode, labels(x)[0] AS kind, coalesce(x.name, x.title) AS initiative,
       a.measures AS items, a.first_year AS first_year, a.evidence AS evidence,
       a.evidence_items AS evidence_items
ORDER BY initiative, adcode
LIMIT $limit
