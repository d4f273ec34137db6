MATCH (a:Region)-[s:SIMILAR_TO]->(b:Region)
RETURN a, s, b
ORDER BY s.score DESC
LIMIT $limit
