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


def test_choices_are_the_most_adopted_and_the_one_chosen_before(
    sample_graph: Driver, database: str
) -> None:
    every = initiatives.initiatives(sample_graph, database=database)
    rarest = every[-1]["id"]
    rows = initiatives.initiative_choices(sample_graph, keep=rarest, database=database, limit=3)
    assert rarest in {r["id"] for r in rows} and len(rows) == 3
    others = [r for r in rows if r["id"] != rarest]
    assert [r["regions"] for r in others] == [r["regions"] for r in every[:2]]


def test_choices_hold_the_words_typed(sample_graph: Driver, database: str) -> None:
    rows = initiatives.initiative_choices(sample_graph, " 童语 ", database=database)
    assert rows and all("童语" in r["name"] for r in rows)
