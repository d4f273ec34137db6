"""The graph schema, declared once: labels, relationship types with their allowed patterns, keys,
constraints and indexes. The writer, the exports and the README table are generated from it.

Scopes say who owns a node or relationship, and so what replacing a document removes:
- ``document``: belongs to one document (its sections, goals, measures, targets); carries ``doc``;
- ``shared``: supported by every document that mentions it (regions, institutions, projects,
  policies); carries ``sources``, the ids of those documents, and goes when the last one does;
- ``derived``: recomputed by the analysis step after every load (ADOPTS, SIMILAR_TO, ABOUT,
  FOCUSES_ON);
- ``reference``: loaded from the project's own data files (themes), never from a document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from graph.errors import SchemaViolation

Scope = Literal["document", "shared", "derived", "reference"]
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class NodeSpec:
    label: str
    scope: Scope
    description: str
    indexed: tuple[str, ...] = ()  # range-indexed properties besides the unique key ``id``


@dataclass(frozen=True, slots=True)
class RelSpec:
    type: str
    patterns: tuple[tuple[str, str], ...]  # allowed (source label, target label)
    scope: Scope
    description: str
    merge_on: tuple[str, ...] = ()  # properties that tell two parallel relationships apart


NODES: tuple[NodeSpec, ...] = (
    NodeSpec(
        "Document", "document", "one work plan as loaded: title, year, 文号, text", ("source",)
    ),
    NodeSpec("Region", "shared", "GB/T 2260 division, id = adcode", ("name", "level")),
    NodeSpec("Section", "document", "a top-level part of a plan (一、…)", ("doc",)),
    NodeSpec("Goal", "document", "a numbered work item and its 目标任务", ("doc",)),
    NodeSpec("Measure", "document", "a concrete action (工作措施) of a goal", ("doc",)),
    NodeSpec(
        "Target", "document", "a quantitative commitment: metric, value, unit", ("doc", "metric")
    ),
    NodeSpec("Institution", "shared", "bureau, party body, school, department …", ("name", "kind")),
    NodeSpec(
        "Project", "shared", "a named initiative, programme or construction project", ("name",)
    ),
    NodeSpec("Policy", "shared", "a law or policy document cited (《…》)", ("title",)),
    NodeSpec("Theme", "reference", "an education-policy theme (SKOS concept)", ("label",)),
)

_ITEMS = ("Goal", "Measure")
TEXT_INDEX = "plan_text"  # full-text (CJK bigrams) over goals, measures, targets and plans
_ENTITIES = ("Project", "Policy", "Institution", "Region")


def _each(sources: tuple[str, ...], targets: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((s, t) for s in sources for t in targets)


RELATIONSHIPS: tuple[RelSpec, ...] = (
    RelSpec("FOR_REGION", (("Document", "Region"),), "document", "the region a plan governs"),
    RelSpec("PART_OF", (("Region", "Region"),), "shared", "county → prefecture → province"),
    RelSpec("ISSUED", (("Institution", "Document"),), "document", "issuer of a plan"),
    RelSpec("LOCATED_IN", (("Institution", "Region"),), "shared", "an institution's region"),
    RelSpec("HAS_SECTION", (("Document", "Section"),), "document", "plan → its sections"),
    RelSpec("HAS_GOAL", (("Document", "Goal"), ("Section", "Goal")), "document", "→ goals"),
    RelSpec("HAS_MEASURE", (("Goal", "Measure"),), "document", "goal → its measures"),
    RelSpec(
        "SETS_TARGET",
        _each(("Document", *_ITEMS), ("Target",)),
        "document",
        "item (or, outside every item, the plan) → quantitative target",
    ),
    RelSpec(
        "MENTIONS",
        _each(("Document", *_ITEMS), _ENTITIES),
        "document",
        "text mentions an entity; starts/ends give the spans",
    ),
    RelSpec("CITES", (("Document", "Policy"),), "document", "a plan cites a policy"),
    RelSpec(
        "RESPONSIBLE_FOR",
        _each(("Institution",), _ITEMS),
        "document",
        "lead or support unit of an item",
        merge_on=("role",),
    ),
    RelSpec(
        "ADOPTS",
        (("Region", "Project"), ("Region", "Policy")),
        "derived",
        "a region's plans take up a project or policy",
    ),
    RelSpec(
        "SIMILAR_TO",
        (("Measure", "Measure"), ("Region", "Region")),
        "derived",
        "near-duplicate measures / regions with similar plans",
    ),
    RelSpec("ABOUT", _each(_ITEMS, ("Theme",)), "derived", "item is about a theme"),
    RelSpec(
        "FOCUSES_ON",
        (("Region", "Theme"),),
        "derived",
        "how many goals and measures of a region's plans are about a theme",
    ),
    RelSpec("BROADER", (("Theme", "Theme"),), "reference", "theme hierarchy (skos:broader)"),
)

NODE_BY_LABEL = {spec.label: spec for spec in NODES}
REL_BY_TYPE = {spec.type: spec for spec in RELATIONSHIPS}
LABELS_BY_SCOPE = {
    scope: tuple(s.label for s in NODES if s.scope == scope)
    for scope in ("document", "shared", "derived", "reference")
}


def constraint_statements() -> list[str]:
    """Idempotent DDL: a unique ``id`` per label, range indexes, a CJK full-text index."""
    statements = [
        f"CREATE CONSTRAINT {spec.label.lower()}_id IF NOT EXISTS "
        f"FOR (n:{spec.label}) REQUIRE n.id IS UNIQUE"
        for spec in NODES
    ]
    statements += [
        f"CREATE INDEX {spec.label.lower()}_{prop} IF NOT EXISTS FOR (n:{spec.label}) ON (n.{prop})"
        for spec in NODES
        for prop in spec.indexed
    ]
    # The search (queries/search.cypher) reads this index; it replaced item_text, which covered
    # goals and measures only.
    statements.append("DROP INDEX item_text IF EXISTS")
    statements.append(
        f"CREATE FULLTEXT INDEX {TEXT_INDEX} IF NOT EXISTS "
        "FOR (n:Goal|Measure|Target|Document) ON EACH [n.title, n.text]"
        " OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}"
    )
    return statements


def allows(rel_type: str, source: str, target: str) -> bool:
    spec = REL_BY_TYPE.get(rel_type)
    return spec is not None and (source, target) in spec.patterns


def check_identifiers() -> None:
    """Labels and types are spliced into generated Cypher, so they must be plain identifiers."""
    names = [s.label for s in NODES] + [r.type for r in RELATIONSHIPS]
    names += [p for r in RELATIONSHIPS for p in r.merge_on]
    names += [p for s in NODES for p in s.indexed]
    bad = [name for name in names if not _IDENTIFIER.match(name)]
    if bad:
        raise SchemaViolation(f"schema names that are not identifiers: {bad}")


check_identifiers()


def markdown_table() -> str:
    """The schema as the README shows it."""
    rows = ["| relationship | from → to | scope | meaning |", "|---|---|---|---|"]
    for spec in RELATIONSHIPS:
        rows.append(f"| `{spec.type}` | {_patterns(spec)} | {spec.scope} | {spec.description} |")
    nodes = ["| label | scope | what it is |", "|---|---|---|"]
    nodes += [f"| `{s.label}` | {s.scope} | {s.description} |" for s in NODES]
    return "\n".join(nodes) + "\n\n" + "\n".join(rows)


def _patterns(spec: RelSpec) -> str:
    """`A, B → C, D` when the patterns are every source with every target, else each pair."""
    sources = list(dict.fromkeys(s for s, _ in spec.patterns))
    targets = list(dict.fromkeys(t for _, t in spec.patterns))
    if len(spec.patterns) == len(sources) * len(targets):
        return f"{', '.join(sources)} → {', '.join(targets)}"
    return "; ".join(f"{s} → {t}" for s, t in spec.patterns)
