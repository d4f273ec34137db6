MATCH (r:Region)<-[:FOR_REGION]-(d:Document)
CALL (d) {
  MATCH (i:Goal {doc: d.id})-[:ABOUT]->(t:Theme) RETURN t
  UNION ALL
  MATCH (i:Measure {doc: d.id})-[:ABOUT]->(t:Theme) RETURN t
}
RETURN r.name AS region, t.label AS theme, t.label_en AS theme_en, count(*) AS items
ORDER BY region, theme
