"""The gold annotations are well formed and faithful to the samples; the scorer behaves."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from ingest.cli import score_saved
from ingest.evaluate import FLOORS, KINDS, dice, evaluate, format_report, normalize

ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = ROOT / "tests" / "golden" / "annotations"
CORPUS = ROOT / "corpus"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))
SAMPLE_KINDS = tuple(k for k in KINDS if k != "responsibilities")  # the samples annotate none
INSTITUTION_KINDS = {
    "party_body",
    "government",
    "bureau",
    "department",
    "school",
    "kindergarten",
    "university",
    "training_org",
    "association",
    "other",
}
COMPARATORS = {">=", "<=", "=", "~", None}
ITEM_KEYS = {
    "goals": {"number": (str, type(None)), "title": str},
    "measures": {"goal": str, "text": str},
    "projects": {"name": str, "aliases": list},
    "policies": {"title": str},
    "institutions": {"name": str, "kind": str},
    "targets": {
        "metric": str,
        "value": (int, float),
        "unit": (str, type(None)),
        "comparator": (str, type(None)),
        "deadline": (str, type(None)),
    },
}


def _load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _flat_sample(gold: dict[str, Any]) -> str:
    return re.sub(r"\s+", "", (CORPUS / gold["source"]).read_text(encoding="utf-8"))


def as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """The gold annotation dressed as an extractor's output (goal ids instead of numbers)."""
    goals = [{**g, "id": f"g{i}"} for i, g in enumerate(gold["goals"])]
    goal_ids = {g["number"] or g["title"]: g["id"] for g in goals}
    return {
        "document": {"source": gold["source"]},
        "region": {"adcode": gold["region"]["adcode"]},
        "goals": goals,
        "measures": [{**m, "goal": goal_ids[m["goal"]]} for m in gold["measures"]],
        **{
            kind: copy.deepcopy(gold[kind])
            for kind in SAMPLE_KINDS
            if kind not in ("goals", "measures")
        },
    }


@pytest.fixture(scope="module")
def golds() -> list[dict[str, Any]]:
    return [_load(path) for path in GOLD_FILES]


def test_every_sample_has_a_gold_file() -> None:
    assert [p.stem for p in GOLD_FILES] == [p.stem for p in sorted(CORPUS.glob("*.txt"))]


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_items_have_required_keys_of_the_right_types(path: Path) -> None:
    gold = _load(path)
    assert re.fullmatch(r"\d{6}", gold["region"]["adcode"])
    for kind, keys in ITEM_KEYS.items():
        assert gold[kind], f"{kind} is empty"
        for item in gold[kind]:
            for key, types in keys.items():
                assert isinstance(item[key], types), (kind, key, item)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_enums_are_from_the_contract(path: Path) -> None:
    gold = _load(path)
    assert {i["kind"] for i in gold["institutions"]} <= INSTITUTION_KINDS
    assert {t["comparator"] for t in gold["targets"]} <= COMPARATORS


@pytest.mark.parametrize("kind,field", [("goals", "title"), ("measures", "text")])
@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_text_occurs_in_the_sample(path: Path, kind: str, field: str) -> None:
    gold = _load(path)
    sample = _flat_sample(gold)
    missing = [i[field] for i in gold[kind] if re.sub(r"\s+", "", i[field]) not in sample]
    assert missing == []


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_measures_point_at_a_goal_of_the_document(path: Path) -> None:
    gold = _load(path)
    goal_refs = {g["number"] or g["title"] for g in gold["goals"]}
    assert {m["goal"] for m in gold["measures"]} <= goal_refs
    assert len(goal_refs) == len(gold["goals"])


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda p: p.stem)
def test_gold_names_are_unique_after_normalisation(path: Path) -> None:
    gold = _load(path)
    for kind, field in [("projects", "name"), ("policies", "title"), ("institutions", "name")]:
        names = [normalize(item[field]) for item in gold[kind]]
        assert len(names) == len(set(names)), kind


