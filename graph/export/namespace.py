"""The project's own RDF terms, in one namespace that rejects typos."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

BASE = "https://w3id.org/plangraph/"
ID = Namespace(BASE + "id/")


class PG(DefinedNamespace):
    """plangraph ontology: classes and properties the standard vocabularies lack."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # classes
    Document: URIRef
    Region: URIRef
    Section: URIRef
    Goal: URIRef
    Measure: URIRef
    Target: URIRef
    Project: URIRef
    Policy: URIRef
    Theme: URIRef
    Relationship: URIRef  # a qualified (n-ary) relationship that carries properties

    # structure and links
    hasSection: URIRef
    hasGoal: URIRef
    hasMeasure: URIRef
    setsTarget: URIRef
    mentions: URIRef
    responsibleFor: URIRef
    adopts: URIRef
    focusesOn: URIRef
    similarTo: URIRef
    locatedIn: URIRef
    governs: URIRef

    # qualified relationships
    relationshipType: URIRef
    subject: URIRef
    object: URIRef

    # literals
    adcode: URIRef
    level: URIRef
    kind: URIRef
    number: URIRef
    title: URIRef
    text: URIRef
    order: URIRef
    metric: URIRef
    value: URIRef
    unit: URIRef
    comparator: URIRef
    deadline: URIRef
    year: URIRef
    sourceFile: URIRef
    role: URIRef
    origin: URIRef
    score: URIRef
    shared: URIRef
    sharedProjects: URIRef
    similarMeasures: URIRef
    measureCount: URIRef
    goalCount: URIRef
    itemCount: URIRef
    firstYear: URIRef
    evidence: URIRef
    evidenceItems: URIRef
    keywords: URIRef
    derived: URIRef
    start: URIRef
    end: URIRef
    starts: URIRef
    ends: URIRef
    rules: URIRef
    sources: URIRef
    regionName: URIRef
    goal: URIRef
    doc: URIRef
    region: URIRef
    batchHash: URIRef
    labelEn: URIRef
    jaccard: URIRef
    broader: URIRef
    # names other writers use for their own attributes; a property may carry them too
    label: URIRef
    labels: URIRef
    type: URIRef
    key: URIRef
    target: URIRef
