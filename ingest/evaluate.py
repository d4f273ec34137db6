"""Score extractions against the hand-made gold annotations in ``tests/golden/annotations``.

Each prediction is one extraction dict (the JSON contract); it is paired with the gold file whose
``source`` has the same file name. Every kind is matched one-to-one, best pair first, and scored by
micro-averaged precision, recall and F1 over all gold documents.

    python -m ingest.evaluate extractions.jsonl [--gold tests/golden/annotations] [--verbose]

(the command line of both is ingest/cli.py).
"""

from __future__ import annotations

import importlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import zhconv

from ingest.errors import ConfigError, ReadError

KINDS = ("goals", "measures", "projects", "policies", "institutions", "targets", "responsibilities")
FLOORS: Mapping[str, float] = {
    "projects": 0.95,
    "policies": 0.97,
    "targets": 0.95,
    "goals": 0.85,
    "measures": 0.85,
    "institutions": 0.96,
}
GOAL_DICE, GOAL_DICE_SAME_NUMBER, MEASURE_DICE, METRIC_DICE = 0.6, 0.4, 0.6, 0.5

_QUOTES = re.compile(r"[\s“”‘’\"'「」『』《》〈〉<>]")
_LEADING_NUMBER = re.compile(
    r"^(?:\(\d+\)|\d+[.、]|[①-⑳]|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))"
)
_PRC = "中华人民共和国"

Item = Mapping[str, Any]
Scorer = Callable[[Item, Item], float | None]


@dataclass(frozen=True, slots=True)
class KindScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: KindScore) -> KindScore:
        return KindScore(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True, slots=True)
class Matching:
    pairs: tuple[tuple[Item, Item], ...]  # (predicted, gold)
    false_positives: tuple[Item, ...]
    false_negatives: tuple[Item, ...]

    @property
    def score(self) -> KindScore:
        return KindScore(len(self.pairs), len(self.false_positives), len(self.false_negatives))


@dataclass(frozen=True, slots=True)
class DocumentScore:
    source: str
    matchings: Mapping[str, Matching]
    region_correct: bool
    predicted: bool = True  # False when no prediction named this gold file

    def score(self, kind: str) -> KindScore:
        matching = self.matchings.get(kind)
        return matching.score if matching else KindScore()

    @property
    def institution_kinds(self) -> tuple[int, int]:
        """(matched institutions whose kind agrees, matched institutions)."""
        pairs = self.matchings["institutions"].pairs
        pairs = tuple((p, g) for p, g in pairs if g.get("kind"))
        return sum(p.get("kind") == g.get("kind") for p, g in pairs), len(pairs)


