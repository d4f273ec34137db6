// Sums of the precomputed (Region)-[:FOCUSES_ON]->(Theme) items over subtrees: the children
// of `within` (the provinces when it is empty) over their plans and their descendants' plans,
// and `within` itself over its own plan when it has one.
CALL () {
  CALL () {
    MATCH (c:Region) WHERE $within = '' AND NOT (c)-[:PART_OF]->(:Region)
    RETURN c
    UNION
    MATCH (c:Region)-[:PART_OF]->(w:Region) WHERE w.id = $within OR w.name = $within
    RETURN c
  }
  MATCH (r)-[:PART_OF*0..]->(c)
  MATCH (r)-[f:FOCUSES_ON]->(t)
  RETURN c AS region, t, sum(f.items) AS items
  UNION ALL
  MATCH (region:Region)-[f:FOCUSES_ON]->(t)
  WHERE region.id = $within OR region.name = $within
  RETURN region, t, f.items AS items
}
RETURN region.name AS region, region.id AS adcode, t.id AS theme_id, t.label AS theme,
       t.label_en AS theme_en, items
ORDER BY adcode, theme
