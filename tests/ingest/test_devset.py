"""The extractor on the development set of real plans (../shared/devset, beside the checkout in
CI): floors on the whole set, scored with the dev set's own matching (ingest/evaluate.py agrees
with its score.py, see test_evaluate.py). The floors are today's figures less a margin for one
item: a change of rules that loses ground on real plans of other regions fails here."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from ingest.contract import to_contract
from ingest.evaluate import EvalReport, evaluate
from ingest.pipeline import Failure, expand_paths, extract_many

DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset"
FLOORS = {
    "projects": 0.87,
    "policies": 0.97,
    "institutions": 0.89,
    "targets": 0.92,
    "responsibilities": 0.95,
}
REGIONS_RIGHT = 26  # of 26; both anonymised texts count, and must get no region

pytestmark = pytest.mark.skipif(
    not (DEVSET / "gold").is_dir(), reason="../shared/devset is not beside this checkout"
)


CONTRACT = DEVSET.parent / "contracts" / "extraction.schema.json"


@pytest.fixture(scope="module")
def documents() -> list[dict[str, Any]]:
    outcomes = list(extract_many(expand_paths([DEVSET / "docs"])))
    assert not [o for o in outcomes if isinstance(o, Failure)]
    return [to_contract(o) for o in outcomes if not isinstance(o, Failure)]


@pytest.fixture(scope="module")
def report(documents: list[dict[str, Any]]) -> EvalReport:
    return evaluate(documents, DEVSET / "gold")


def test_every_dev_set_plan_keeps_the_contract(documents: list[dict[str, Any]]) -> None:
    """Page-table metadata, bodies named only by the page, units of an annotation: every
    institution has a span in the text, and every responsibility names one of them."""
    validator = jsonschema.Draft202012Validator(json.loads(CONTRACT.read_text(encoding="utf-8")))
    for document in documents:
        assert not [e.message for e in validator.iter_errors(document)], document["document"]
        names = {i["name"] for i in document["institutions"]}
        assert {r["institution"] for r in document["responsibilities"]} <= names
        text = document["document"]["text"]
        for institution in document["institutions"]:
            written = [text[m["start"] : m["end"]] for m in institution["mentions"]]
            assert all(written), institution


@pytest.mark.parametrize("kind", sorted(FLOORS))
def test_the_dev_set_meets_its_floor(report: EvalReport, kind: str) -> None:
    assert report.total(kind).f1 >= FLOORS[kind]


def test_regions_are_right_on_the_dev_set(report: EvalReport) -> None:
    assert report.region_accuracy[0] >= REGIONS_RIGHT


def test_anonymised_texts_get_no_region(report: EvalReport) -> None:
    anonymised = {"106_niming_shijiaoyuju_2022.txt", "213_muban_2024.txt"}
    assert all(doc.region_correct for doc in report.documents if doc.source in anonymised)
