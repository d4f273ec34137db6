MATCH (p:Project)
WITH p, COUNT { (p)<-[:ADOPTS]-(:Region) } AS region_count
WHERE region_count >= $min_regions
ORDER BY region_count DESC, p.name
LIMIT $limit
RETURN p.name AS project, region_count,
       COLLECT { MATCH (r:Region)-[:ADOPTS]->(p) RETURN r.name ORDER BY r.name LIMIT 100 } AS regions
