"""The spaCy pipeline of ingest/extract/nlp.py and its registered components
(ingest/extract/components.py), on invented sentences of the genre: gazetteer hits first, then the
rule components add quoted programmes, cited policies and named institutions, each span carrying
its canonical name (id) and, for institutions, its kind (kb_id)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from ingest.extract.components import TEXT_KEY, cited_policies, text_of
from ingest.extract.nlp import SPAN_KEY, build_nlp
from ingest.normalize import fold

SENTENCE = fold(
    "深入实施“青苗成长”计划，落实“双减”，贯彻《义务教育法》，县教育局牵头，东关小学配合。"
)


@pytest.fixture(scope="module")
def doc() -> Doc:
    return build_nlp()(SENTENCE)


def spans(doc: Doc) -> set[tuple[str, str, str, str]]:
    return {(s.label_, s.text, s.id_, s.kb_id_) for s in doc.spans[SPAN_KEY]}


def test_the_components_run_after_the_gazetteers() -> None:
    assert build_nlp().pipe_names == [
        "span_ruler",
        "plangraph_quoted_names_v1",
        "plangraph_institutions_v1",
    ]


def test_a_quoted_programme_is_a_project_named_without_its_quotes(doc: Doc) -> None:
    assert ("PROJECT", "“青苗成长”计划", "青苗成长计划", "") in spans(doc)


def test_a_gazetteer_programme_keeps_its_name(doc: Doc) -> None:
    assert ("PROJECT", "双减", "双减", "") in spans(doc)


def test_national_programmes_are_known_without_quotes() -> None:
    text = fold("上好开学第一课,开展学前学会普通话行动,实施强师工程,推行现代学徒制。")
    doc = build_nlp()(text)
    found = {s.id_ for s in doc.spans[SPAN_KEY] if s.label_ == "PROJECT"}
    assert {"开学第一课", "学前学会普通话", "强师工程", "现代学徒制"} <= found


def test_a_cited_law_is_a_policy_named_without_its_brackets(doc: Doc) -> None:
    assert ("POLICY", "《义务教育法》", "义务教育法", "") in spans(doc)
    assert list(cited_policies(SENTENCE)) == [(22, 29, "义务教育法")]


@pytest.mark.parametrize(("name", "kind"), [("县教育局", "bureau"), ("东关小学", "school")])
def test_an_institution_carries_its_kind(doc: Doc, name: str, kind: str) -> None:
    assert ("INSTITUTION", name, name, kind) in spans(doc)


def test_every_span_lies_on_the_text(doc: Doc) -> None:
    assert all(SENTENCE[s.start_char : s.end_char] == s.text for s in doc.spans[SPAN_KEY])


def test_the_text_is_read_once_and_kept(doc: Doc) -> None:
    assert text_of(doc) == SENTENCE
    assert doc.user_data[TEXT_KEY] == SENTENCE


def test_a_sentence_without_names_has_no_spans() -> None:
    assert not build_nlp()(fold("今年的工作总体平稳。")).spans[SPAN_KEY]
