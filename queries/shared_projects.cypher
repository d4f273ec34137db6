MATCH (r:Region)-[:ADOPTS]->(p:Project)
WITH p, collect(DISTINCT r.name) AS regions
WHERE size(regions) >= $min_regions
RETURN p.name AS project, size(regions) AS region_count, regions
ORDER BY region_count DESC, project
LIMIT $limit
