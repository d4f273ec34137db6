MATCH (r:Region)-[:ADOPTS]->(p:Policy)
RETURN p.title AS policy, count(DISTINCT r) AS regions, collect(DISTINCT r.name) AS region_names
ORDER BY regions DESC, policy
LIMIT $limit
