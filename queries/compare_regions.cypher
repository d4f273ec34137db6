MATCH (ra:Region) WHERE ra.name = $a OR ra.id = $a
MATCH (rb:Region) WHERE rb.name = $b OR rb.id = $b
CALL (ra, rb) {
  OPTIONAL MATCH (ra)-[:ADOPTS]->(x)
  WITH ra, rb, collect(DISTINCT coalesce(x.name, x.title)) AS in_a
  OPTIONAL MATCH (rb)-[:ADOPTS]->(y)
  WITH in_a, collect(DISTINCT coalesce(y.name, y.title)) AS in_b
  UNWIND [n IN in_a WHERE n IN in_b | ['shared', n]]
       + [n IN in_a WHERE NOT n IN in_b | ['only_a', n]]
       + [n IN in_b WHERE NOT n IN in_a | ['only_b', n]] AS row
  RETURN row[0] AS part, row[1] AS item, null AS score
  UNION ALL
  MATCH (ra)<-[:FOR_REGION]-(da:Document), (rb)<-[:FOR_REGION]-(db:Document)
  MATCH (ma:Measure {doc: da.id})-[s:SIMILAR_TO]-(mb:Measure {doc: db.id})
  WITH ma, mb, s ORDER BY s.score DESC LIMIT $similar
  RETURN 'similar_measures' AS part, ma.text + '  ⇄  ' + mb.text AS item, s.score AS score
}
RETURN part, item, score
ORDER BY part, score DESC, item
