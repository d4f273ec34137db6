"""ingest/extract/mentions.py on invented sentences: the pipeline's spans as mentions, each with its
kind, the name it stands for, where it lies and the rule that found it; a name inside a longer
name of the same kind is part of it."""

from __future__ import annotations

from ingest.extract.mentions import extract_mentions
from ingest.normalize import fold

TEXT = fold("全面落实“双减”政策，深入实施“国培计划”，贯彻《中华人民共和国家庭教育促进法》。")


def test_mentions_in_text_order_with_kind_name_and_rule() -> None:
    found = [(m.kind, m.surface, m.rule) for m in extract_mentions(TEXT)]
    assert found == [
        ("project", "双减", "project.gazetteer"),
        ("project", "国培计划", "project.rule"),
        ("policy", "中华人民共和国家庭教育促进法", "policy.rule"),
    ]


def test_a_mention_spans_what_the_text_writes() -> None:
    spans = {m.surface: TEXT[m.start : m.end] for m in extract_mentions(TEXT)}
    assert spans == {
        "双减": "双减",
        "国培计划": "“国培计划”",
        "中华人民共和国家庭教育促进法": "《中华人民共和国家庭教育促进法》",
    }


def test_a_name_inside_a_longer_one_of_its_kind_is_not_a_mention() -> None:
    # 教育法 and 家庭教育促进法 are in the gazetteer, but here they are part of the cited title
    policies = [m.surface for m in extract_mentions(TEXT) if m.kind == "policy"]
    assert policies == ["中华人民共和国家庭教育促进法"]


def test_institutions_carry_their_kind() -> None:
    found = [(m.kind, m.surface, m.attr("kind")) for m in extract_mentions("县教育局、东关小学")]
    assert found == [("institution", "县教育局", "bureau"), ("institution", "东关小学", "school")]


def test_no_names_no_mentions() -> None:
    assert extract_mentions(fold("今年的工作总体平稳。")) == []
