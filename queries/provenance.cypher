CALL () {
  MATCH (n:Goal {id: $id}) RETURN n
  UNION MATCH (n:Measure {id: $id}) RETURN n
  UNION MATCH (n:Target {id: $id}) RETURN n
  UNION MATCH (n:Section {id: $id}) RETURN n
  UNION MATCH (n:Project {id: $id}) RETURN n
  UNION MATCH (n:Policy {id: $id}) RETURN n
  UNION MATCH (n:Institution {id: $id}) RETURN n
  UNION MATCH (n:Region {id: $id}) RETURN n
}
CALL (n) {
  MATCH (d:Document {id: n.doc})
  RETURN d, n.start AS start, n.end AS end
  UNION
  MATCH (source)-[m:MENTIONS]->(n)
  MATCH (d:Document) WHERE d.id = coalesce(source.doc, source.id)
  UNWIND range(0, size(m.starts) - 1) AS k
  RETURN d, m.starts[k] AS start, m.ends[k] AS end
}
RETURN labels(n)[0] AS kind, d.id AS document, d.title AS title, d.source AS source, start, end,
       substring(d.text, start, end - start) AS evidence
ORDER BY document, start
LIMIT $limit
