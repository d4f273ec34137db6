"""ADOPTS rows from mentions and citations, without a database."""

from __future__ import annotations

import pytest

from graph.analysis.adopts import adoption_rows, sentence_around

TEXT = "一、总体要求。全面落实“双减”政策；提升课后服务。\n落实《家庭教育促进法》。"


@pytest.mark.parametrize(
    ("mention", "sentence"),
    [("双减", "全面落实“双减”政策；"), ("家庭教育促进法", "落实《家庭教育促进法》。")],
)
def test_sentence_around_cuts_the_sentence_of_the_mention(mention: str, sentence: str) -> None:
    start = TEXT.index(mention)
    assert sentence_around(TEXT, start, start + len(mention)) == sentence


def test_long_sentences_are_cut_around_the_mention() -> None:
    text = "甲" * 300 + "双减" + "乙" * 300 + "。"
    cut = sentence_around(text, 300, 302, limit=40)
    assert len(cut) == 40 and "双减" in cut


def mention(item: str, doc: str, year: int, entity: str, label: str = "Project") -> dict:
    start = TEXT.index(entity)
    return {
        "region": "140522",
        "doc": doc,
        "year": year,
        "item": item,
        "label": label,
        "entity": entity,
        "starts": [start],
        "ends": [start + len(entity)],
    }


def test_one_row_per_region_and_entity_with_items_and_first_year() -> None:
    mentions = [mention("d1#m1", "d1", 2023, "双减"), mention("d2#m4", "d2", 2022, "双减")]
    (row,) = adoption_rows(mentions, [], {"d1": TEXT, "d2": TEXT})
    assert (row["region"], row["label"], row["entity"]) == ("140522", "Project", "双减")
    assert row["props"]["measures"] == 2 and row["props"]["first_year"] == 2022
    assert row["props"]["evidence"] == ["全面落实“双减”政策；"]  # the same sentence once
    assert row["props"]["evidence_items"] == ["d2#m4"]  # from the earliest plan
    assert row["props"]["docs"] == ["d1", "d2"]


def test_evidence_is_capped_at_three_sentences() -> None:
    text = "".join(f"第{i}条落实双减。" for i in range(6))
    mentions = [
        {**mention(f"d#m{i}", "d", 2022, "双减"), "starts": [text.index(f"第{i}") + 4]}
        for i in range(6)
    ]
    for row in mentions:
        row["ends"] = [row["starts"][0] + 2]
    (row,) = adoption_rows(mentions, [], {"d": text})
    assert row["props"]["measures"] == 6 and len(row["props"]["evidence"]) == 3


def test_a_policy_only_cited_is_adopted_by_the_plan() -> None:
    cites = [{"region": "140522", "doc": "d1", "year": 2022, "entity": "义务教育法"}]
    (row,) = adoption_rows([], cites, {})
    assert row["label"] == "Policy" and row["props"]["measures"] == 1
    assert row["props"]["evidence"] == [] and row["props"]["first_year"] == 2022


def test_a_cited_and_mentioned_policy_is_not_counted_twice() -> None:
    mentions = [mention("d1#g2", "d1", 2022, "家庭教育促进法", "Policy")]
    cites = [{"region": "140522", "doc": "d1", "year": 2022, "entity": "家庭教育促进法"}]
    (row,) = adoption_rows(mentions, cites, {"d1": TEXT})
    assert row["props"]["measures"] == 1 and row["props"]["evidence_items"] == ["d1#g2"]
