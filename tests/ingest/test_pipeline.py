"""The ingestion pipeline on the five real sample plans, and the CLI contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from graph.settings import REPO_ROOT
from ingest.pipeline import extract_file

CONTRACT = REPO_ROOT / "ingest" / "extraction.schema.json"  # a copy of the shared contract
SHARED_CONTRACT = REPO_ROOT.parent / "shared" / "contracts" / "extraction.schema.json"
CORPUS = sorted((REPO_ROOT / "corpus").glob("*.txt"))
EXPECTED = {  # what a reader of each file knows
    "000": ("140522", 21, "阳教工字〔2022〕5号", ("中共阳城县教育工作委员会", "阳城县教育局")),
    "001": ("522725", 43, None, ()),
    "002": ("620724", 30, "高教发〔2023〕1号", ("高台县教育局",)),
    "003": ("141100", 10, None, ()),
    "004": ("371000", 32, None, ("中共威海市委教育工作委员会", "威海市教育局")),
}


@pytest.fixture(scope="module")
def extracted() -> dict[str, object]:
    return {path.name[:3]: extract_file(path) for path in CORPUS}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_region_goals_and_metadata(extracted: dict, key: str) -> None:
    adcode, goals, doc_number, issuers = EXPECTED[key]
    extraction = extracted[key]
    assert extraction.region.place.adcode == adcode
    assert len(extraction.parsed.goals) == goals
    assert extraction.parsed.meta.doc_number == doc_number
    assert extraction.parsed.meta.issuers == issuers


def test_yangcheng_goal_one_has_its_five_measures(extracted: dict) -> None:
    parsed = extracted["000"].parsed
    first = parsed.goals[0]
    assert first.title == "加强党的创新理论学习和教育宣传工作"
    assert first.text.startswith("深入学习贯彻习近平新时代")
    assert len([m for m in parsed.measures if m.goal == first.id]) == 5
    assert [s.number for s in parsed.sections].count("五") == 2


def test_the_broken_sentence_is_joined(extracted: dict) -> None:
    assert "网络意识形态工作的决策部署" in extracted["000"].parsed.normalized.text


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_every_span_points_at_its_evidence(extracted: dict, key: str) -> None:
    extraction = extracted[key]
    text = extraction.parsed.normalized.text
    for item in (*extraction.parsed.goals, *extraction.parsed.measures):
        assert 0 <= item.start < item.end <= len(text)
    for measure in extraction.parsed.measures:
        assert text[measure.start : measure.end] == measure.text
    for target in extraction.targets:
        assert text[target.start : target.end] == target.text


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_shared_initiatives_are_found_in_every_plan(extracted: dict, key: str) -> None:
    extraction = extracted[key]
    projects = {p.name for p in extraction.projects}
    policies = {p.title for p in extraction.policies}
    assert "双减" in projects and "县管校聘" in projects
    cites_the_law = "家庭教育促进法》" in extraction.parsed.normalized.text  # not so in 吕梁's plan
    assert ("家庭教育促进法" in policies) == cites_the_law


def test_own_title_is_not_a_citation(extracted: dict) -> None:
    for extraction in extracted.values():
        title = (extraction.parsed.meta.title or "").replace(" ", "")
        assert title not in {p.title for p in extraction.policies}


def test_political_formulae_are_not_projects(extracted: dict) -> None:
    for extraction in extracted.values():
        names = {p.name for p in extraction.projects}
        assert not names & {"两个确立", "两个维护", "四个意识", "十四五"}


def test_plans_without_annotations_give_issuers_the_lead(extracted: dict) -> None:
    extraction = extracted["000"]
    leads = {(r.institution, r.source) for r in extraction.responsibilities}
    assert leads == {("中共阳城县教育工作委员会", "issuer"), ("阳城县教育局", "issuer")}


def test_extract_cli_output_validates_against_the_contract(tmp_path: Path) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    result = subprocess.run(
        [sys.executable, "-m", "ingest", "extract", *map(str, CORPUS[:2]), str(broken),
         str(CORPUS[2])],
        capture_output=True, text=True, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        line for line in result.stderr.strip().splitlines() if "broken.docx" in line
    ]
    lines = result.stdout.strip().splitlines()
    schema = json.loads(CONTRACT.read_text(encoding="utf-8"))
    sources = []
    for line in lines:
        document = json.loads(line)
        jsonschema.validate(document, schema)
        sources.append(document["document"]["source"])
    assert sources == [CORPUS[0].name, CORPUS[1].name, CORPUS[2].name]


def test_document_id_is_stable(extracted: dict) -> None:
    assert extract_file(CORPUS[0]).doc_id == extracted["000"].doc_id


@pytest.mark.skipif(not SHARED_CONTRACT.exists(), reason="no shared contracts folder beside")
def test_the_contract_copy_is_current() -> None:
    assert json.loads(CONTRACT.read_text(encoding="utf-8")) == json.loads(
        SHARED_CONTRACT.read_text(encoding="utf-8")
    )


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    pipeline = subprocess.run(
        f"{sys.executable} -m ingest extract {' '.join(map(str, CORPUS))} | head -c 100",
        shell=True, capture_output=True, text=True, cwd=REPO_ROOT, check=False,
    )  # fmt: skip
    assert len(pipeline.stdout) == 100
    assert "Traceback" not in pipeline.stderr and "BrokenPipe" not in pipeline.stderr
