// Full-text search over goals, measures, targets and the plans' own text (the CJK full-text index
// plan_text): every space-separated word must occur. Han-only words of two or more characters are
// found by the index wherever CONTAINS finds them; any other word (one character, Latin letters,
// digits, 1+X) is matched literally as well, so nothing a CONTAINS query finds is missed.
// Each filter is tested only when it is set (CASE), and what a hit shows is read only for the
// hits returned.
WITH [w IN split(replace(trim($text), '　', ' '), ' ') WHERE w <> ''] AS words
WHERE size(words) > 0
WITH words,
     reduce(q = '', w IN words |
       q + CASE q WHEN '' THEN '' ELSE ' AND ' END
         + '"' + replace(replace(w, '\\', '\\\\'), '"', '\\"') + '"') AS lucene,
     all(w IN words WHERE w =~ '[\\u3400-\\u9fff\\uf900-\\ufaff]{2,}') AS indexed,
     CASE $kinds WHEN '' THEN ['goal', 'measure', 'target', 'text'] ELSE split($kinds, ',') END
       AS kinds
CALL (words, lucene, indexed) {
  CALL db.index.fulltext.queryNodes('plan_text', lucene) YIELD node, score
  RETURN node AS n, score
  UNION ALL
  UNWIND CASE WHEN indexed THEN [] ELSE [words] END AS literal  // no scan when not needed
  CALL (literal) {
    MATCH (n:Goal|Measure|Target|Document)
    WHERE all(w IN literal WHERE coalesce(n.title, '') + ' ' + coalesce(n.text, '') CONTAINS w)
    RETURN n
  }
  RETURN n, 0.0 AS score
}
WITH words, kinds, n, max(score) AS score
WITH words, n, score, CASE WHEN n:Document THEN 'text' ELSE toLower(labels(n)[0]) END AS kind
WHERE kind IN kinds
// A plan's own text is a hit where the first word occurs outside every goal (preamble, headings).
CALL (words, n, kind) {
  WITH n WHERE kind <> 'text'
  RETURN n.doc AS doc, n AS item, n.start AS start, n.end AS end
  UNION
  WITH n WHERE kind = 'text'
  WITH n, split(n.text, words[0]) AS parts,
       COLLECT { MATCH (g:Goal {doc: n.id}) RETURN [g.start, g.end] } AS goals
  UNWIND range(0, size(parts) - 2) AS k
  WITH n, goals, reduce(at = k * size(words[0]), p IN parts[..k + 1] | at + size(p)) AS at
  WHERE none(g IN goals WHERE g[0] <= at < g[1])
  RETURN n.id AS doc, null AS item, at AS start, at + size(words[0]) AS end
}
WITH words, kind, doc, item, start, end, score
WHERE CASE WHEN $year = 0 AND $region = '' THEN true ELSE EXISTS {
        MATCH (d:Document {id: doc}) WHERE $year = 0 OR d.year = $year
        MATCH (d)-[:FOR_REGION]->(:Region)-[:PART_OF*0..]->(w:Region)
        WHERE $region = '' OR w.id = $region OR w.name = $region } END
  AND CASE $theme WHEN '' THEN true ELSE EXISTS {
        MATCH (o:Goal|Measure)-[:SETS_TARGET*0..1]->(item)
        MATCH (o)-[:ABOUT]->(:Theme)-[:BROADER*0..]->(t:Theme)
        WHERE t.id = $theme OR t.label = $theme } END
  AND CASE $responsible WHEN '' THEN true ELSE ($responsible = 'named') = EXISTS {
        MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(:Goal|Measure)
              -[:HAS_MEASURE*0..1]->(:Goal|Measure)-[:SETS_TARGET*0..1]->(item)
        WHERE coalesce(x.source, '') <> 'issuer' } END
WITH words, kind, doc, item, start, end, score,
     CASE WHEN kind = 'text' THEN ''
          WHEN kind <> 'goal' OR item.text STARTS WITH item.title THEN item.text
          ELSE coalesce(item.title, '') + ' ' + coalesce(item.text, '') END AS text
WITH *, all(w IN words WHERE (kind = 'text' AND w = words[0]) OR text CONTAINS w) AS exact
ORDER BY exact DESC, score DESC, doc, start
LIMIT $limit
MATCH (d:Document {id: doc})
OPTIONAL MATCH (d)-[:FOR_REGION]->(r:Region)
CALL (item) {
  OPTIONAL MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(:Goal|Measure)
                 -[:HAS_MEASURE*0..1]->(:Goal|Measure)-[:SETS_TARGET*0..1]->(item)
  WHERE coalesce(x.source, '') <> 'issuer'
  RETURN collect(DISTINCT u.name) AS units
}
WITH *, CASE WHEN start < 80 THEN 0 ELSE start - 80 END AS context_start
RETURN kind, item.id AS id, d.id AS doc, d.title AS plan, d.year AS year, r.name AS region,
       r.id AS adcode, start, end, text, context_start,
       substring(d.text, context_start, end - context_start + 80) AS context, units, exact, score