@dataclass(frozen=True, slots=True)
class EvalReport:
    documents: tuple[DocumentScore, ...]
    unmatched_predictions: tuple[str, ...] = field(default=())

    def total(self, kind: str) -> KindScore:
        return sum((doc.score(kind) for doc in self.documents), KindScore())

    @property
    def region_accuracy(self) -> tuple[int, int]:
        return sum(doc.region_correct for doc in self.documents), len(self.documents)

    @property
    def institution_kind_accuracy(self) -> tuple[int, int]:
        counts = [doc.institution_kinds for doc in self.documents]
        return sum(c for c, _ in counts), sum(n for _, n in counts)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The kinds the gold annotates."""
        return tuple(k for k in KINDS if any(k in doc.matchings for doc in self.documents))

    def meets_floors(self) -> bool:
        return all(self.total(kind).f1 >= floor for kind, floor in FLOORS.items())


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """Width-folded, simplified, lower-case text without quotes, 《》 or whitespace."""
    folded = zhconv.convert(unicodedata.normalize("NFKC", text), "zh-cn")
    return _QUOTES.sub("", folded).lower()


def _body(text: str) -> str:
    return _LEADING_NUMBER.sub("", normalize(text))


def dice(a: str, b: str) -> float:
    """Dice coefficient of the character-bigram multisets of two (normalised) strings."""
    x, y = _bigrams(normalize(a)), _bigrams(normalize(b))
    if not x or not y:
        return float(normalize(a) == normalize(b))
    common = sum((x & y).values())
    return 2 * common / (x.total() + y.total())


def _text_similarity(a: str, b: str) -> float:
    """Dice of two item texts, ignoring a leading item number such as (1) or 3."""
    return dice(_body(a), _body(b))


@lru_cache(maxsize=65536)
def _bigrams(text: str) -> Counter[str]:
    if len(text) < 2:
        return Counter(text)
    return Counter(text[i : i + 2] for i in range(len(text) - 1))


def match(predicted: Sequence[Item], gold: Sequence[Item], scorer: Scorer) -> Matching:
    """One-to-one matching: every scored pair, best first, each side used at most once."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            score = scorer(p, g)
            if score is not None:
                candidates.append((-score, i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in sorted(candidates):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((predicted[i], gold[j]))
    return Matching(
        tuple(pairs),
        tuple(p for i, p in enumerate(predicted) if i not in used_p),
        tuple(g for j, g in enumerate(gold) if j not in used_g),
    )


# Names match as the dev set's scorer (../shared/devset/score.py) matches them: quotes, brackets
# and spaces gone, trailing generic words stripped; equal cores, or the shorter core (4+ characters)
# inside the longer and at least 60 % of its length.
_SCORER_QUOTES = set("“”\"'‘’「」『』《》〈〉<>()（）【】 \u3000\t\r\n")
GENERIC_SUFFIXES = (
    *("计划", "工程", "行动", "政策", "工作", "项目"),
    *("活动", "制度", "改革", "建设", "试行"),
)


def _scorer_norm(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", name) if ch not in _SCORER_QUOTES)


def name_core(name: str) -> str:
    """A name without its generic trailing words (…工作计划 → …), for lenient matching."""
    core = _scorer_norm(name)
    changed = True
    while changed:
        changed = False
        for suffix in GENERIC_SUFFIXES:
            if core.endswith(suffix) and len(core) - len(suffix) >= 2:
                core, changed = core[: -len(suffix)], True
    return core


def names_match(predicted: str, gold: str) -> bool:
    p, g = name_core(predicted), name_core(gold)
    if p == g:
        return True
    short, long_ = sorted((p, g), key=len)
    return len(short) >= 4 and short in long_ and len(short) / len(long_) >= 0.6


def _any_name_matches(p: Item, g: Item, key: str) -> float | None:
    """The extracted name (not its other variants, as the dev set's scorer reads it) against the
    gold name and the variants the gold accepts."""
    names_p = [p[key]]
    names_g = [g[key], *g.get("aliases", ())]
    return 1.0 if any(names_match(a, b) for a in names_p for b in names_g) else None


def _score_project(p: Item, g: Item) -> float | None:
    return _any_name_matches(p, g, "name")


def _score_policy(p: Item, g: Item) -> float | None:
    return _any_name_matches(p, g, "title")


def _score_institution(p: Item, g: Item) -> float | None:
    return _any_name_matches(p, g, "name")


def _score_target(p: Item, g: Item) -> float | None:
    """Equal value and unit, and metrics sharing 30 % of their characters (or the predicted
    metric inside the gold text), as the dev set's scorer has it."""
    if not _same_number(p.get("value"), g.get("value")):
        return None
    if _scorer_norm(p.get("unit") or "") != _scorer_norm(g.get("unit") or ""):
        return None
    pm, gm = _scorer_norm(p.get("metric") or ""), _scorer_norm(g.get("metric") or "")
    if not pm or not gm:
        return None
    overlap = len(set(pm) & set(gm)) / len(set(pm) | set(gm))
    inside = pm in _scorer_norm(g.get("text") or "")
    return max(overlap, METRIC_DICE) if inside else (overlap if overlap >= 0.3 else None)


def _score_responsibility(p: Item, g: Item) -> float | None:
    same_role = p.get("role") == g.get("role")
    return 1.0 if same_role and names_match(p["institution"], g["institution"]) else None


def _same_number(a: Any, b: Any) -> bool:
    try:
        return round(float(a), 4) == round(float(b), 4)
    except (TypeError, ValueError):
        return False


def _score_goal(p: Item, g: Item) -> float | None:
    similarity = _text_similarity(p.get("title") or "", g.get("title") or "")
    same_number = p.get("number") is not None and p.get("number") == g.get("number")
    if similarity >= GOAL_DICE or (same_number and similarity >= GOAL_DICE_SAME_NUMBER):
        return similarity
    return None


def _score_measure(p: Item, g: Item) -> float | None:
    similarity = _text_similarity(p.get("text") or "", g.get("text") or "")
    return similarity if similarity >= MEASURE_DICE else None


SCORERS: Mapping[str, Scorer] = {
    "goals": _score_goal,
    "measures": _score_measure,
    "projects": _score_project,
    "policies": _score_policy,
    "institutions": _score_institution,
    "targets": _score_target,
    "responsibilities": _score_responsibility,
}


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """Gold annotations by source file name."""
    files = sorted(Path(gold_dir).glob("*.json"))
    if not files:
        raise ConfigError("no gold annotations (*.json) found", source=str(gold_dir))
    gold = {}
    for path in files:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as e:
            raise ConfigError(f"unreadable gold file: {e}", source=str(path)) from e
        if "named_projects" in data:  # the dev set's format (../shared/devset/ANNOTATION.md)
            data = from_devset(data, path.stem + ".txt")
        gold[Path(data["source"]).name] = data
    return gold


def from_devset(data: Mapping[str, Any], source: str) -> dict[str, Any]:
    """A dev-set gold file in this module's layout: its names as items, its region by name."""
    return {
        "source": source,
        "region": {"name": (data.get("region") or {}).get("name")},
        "projects": [{"name": n} for n in data.get("named_projects", [])],
        "policies": [{"title": t} for t in data.get("policy_documents", [])],
        "institutions": [{"name": n, "kind": None} for n in data.get("institutions", [])],
        "targets": list(data.get("targets", [])),
        "responsibilities": [
            {"institution": unit, "role": role}
            for item in data.get("responsibilities", [])
            for role in ("lead", "support")
            for unit in item.get(role, [])
        ],
    }


def evaluate(predictions: Sequence[Mapping[str, Any]], gold_dir: Path) -> EvalReport:
    """Score predicted extractions against every gold file in ``gold_dir``."""
    gold = load_gold(gold_dir)
    by_source = {Path(p["document"]["source"]).name: p for p in predictions}
    documents = tuple(
        _score_document(by_source.get(source), annotation) for source, annotation in gold.items()
    )
    unmatched = tuple(sorted(set(by_source) - set(gold)))
    return EvalReport(documents, unmatched)


def _score_document(prediction: Mapping[str, Any] | None, gold: Mapping[str, Any]) -> DocumentScore:
    predicted = prediction or {}
    matchings = {
        kind: match(
            _deduplicated(kind, _predicted_items(predicted, kind)),
            _deduplicated(kind, gold.get(kind, [])),
            SCORERS[kind],
        )
        for kind in KINDS
        if kind in gold  # the dev set's gold has no goals or measures
    }
    region = predicted.get("region") or {}
    gold_region = gold.get("region") or {}
    key = "adcode" if "adcode" in gold_region else "name"
    return DocumentScore(
        source=Path(gold["source"]).name,
        matchings=matchings,
        region_correct=region.get(key) == gold_region.get(key),
        predicted=prediction is not None,
    )


# What makes two items of a kind the same item, for counting each once as the dev set's scorer does.
_IDENTITY: Mapping[str, Callable[[Item], str]] = {
    "projects": lambda item: _scorer_norm(item["name"]),
    "policies": lambda item: _scorer_norm(item["title"]),
    "institutions": lambda item: _scorer_norm(item["name"]),
    "responsibilities": lambda item: f"{_scorer_norm(item['institution'])}|{item['role']}",
}


def _deduplicated(kind: str, items: Sequence[Item]) -> list[Item]:
    identity = _IDENTITY.get(kind)
    if identity is None:
        return list(items)
    seen: dict[str, Item] = {}
    for item in items:
        seen.setdefault(identity(item), item)
    return [item for key, item in seen.items() if key]


def _predicted_items(prediction: Mapping[str, Any], kind: str) -> list[Item]:
    items = list(prediction.get(kind) or [])
    if kind == "responsibilities":
        return [r for r in items if r.get("source") == "annotation"]
    if kind != "measures":
        return items
    goal_numbers = {g["id"]: g.get("number") for g in prediction.get("goals") or [] if "id" in g}
    return [{**m, "goal": goal_numbers.get(m.get("goal"), m.get("goal"))} for m in items]


def describe(kind: str, item: Item) -> str:
    """A one-line label of an annotation or prediction for the verbose listing."""
    if kind == "projects":
        return str(item.get("name"))
    if kind == "policies":
        return str(item.get("title"))
    if kind == "institutions":
        return f"{item.get('name')} ({item.get('kind')})"
    if kind == "responsibilities":
        return f"{item.get('institution')} ({item.get('role')})"
    if kind == "targets":
        comparator, unit = item.get("comparator") or "", item.get("unit") or ""
        return f"{item.get('metric')} {comparator}{item.get('value')}{unit}"
    if kind == "goals":
        return f"{item.get('number') or '-'} {item.get('title')}"
    return f"[{item.get('goal') or '-'}] {item.get('text')}"


def format_report(report: EvalReport, *, verbose: bool = False) -> str:
    """A plain-text table of the scores; with ``verbose``, per-document scores and the misses."""
    lines = [_table([(kind, report.total(kind)) for kind in report.kinds])]
    correct, total = report.region_accuracy
    lines.append(f"region accuracy {correct}/{total}")
    right, matched = report.institution_kind_accuracy
    if matched:
        lines.append(f"institution kind accuracy {right}/{matched}")
    lines.append(f"meets floors: {'yes' if report.meets_floors() else 'no'}")
    if report.unmatched_predictions:
        lines.append("predictions without gold: " + ", ".join(report.unmatched_predictions))
    if verbose:
        lines.extend(_document_details(doc) for doc in report.documents)
    return "\n".join(lines)


def _table(rows: Iterable[tuple[str, KindScore]]) -> str:
    out = [f"{'kind':<13}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}"]
    for kind, s in rows:
        out.append(
            f"{kind:<13}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    return "\n".join(out)


def _document_details(doc: DocumentScore) -> str:
    status = "" if doc.predicted else " (no prediction)"
    region = "ok" if doc.region_correct else "WRONG"
    lines = [f"\n== {doc.source}{status}  region {region}"]
    lines.append(_table([(kind, doc.score(kind)) for kind in doc.matchings]))
    for kind, matching in doc.matchings.items():
        lines.extend(f"  FP {kind}: {describe(kind, item)}" for item in matching.false_positives)
        lines.extend(f"  FN {kind}: {describe(kind, item)}" for item in matching.false_negatives)
    return "\n".join(lines)


def read_predictions(path: Path) -> list[dict[str, Any]]:
    """Extraction dicts from a JSON Lines file (``-`` reads standard input)."""
    try:
        text = sys.stdin.read() if str(path) == "-" else Path(path).read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    except (OSError, ValueError) as e:
        raise ReadError(f"cannot read predictions: {e}", source=str(path)) from e


if __name__ == "__main__":  # the command is ingest/cli.py's; this module parses no arguments
    raise SystemExit(importlib.import_module("ingest.cli").score_saved())
