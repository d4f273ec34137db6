"""Stage 4, extract: the folded text → mentions of projects, policies and institutions, found by
the spaCy pipeline (gazetteers in patterns/*.jsonl, rules in patterns/names.yml)."""

from __future__ import annotations

from ingest.extract.components import TEXT_KEY
from ingest.extract.nlp import SPAN_KEY, build_nlp
from ingest.models import Mention, MentionKind

# The rule name of a title found in 《》 (a law the gazetteer finds without them: policy.gazetteer).
CITED_TITLE = "policy.rule"

KINDS: dict[str, MentionKind] = {
    "PROJECT": "project",
    "POLICY": "policy",
    "INSTITUTION": "institution",
}


def extract_mentions(folded: str) -> list[Mention]:
    nlp = build_nlp()
    doc = nlp.make_doc(folded)
    doc.user_data[TEXT_KEY] = folded  # the rule components read it (Doc.text rebuilds it)
    for _, component in nlp.pipeline:
        doc = component(doc)
    mentions = []
    for span in doc.spans[SPAN_KEY]:
        attrs = (("kind", span.kb_id_),) if span.kb_id_ else ()
        rule = "gazetteer" if span.id_ == span.text else "rule"
        label = KINDS[span.label_]
        rule_name = f"{span.label_.lower()}.{rule}"
        surface = span.id_ or span.text
        mentions.append(
            Mention(label, surface, span.start_char, span.end_char, rule_name, span.id_, attrs)
        )
    return sorted(_outermost(mentions), key=lambda m: (m.start, -m.end, m.kind))


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """A name inside a longer name of the same kind (营养改善计划 in 农村义务教育学生营养改善计划)
    is part of it, not a mention of its own."""
    return [
        m
        for m in mentions
        if not any(
            o.kind == m.kind
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in mentions
        )
    ]
