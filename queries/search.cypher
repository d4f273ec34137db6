// Full-text search over goals, measures, targets and the plans' own text (the CJK full-text index
// plan_text): every space-separated word must occur. Han-only words of two or more characters are
// found by the index wherever CONTAINS finds them; for any other word (one character, Latin
// letters, digits, 1+X) the index gives the items that can hold it and those are matched literally
// (every item when the index cannot narrow the words down), so nothing CONTAINS finds is missed.
// Hits are ranked first by what is known without reading where they lie (literal match, score);
// positions, the theme and responsibility filters and the passages of a plan's text are worked out
// only for the hits still in reach of the first $limit, and what a hit shows for those returned.
WITH [w IN split(replace(trim($text), '　', ' '), ' ') WHERE w <> ''] AS words
WHERE size(words) > 0
WITH words,
     reduce(q = '', w IN words |
       q + CASE q WHEN '' THEN '' ELSE ' AND ' END
         + '"' + replace(replace(w, '\\', '\\\\'), '"', '\\"') + '"') AS lucene,
     all(w IN words WHERE w =~ '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]{2,}') AS indexed,
     CASE $kinds WHEN '' THEN ['goal', 'measure', 'target', 'text'] ELSE split($kinds, ',') END
       AS kinds
// What any text holding the words literally must hold in the index, word by word: a run of two or
// more Han characters as a phrase; one Han character as the first or last of a bigram; a run of
// ASCII letters and digits as a term, within a longer term (*) on each side where the word does
// not end it (a Han character or one of -+/()%&#=<>!? always ends a term), left out when an
// English stop word (not indexed) could be that term. No such part: every item is scanned.
UNWIND CASE WHEN indexed THEN [''] ELSE words END AS w
WITH words, lucene, indexed, kinds, w,
     [c IN [i IN range(0, size(w) - 1) | substring(w, i, 1)] |
       CASE WHEN c =~ '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]' THEN 'h'
            WHEN c =~ '[A-Za-z0-9]' THEN 'a' WHEN c =~ '[-+/()%&#=<>!?]' THEN 's'
            ELSE 'u' END] AS cls
WITH words, lucene, indexed, kinds, w, cls,
     reduce(runs = [], i IN range(0, size(cls) - 1) |  // [class, start, end] of each run
       CASE WHEN size(runs) > 0 AND runs[-1][0] = cls[i]
            THEN runs[..-1] + [[cls[i], runs[-1][1], i + 1]]
            ELSE runs + [[cls[i], i, i + 1]] END) AS runs
UNWIND CASE WHEN indexed THEN [null] ELSE runs END AS run
WITH words, lucene, indexed, kinds, run[0] AS class,
     toLower(substring(w, run[1], run[2] - run[1])) AS part,
     run[1] = 0 OR cls[run[1] - 1] = 'u' AS open_left,
     run[2] = size(w) OR cls[run[2]] = 'u' AS open_right,
     ['a', 'and', 'are', 'as', 'at', 'be', 'but', 'by', 'for', 'if', 'in', 'into', 'is', 'it',
      'no', 'not', 'of', 'on', 'or', 's', 'such', 't', 'that', 'the', 'their', 'then', 'there',
      'these', 'they', 'this', 'to', 'was', 'will', 'with', 'www'] AS stop
WITH words, lucene, indexed, kinds, CASE
       WHEN class = 'h' AND size(part) > 1 THEN '"' + part + '"'
       WHEN class = 'h' THEN '(' + part + '* OR *' + part + ')'
       WHEN class = 'a' AND none(s IN stop WHERE CASE
              WHEN open_left AND open_right THEN s CONTAINS part
              WHEN open_left THEN s ENDS WITH part
              WHEN open_right THEN s STARTS WITH part
              ELSE s = part END)
         THEN CASE WHEN open_left THEN '*' ELSE '' END + part
              + CASE WHEN open_right THEN '*' ELSE '' END
     END AS must
WITH words, lucene, indexed, kinds, reduce(q = '', m IN collect(must) |
       q + CASE q WHEN '' THEN '' ELSE ' AND ' END + m) AS superset