def test_gold_scored_as_prediction_is_perfect(golds: list[dict[str, Any]]) -> None:
    report = evaluate([as_prediction(g) for g in golds], GOLD_DIR)
    scores = {kind: report.total(kind).f1 for kind in SAMPLE_KINDS}
    assert scores == dict.fromkeys(SAMPLE_KINDS, 1.0)
    assert report.region_accuracy == (5, 5)
    assert report.institution_kind_accuracy[0] == report.institution_kind_accuracy[1]
    assert report.meets_floors()


@pytest.mark.parametrize("kind", SAMPLE_KINDS)
def test_dropping_one_item_lowers_recall_by_one_over_n(
    golds: list[dict[str, Any]], kind: str
) -> None:
    predictions = [as_prediction(g) for g in golds]
    predictions[0][kind].pop()
    total = sum(len(g[kind]) for g in golds)
    score = evaluate(predictions, GOLD_DIR).total(kind)
    assert score.recall == pytest.approx(1 - 1 / total)
    assert score.precision == 1.0


@pytest.mark.parametrize(
    "kind,bogus",
    [
        ("projects", {"name": "不存在的工程", "aliases": []}),
        ("policies", {"title": "不存在的办法"}),
        ("institutions", {"name": "不存在的学校", "kind": "school"}),
        ("targets", {"metric": "不存在的指标", "value": 12345, "unit": "所", "comparator": "="}),
        ("goals", {"id": "gx", "number": None, "title": "完全无关的标题文字"}),
        ("measures", {"id": "mx", "goal": None, "text": "与任何措施都不相似的一句话"}),
    ],
)
def test_a_bogus_item_lowers_precision_only(
    golds: list[dict[str, Any]], kind: str, bogus: dict[str, Any]
) -> None:
    predictions = [as_prediction(g) for g in golds]
    predictions[1][kind].append(bogus)
    score = evaluate(predictions, GOLD_DIR).total(kind)
    assert (score.fp, score.fn) == (1, 0)
    assert score.precision < 1.0


def test_a_missing_prediction_counts_every_gold_item_as_missed(
    golds: list[dict[str, Any]],
) -> None:
    report = evaluate([as_prediction(g) for g in golds[1:]], GOLD_DIR)
    assert report.total("projects").fn == len(golds[0]["projects"])
    assert report.region_accuracy == (4, 5)


@pytest.mark.parametrize(
    "predicted,gold",
    [
        ("“红烛”党建品牌", "红烛党建品牌"),
        ("《家庭教育促进法》", "家庭教育促进法"),
        ("中小學", "中小学"),
        ("（试行）", "(试行)"),
        ("学宪法 讲宪法", "学宪法讲宪法"),
    ],
)
def test_normalize_folds_quotes_width_script_and_spaces(predicted: str, gold: str) -> None:
    assert normalize(predicted) == normalize(gold)


@pytest.mark.parametrize(
    "field,value,missed",
    [("name", "“双减”", 0), ("name", "“双减”政策", 0), ("aliases", ["“双减”政策", "双减"], 1)],
)
def test_a_project_matches_on_its_name_as_the_dev_set_scorer_reads_it(
    golds: list[dict[str, Any]], field: str, value: Any, missed: int
) -> None:
    """The extracted name meets the gold name or a variant the gold accepts; the extraction's own
    aliases do not count, as the dev set's scorer reads only the name."""
    predictions = [as_prediction(g) for g in golds]
    double_reduction = next(p for p in predictions[0]["projects"] if p["name"] == "双减")
    double_reduction.update({"name": "某某", "aliases": []}, **{field: value})
    assert evaluate(predictions, GOLD_DIR).total("projects").fn == missed


def test_a_policy_matches_as_the_dev_set_scorer_matches_it(golds: list[dict[str, Any]]) -> None:
    """With and without 中华人民共和国, a law's titles differ to the scorer (7 of 14 characters)."""
    predictions = [as_prediction(g) for g in golds]
    law = next(p for p in predictions[0]["policies"] if p["title"] == "家庭教育促进法")
    law["title"] = "中华人民共和国家庭教育促进法"
    assert evaluate(predictions, GOLD_DIR).total("policies").fn == 1


