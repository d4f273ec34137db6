"""The spaCy pipeline, built once per process: spacy.blank("zh") with the character segmenter
(so phrase patterns match inside any word: jieba would cut 阳城四小 or 工程建设 elsewhere), a
SpanRuler loaded from the JSONL gazetteers, and the registered rule components."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import cast

import spacy
import srsly
from spacy.language import Language
from spacy.pipeline import SpanRuler

from ingest.extract import components  # noqa: F401  (registers the components)

PATTERNS = Path(__file__).parent / "patterns"
SPAN_KEY = "mentions"


@cache
def build_nlp() -> Language:
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    ruler = cast(
        SpanRuler,
        nlp.add_pipe("span_ruler", config={"spans_key": SPAN_KEY, "phrase_matcher_attr": "ORTH"}),
    )
    for name in ("projects.jsonl", "policies.jsonl"):
        ruler.add_patterns(list(srsly.read_jsonl(PATTERNS / name)))
    nlp.add_pipe("plangraph_quoted_names_v1", config={"spans_key": SPAN_KEY})
    nlp.add_pipe("plangraph_institutions_v1", config={"spans_key": SPAN_KEY})
    return nlp
