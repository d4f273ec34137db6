// Full-text search over goals, measures, targets and the plans' own text (the CJK full-text index
// plan_text): every space-separated word must occur. Han-only words of two or more characters are
// found by the index wherever CONTAINS finds them; any other word (one character, Latin letters,
// digits, 1+X) is matched literally as well, so nothing a CONTAINS query finds is missed.
WITH [w IN split(replace(trim($text), '　', ' '), ' ') WHERE w <> ''] AS words
WHERE size(words) > 0
WITH words,
     reduce(q = '', w IN words |
       q + CASE q WHEN '' THEN '' ELSE ' AND ' END
         + '"' + replace(replace(w, '\\', '\\\\'), '"', '\\"') + '"') AS lucene,
     all(w IN words WHERE w =~ '\\p{IsHan}{2,}') AS indexed
CALL (words, lucene, indexed) {
  CALL db.index.fulltext.queryNodes('plan_text', lucene) YIELD node, score
  RETURN node AS n, score
  UNION ALL
  MATCH (n:Goal|Measure|Target|Document)
  WHERE NOT indexed
    AND all(w IN words WHERE coalesce(n.title, '') + ' ' + coalesce(n.text, '') CONTAINS w)
  RETURN n, 0.0 AS score
}
WITH words, n, max(score) AS score
// A plan's own text is a hit where the first word occurs outside every goal (preamble, headings).
CALL (words, n) {
  WITH n WHERE NOT n:Document
  RETURN n.doc AS doc, n AS item, n.start AS start, n.end AS end
  UNION
  WITH n WHERE n:Document
  WITH n, split(n.text, words[0]) AS parts
  UNWIND range(0, size(parts) - 2) AS k
  WITH n, reduce(at = k * size(words[0]), p IN parts[..k + 1] | at + size(p)) AS at
  WHERE NOT EXISTS { MATCH (g:Goal {doc: n.id}) WHERE g.start <= at < g.end }
  RETURN n.id AS doc, null AS item, at AS start, at + size(words[0]) AS end
}
WITH words, doc, item, start, end, score,
     CASE WHEN item IS NULL THEN 'text' ELSE toLower(labels(item)[0]) END AS kind
WHERE $kinds = '' OR kind IN split($kinds, ',')
MATCH (d:Document {id: doc})
WHERE $year = 0 OR d.year = $year
OPTIONAL MATCH (d)-[:FOR_REGION]->(r:Region)
WITH * WHERE $region = ''
  OR EXISTS { MATCH (r)-[:PART_OF*0..]->(w:Region) WHERE w.id = $region OR w.name = $region }
OPTIONAL MATCH (owner:Goal|Measure)-[:SETS_TARGET]->(item:Target)
WITH *, CASE kind WHEN 'target' THEN owner ELSE item END AS own
WHERE $theme = ''
  OR EXISTS { MATCH (own)-[:ABOUT]->(:Theme)-[:BROADER*0..]->(t:Theme)
              WHERE t.id = $theme OR t.label = $theme }
OPTIONAL MATCH (goal:Goal)-[:HAS_MEASURE]->(own)
CALL (own, goal) {
  UNWIND [o IN [own, goal] WHERE o IS NOT NULL] AS o
  MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(o) WHERE coalesce(x.source, '') <> 'issuer'
  RETURN collect(DISTINCT u.name) AS units
}
WITH * WHERE $responsible = '' OR ($responsible = 'named') = (size(units) > 0)
WITH *, CASE WHEN kind = 'text' THEN ''
              WHEN kind <> 'goal' OR item.text STARTS WITH item.title THEN item.text
              ELSE coalesce(item.title, '') + ' ' + coalesce(item.text, '') END AS text,
     CASE WHEN start < 80 THEN 0 ELSE start - 80 END AS context_start
RETURN kind, item.id AS id, d.id AS doc, d.title AS plan, d.year AS year, r.name AS region,
       r.id AS adcode, start, end, text, context_start,
       substring(d.text, context_start, end - context_start + 80) AS context, units,
       all(w IN words WHERE (kind = 'text' AND w = words[0]) OR text CONTAINS w) AS exact, score
ORDER BY exact DESC, score DESC, year DESC, doc, start
LIMIT $limit