@pytest.mark.parametrize(
    "change,matches",
    [
        ({"metric": "智慧书法教室配备"}, True),
        ({"metric": "智慧"}, True),
        ({"value": 48}, False),
        ({"unit": "个"}, False),
        ({"metric": "完全不同"}, False),
    ],
)
def test_a_target_needs_value_unit_and_an_overlapping_metric(
    golds: list[dict[str, Any]], change: dict[str, Any], matches: bool
) -> None:
    predictions = [as_prediction(g) for g in golds]
    target = next(t for t in predictions[0]["targets"] if t["metric"] == "智慧书法教室")
    target.update(change)
    assert (evaluate(predictions, GOLD_DIR).total("targets").fn == 0) is matches


def test_units_must_be_equal_as_the_dev_set_scorer_has_it(golds: list[dict[str, Any]]) -> None:
    """个学时 is not 学时 to the scorer: the extractor writes 学时 (targets.yml unit_aliases)."""
    predictions = [as_prediction(g) for g in golds]
    target = next(t for t in predictions[1]["targets"] if t["unit"] == "学时")
    target["unit"] = "个学时"
    assert evaluate(predictions, GOLD_DIR).total("targets").fn == 1


def test_a_wrong_institution_kind_still_matches_but_costs_kind_accuracy(
    golds: list[dict[str, Any]],
) -> None:
    predictions = [as_prediction(g) for g in golds]
    predictions[0]["institutions"][0]["kind"] = "other"
    report = evaluate(predictions, GOLD_DIR)
    right, matched = report.institution_kind_accuracy
    assert report.total("institutions").fn == 0
    assert (right, matched) == (matched - 1, sum(len(g["institutions"]) for g in golds))


@pytest.mark.parametrize(
    "title,number,matches",
    [
        ("(1) 加强党的创新理论学习和教育宣传工作", None, True),
        ("加强党的理论学习", "1", True),
        ("加强党的理论学习", "2", False),
    ],
)
def test_goal_matching_uses_title_similarity_and_number(
    golds: list[dict[str, Any]], title: str, number: str | None, matches: bool
) -> None:
    predictions = [as_prediction(g) for g in golds]
    predictions[0]["goals"][0].update(title=title, number=number)
    assert (evaluate(predictions, GOLD_DIR).total("goals").fn == 0) is matches


def test_dice_of_identical_and_disjoint_texts() -> None:
    assert (dice("推进学前教育", "推进学前教育"), dice("推进学前教育", "党建品牌")) == (1.0, 0.0)


def test_format_report_prints_every_kind_and_region_accuracy(
    golds: list[dict[str, Any]],
) -> None:
    text = format_report(evaluate([as_prediction(g) for g in golds], GOLD_DIR))
    assert [line.split()[0] for line in text.splitlines()[1:7]] == list(SAMPLE_KINDS)
    assert "region accuracy 5/5" in text


def test_verbose_report_lists_misses_per_document(golds: list[dict[str, Any]]) -> None:
    predictions = [as_prediction(g) for g in golds]
    predictions[0]["projects"] = [{"name": "不存在的工程", "aliases": []}]
    text = format_report(evaluate(predictions, GOLD_DIR), verbose=True)
    assert "FP projects: 不存在的工程" in text
    assert "FN projects: 双减" in text


def test_floors_cover_every_kind() -> None:
    assert set(FLOORS) == set(SAMPLE_KINDS)