// Every item holding the words, found once, with its full-text score (0 when only the literal
// match found it) and whether it holds them literally (null: not asked, the index answers).
CALL (words, lucene, indexed, superset, kinds) {
  CALL () {  // the plans the region and year filters leave (null: no such filter)
    RETURN CASE WHEN $region = '' AND $year = 0 THEN null ELSE COLLECT {
      MATCH (w:Region) WHERE $region <> '' AND (w.id = $region OR w.name = $region)
      MATCH (w)<-[:PART_OF*0..]-(:Region)<-[:FOR_REGION]-(d:Document)
      WHERE $year = 0 OR d.year = $year
      RETURN d.id AS id
      UNION
      MATCH (d:Document)-[:FOR_REGION]->(:Region) WHERE $region = '' AND d.year = $year
      RETURN d.id AS id
    } END AS plans
  }
  CALL (words, lucene, indexed, superset) {
    CALL db.index.fulltext.queryNodes('plan_text', lucene) YIELD node, score
    RETURN node AS n, score, CASE WHEN indexed THEN null ELSE 0 END AS literal
    UNION ALL
    UNWIND CASE WHEN indexed THEN [] ELSE [superset] END AS must  // no literal match needed
    CALL (words, must) {
      WITH must WHERE must <> ''
      CALL db.index.fulltext.queryNodes('plan_text', must) YIELD node
      WITH node AS n
      WHERE all(w IN words WHERE coalesce(n.text, '') CONTAINS w
                                 OR coalesce(n.title, '') CONTAINS w)
      RETURN n
      UNION ALL
      UNWIND CASE must WHEN '' THEN [must] ELSE [] END AS scan  // the index cannot narrow it
      MATCH (n:Goal|Measure|Target|Document)
      WHERE all(w IN words WHERE coalesce(n.text, '') CONTAINS w
                                 OR coalesce(n.title, '') CONTAINS w)
      RETURN n
    }
    RETURN n, 0.0 AS score, 1 AS literal
  }
  WITH plans, n, score, literal,
       CASE WHEN n:Measure THEN 'measure' WHEN n:Goal THEN 'goal' WHEN n:Target THEN 'target'
            ELSE 'text' END AS kind
  WITH plans, n, score, literal, kind WHERE kind IN kinds
    AND (plans IS NULL OR CASE kind WHEN 'text' THEN n.id ELSE n.doc END IN plans)
  RETURN n, kind, max(score) AS score, max(literal) AS literal
}
// A literal match is exact for a goal (its title is part of its text) and an item without a
// title; so is an index hit for words of two Han characters, each one term of the index (a bigram:
// two characters side by side). Only the other hits have their text read.
WITH words, indexed, n, score, kind, literal, CASE
       WHEN kind = 'text' THEN all(w IN words WHERE w = words[0])
       WHEN literal IS NOT NULL AND (kind = 'goal' OR n.title IS NULL) THEN literal = 1
       WHEN indexed AND all(w IN words WHERE size(w) = 2) AND (kind = 'goal' OR n.title IS NULL)
         THEN true
       ELSE all(w IN words WHERE CASE
              WHEN kind <> 'goal' OR n.text STARTS WITH n.title THEN n.text
              ELSE coalesce(n.title, '') + ' ' + coalesce(n.text, '') END CONTAINS w) END AS exact
ORDER BY exact DESC, score DESC
WITH words, n, score, kind, exact, CASE kind WHEN 'text' THEN n.id ELSE n.doc END AS doc,
     CASE kind WHEN 'text' THEN null ELSE n END AS item
WHERE CASE $theme WHEN '' THEN true ELSE EXISTS {
        MATCH (o:Goal|Measure)-[:SETS_TARGET*0..1]->(item)
        MATCH (o)-[:ABOUT]->(:Theme)-[:BROADER*0..]->(t:Theme)
        WHERE t.id = $theme OR t.label = $theme } END
  AND CASE $responsible WHEN '' THEN true ELSE ($responsible = 'named') = EXISTS {
        MATCH (u:Institution)-[x:RESPONSIBLE_FOR]->(:Goal|Measure)
              -[:HAS_MEASURE*0..1]->(:Goal|Measure)-[:SETS_TARGET*0..1]->(item)
        WHERE coalesce(x.source, '') <> 'issuer' } END
// A plan's text ranks ahead of its items of equal score (start -1) until its passages are known.
WITH words, n, score, kind, exact, doc, item,
     CASE kind WHEN 'text' THEN -1 ELSE item.start END AS start
ORDER BY exact DESC, score DESC, doc, start
// A plan's own text is a hit where the first word occurs outside every goal (preamble, headings).
CALL (words, n, kind, item, start) {
  WITH item, start WHERE kind <> 'text'
  RETURN start AS at, item.end AS end
  UNION ALL
  WITH words, n WHERE kind = 'text'
  WITH words, n, split(n.text, words[0]) AS parts,
       COLLECT { MATCH (g:Goal {doc: n.id}) RETURN [g.start, g.end] } AS goals
  UNWIND reduce(ats = [], p IN parts[..-1] |  // where each occurrence starts
           ats + CASE size(ats) WHEN 0 THEN size(p)
                      ELSE ats[-1] + size(words[0]) + size(p) END) AS at
  WITH words, goals, at WHERE none(g IN goals WHERE g[0] <= at < g[1])
  RETURN at, at + size(words[0]) AS end
}
WITH kind, item, doc, at AS start, end, exact, score
ORDER BY exact DESC, score DESC, doc, start
LIMIT $limit
WITH kind, item, doc, start, end, exact, score, CASE
       WHEN kind = 'text' THEN ''
       WHEN kind <> 'goal' OR item.text STARTS WITH item.title THEN item.text
       ELSE coalesce(item.title, '') + ' ' + coalesce(item.text, '') END AS text
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
