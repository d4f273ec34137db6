"""graph/explore/initiatives.py: who adopts an initiative, on the loaded samples."""

from __future__ import annotations

import pytest
from neo4j import Driver

from graph.explore import initiatives

pytestmark = pytest.mark.neo4j


def test_initiative_view_has_evidence_from_every_adopter(
    sample_graph: Driver, database: str
) -> None:
    view = initiatives.initiative(sample_graph, "双减", database=database)
    assert len(view.adopters) == 5
    assert all(any("双减" in e for e in row["evidence"]) for row in view.adopters)
    assert all(row["initiative"] != "双减" for row in view.co_adopted)
    assert all(0 < row["jaccard"] <= 1 for row in view.co_adopted)