def test_command_line_scores_a_jsonl_file_and_exits_zero_on_floors(
    golds: list[dict[str, Any]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join(json.dumps(as_prediction(g)) for g in golds), encoding="utf-8")
    assert score_saved([str(path), "--gold", str(GOLD_DIR)]) == 0
    assert "region accuracy 5/5" in capsys.readouterr().out


def test_command_line_exits_one_below_the_floors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text("", encoding="utf-8")
    assert score_saved([str(path), "--gold", str(GOLD_DIR)]) == 1
    assert "region accuracy 0/5" in capsys.readouterr().out


def test_the_extractor_meets_every_floor_on_the_samples() -> None:
    """The quality bar of the README table: a rule change that costs a floor fails here."""
    from ingest.contract import to_contract
    from ingest.pipeline import extract_file

    corpus = sorted((ROOT / "corpus").glob("*.txt"))
    report = evaluate([to_contract(extract_file(path)) for path in corpus], GOLD_DIR)
    assert report.meets_floors(), format_report(report)


DEVSET = Path(__file__).resolve().parents[2].parent / "shared" / "devset"


@pytest.mark.parametrize(
    ("predicted", "gold", "same"),
    [
        ("“童语同音”计划", "童语同音", True),  # quotes and a generic last word go
        ("市教育体育局", "曲靖市教育体育局", True),  # 6 of 8
        ("市教育局", "承德市教育局", True),  # 4 characters, 4 of 6
        ("市教委", "重庆市教委", False),  # a core under 4 characters must be equal
        ("北京工业大学", "北京工业大学附属实验学校", False),  # 6 of 12
    ],
)
def test_names_match_as_the_dev_set_scorer_does(predicted: str, gold: str, same: bool) -> None:
    from ingest.evaluate import names_match

    assert names_match(predicted, gold) is same


def test_a_dev_set_gold_file_is_scored_with_its_own_kinds(tmp_path: Path) -> None:
    gold = {
        "region": {"name": "文成县", "city": "温州市", "province": "浙江省"},
        "named_projects": ["七优享工程"],
        "policy_documents": ["家庭教育促进法"],
        "institutions": ["文成县教育局"],
        "targets": [{"text": "新建幼儿园2所", "metric": "新建幼儿园", "value": 2, "unit": "所"}],
        "responsibilities": [{"item": "1.", "lead": ["基础教育股"], "support": []}],
    }
    (tmp_path / "201_wencheng.json").write_text(json.dumps(gold, ensure_ascii=False), "utf-8")
    prediction = {
        "document": {"source": "/somewhere/201_wencheng.txt"},
        "region": {"name": "文成县"},
        "projects": [{"name": "七优享工程"}, {"name": "四风"}],
        "policies": [{"title": "家庭教育促进法"}],
        "institutions": [{"name": "文成县教育局", "kind": "bureau"}],
        "targets": [{"metric": "新建幼儿园", "value": 2.0, "unit": "所"}],
        "responsibilities": [
            {"institution": "基础教育股", "role": "lead", "source": "annotation"},
            {"institution": "文成县教育局", "role": "lead", "source": "issuer"},
        ],
    }
    report = evaluate([prediction], tmp_path)
    assert report.kinds == ("projects", "policies", "institutions", "targets", "responsibilities")
    assert (report.total("projects").tp, report.total("projects").fp) == (1, 1)
    assert report.total("responsibilities").f1 == 1.0  # issuer fall-backs are not annotations
    assert report.region_accuracy == (1, 1)


@pytest.mark.skipif(not DEVSET.is_dir(), reason="../shared/devset is not beside this checkout")
def test_evaluate_agrees_with_the_dev_sets_scorer() -> None:
    """`ingest evaluate --gold ../shared/devset/gold` prints what score.py prints."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    ours = subprocess.run(
        [sys.executable, "-m", "ingest", "evaluate", "--gold", str(DEVSET / "gold")],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    theirs = subprocess.run(
        [sys.executable, str(DEVSET / "score.py"), str(root), "--json"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    scores = json.loads(theirs.splitlines()[0])["scores"]
    for kind, score in scores.items():
        row = next(line.split() for line in ours.splitlines() if line.startswith(kind))
        assert (int(row[4]), int(row[5]), int(row[6])) == (
            score["tp"],
            score["pred"] - score["tp"],
            score["gold"] - score["tp"],
        ), kind
