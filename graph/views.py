"""Read-only views the app shows besides the saved queries: what is loaded, and the source text of
any item with its span, for highlighting. Plain functions over a driver; no Streamlit here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from neo4j import Driver

from graph.db import read

COUNTS = """
CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label AS name, count(*) AS count }
RETURN name, count ORDER BY name
UNION ALL
CALL () { MATCH ()-[r]->() RETURN type(r) AS name, count(*) AS count }
RETURN name, count ORDER BY name
"""
DOCUMENTS = """
MATCH (d:Document)
OPTIONAL MATCH (d)-[:FOR_REGION]->(r:Region)
OPTIONAL MATCH (r)-[:PART_OF*1..2]->(p:Region {level: 'province'})
RETURN d.id AS id, d.title AS title, d.year AS year, d.doc_number AS doc_number,
       d.issuers AS issuers, d.source AS source, r.name AS region, r.id AS adcode,
       coalesce(p.name, CASE r.level WHEN 'province' THEN r.name END) AS province,
       COUNT { (d)-[:HAS_GOAL]->(:Goal) } AS goals
ORDER BY province, region, year, title
"""
REGION_NAMES = """
MATCH (d:Document)-[:FOR_REGION]->(r:Region)
RETURN DISTINCT r.name AS name, r.id AS adcode ORDER BY adcode
"""
SOURCE_SPAN = """
CALL () {
  MATCH (n:Goal {id: $id}) RETURN n
  UNION MATCH (n:Measure {id: $id}) RETURN n
  UNION MATCH (n:Target {id: $id}) RETURN n
  UNION MATCH (n:Section {id: $id}) RETURN n
}
MATCH (d:Document {id: n.doc})
RETURN d.id AS doc, d.title AS title, d.text AS text, n.start AS start, n.end AS end
"""


@dataclass(frozen=True, slots=True)
class SourceSpan:
    doc: str
    title: str | None
    text: str
    start: int
    end: int

    def context(self, *, width: int = 120) -> tuple[str, str, str]:
        """(before, evidence, after) around the span, for highlighting."""
        before = self.text[max(0, self.start - width) : self.start]
        return before, self.text[self.start : self.end], self.text[self.end : self.end + width]


def counts(driver: Driver, *, database: str) -> dict[str, int]:
    return {row["name"]: row["count"] for row in read(driver, COUNTS, database=database)}


def documents(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    return read(driver, DOCUMENTS, database=database)


def region_names(driver: Driver, *, database: str) -> list[dict[str, Any]]:
    return read(driver, REGION_NAMES, database=database)


def source_span(driver: Driver, node_id: str, *, database: str) -> SourceSpan | None:
    rows = read(driver, SOURCE_SPAN, {"id": node_id}, database=database)
    if not rows or rows[0]["start"] is None:
        return None
    row = rows[0]
    return SourceSpan(row["doc"], row["title"], row["text"], row["start"], row["end"])
